package io.labelloop.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Temperature scaling on scores whose true calibration is known by construction. */
class CalibrationTest {

    /**
     * Draws examples whose true label follows softmax(z) and reports the scores softmax(z * overconfidence): an
     * over-confident model is recovered as T = overconfidence.
     */
    private static float[][] scores(Random random, int n, double overconfidence, int[] gold) {
        float[][] p = new float[n][];
        for (int i = 0; i < n; i++) {
            double z = random.nextGaussian() * 2;
            double truePositive = 1 / (1 + Math.exp(-z));
            gold[i] = random.nextDouble() < truePositive ? 1 : 0;
            double reported = 1 / (1 + Math.exp(-z * overconfidence));
            p[i] = new float[] {(float) (1 - reported), (float) reported};
        }
        return p;
    }

    @Test
    void anOverconfidentModelGetsItsOverconfidenceBackAsTheTemperature() {
        int[] gold = new int[4000];
        float[][] p = scores(new Random(1), gold.length, 3.0, gold);
        Calibration c = Calibration.fit(p, gold);
        assertThat(c.temperature()).isCloseTo(3.0, offset(0.3));
        assertThat(c.eceBefore()).isGreaterThan(0.08);
        assertThat(c.eceAfter()).isLessThan(0.03).isLessThan(c.eceBefore());
    }

    @Test
    void aCalibratedModelKeepsATemperatureOfAboutOne() {
        int[] gold = new int[4000];
        float[][] p = scores(new Random(2), gold.length, 1.0, gold);
        Calibration c = Calibration.fit(p, gold);
        assertThat(c.temperature()).isCloseTo(1.0, offset(0.15));
        assertThat(c.eceBefore()).isLessThan(0.03);
    }

    @Test
    void aTemperatureThatDoesNotHelpOnTheOtherHalfIsNotApplied() {
        // Interleaved halves that need opposite corrections: even rows over-confident (0.99, right 60%), odd rows
        // under-confident (0.6, always right); a temperature fitted on one half makes the other worse.
        int[] gold = new int[100];
        float[][] p = new float[gold.length][];
        for (int i = 0; i < gold.length; i++) {
            p[i] = i % 2 == 0 ? new float[] {0.01f, 0.99f} : new float[] {0.4f, 0.6f};
            gold[i] = i % 2 == 1 || i % 10 < 6 ? 1 : 0;
        }
        Calibration c = Calibration.fit(p, gold);
        assertThat(c.temperature()).isEqualTo(1.0);
        assertThat(c.eceAfter()).isEqualTo(c.eceBefore());
    }

    @Test
    void tooFewExamplesLeaveTheScoresAsTheyAre() {
        int[] gold = new int[Calibration.MIN_EXAMPLES - 1];
        Calibration c = Calibration.fit(scores(new Random(3), gold.length, 3.0, gold), gold);
        assertThat(c.temperature()).isEqualTo(1.0);
        assertThat(c.eceAfter()).isEqualTo(c.eceBefore());
    }

    @Test
    void scalingNeverChangesTheTopLabel() {
        float[] p = {0.2f, 0.5f, 0.3f};
        for (double t : new double[] {0.1, 0.5, 2, 10}) {
            double[] q = Calibration.scaled(p, t);
            assertThat(q[1]).isGreaterThan(q[0]).isGreaterThan(q[2] - 1e-12);
            assertThat(q[0] + q[1] + q[2]).isCloseTo(1.0, offset(1e-9));
        }
    }
}
