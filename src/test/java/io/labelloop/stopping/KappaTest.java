package io.labelloop.stopping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class KappaTest {

    @Test
    void identicalPredictionsAgreeFully() {
        Map<String, String> predictions = Map.of("a", "POS", "b", "NEG", "c", "NEG");

        KappaStep step = Kappa.between("v1", predictions, "v2", predictions).orElseThrow();

        assertThat(step.kappa()).isEqualTo(1.0);
        assertThat(step.records()).isEqualTo(3);
    }

    @Test
    void agreementIsCorrectedForChanceAsInCohensWorkedExample() {
        // Cohen's textbook table: 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no: po 0.7, pe 0.5, kappa 0.4
        Map<String, String> first = new HashMap<>();
        Map<String, String> second = new HashMap<>();
        put(first, second, 0, 20, "yes", "yes");
        put(first, second, 20, 5, "yes", "no");
        put(first, second, 25, 10, "no", "yes");
        put(first, second, 35, 15, "no", "no");

        assertThat(Kappa.between("v1", first, "v2", second).orElseThrow().kappa()).isCloseTo(0.4, within(1e-12));
    }

    @Test
    void onlyRecordsBothVersionsPredictedAreCompared() {
        KappaStep step = Kappa.between("v1", Map.of("a", "POS", "b", "NEG", "gone", "POS"),
                "v2", Map.of("a", "POS", "b", "NEG", "new", "NEG")).orElseThrow();

        assertThat(step.records()).isEqualTo(2);
        assertThat(step.kappa()).isEqualTo(1.0);
    }

    @Test
    void oneLabelEverywhereInBothIsAgreementNotZeroOverZero() {
        assertThat(Kappa.between("v1", Map.of("a", "POS", "b", "POS"), "v2", Map.of("a", "POS", "b", "POS"))
                .orElseThrow().kappa()).isEqualTo(1.0);
    }

    @Test
    void versionsWithNoRecordInCommonHaveNoKappa() {
        assertThat(Kappa.between("v1", Map.of("a", "POS"), "v2", Map.of("b", "POS"))).isEmpty();
    }

    @Test
    void flippedPredictionsOnABalancedSetGiveMinusOne() {
        assertThat(Kappa.between("v1", Map.of("a", "POS", "b", "NEG"), "v2", Map.of("a", "NEG", "b", "POS"))
                .orElseThrow().kappa()).isEqualTo(-1.0);
    }

    private static void put(Map<String, String> first, Map<String, String> second, int from, int count, String a,
                            String b) {
        for (int i = from; i < from + count; i++) {
            first.put("r" + i, a);
            second.put("r" + i, b);
        }
    }
}
