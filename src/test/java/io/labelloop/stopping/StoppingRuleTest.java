package io.labelloop.stopping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class StoppingRuleTest {

    private final StoppingRule rule = StoppingRule.defaults();

    private static List<KappaStep> kappas(double... values) {
        return IntStream.range(0, values.length)
                .mapToObj(i -> new KappaStep("v" + i, "v" + (i + 1), values[i], 1_000)).toList();
    }

    @Test
    void fewerThanThreeComparisonsNeverSignalStopEvenWhenAllAgree() {
        assertThat(rule.meanOfLast(kappas(1.0, 1.0))).isNull();
        assertThat(rule.stop(kappas(1.0, 1.0))).isFalse();
    }

    @Test
    void theMeanOfTheLastThreeComparisonsDecidesNotTheEarlierOnes() {
        List<KappaStep> settled = kappas(0.5, 0.995, 0.99, 0.992);

        assertThat(rule.meanOfLast(settled)).isCloseTo(0.9923, within(1e-4));
        assertThat(rule.stop(settled)).isTrue();
    }

    @Test
    void oneComparisonBelowEnoughToPullTheMeanUnderTheThresholdKeepsTheLoopGoing() {
        List<KappaStep> notYet = kappas(0.999, 0.999, 0.97);

        assertThat(rule.stop(notYet)).isFalse();
    }

    @Test
    void aMeanExactlyAtTheThresholdSignalsStop() {
        assertThat(rule.stop(kappas(0.99, 0.99, 0.99))).isTrue();
    }
}
