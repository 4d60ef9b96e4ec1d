package io.labelloop.loop.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilsonTest {

    @Test
    void eighteenRightOfTwentyIsSomewhereBetweenSeventyAndNinetySevenPercent() {
        // 18/20: the textbook Wilson interval is 0.699 to 0.972
        double[] ci = Wilson.interval(0.9, 20);

        assertThat(ci[0]).isCloseTo(0.699, within(0.001));
        assertThat(ci[1]).isCloseTo(0.972, within(0.001));
        assertThat(Wilson.describe(0.9, 20)).isEqualTo("n=20, 95% CI 69.9–97.2%");
    }

    @Test
    void aPerfectScoreStaysBelowOneAndMoreRecordsNarrowTheInterval() {
        assertThat(Wilson.interval(1.0, 10)[1]).isLessThanOrEqualTo(1.0);
        assertThat(Wilson.interval(1.0, 10)[0]).isCloseTo(0.722, within(0.001));
        double[] small = Wilson.interval(0.5, 20);
        double[] large = Wilson.interval(0.5, 2000);
        assertThat(large[1] - large[0]).isLessThan((small[1] - small[0]) / 5);
    }

    @Test
    void nothingMeasuredMeansNothingKnown() {
        assertThat(Wilson.interval(0, 0)).containsExactly(0, 1);
    }
}
