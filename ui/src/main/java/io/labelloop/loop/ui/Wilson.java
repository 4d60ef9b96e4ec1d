package io.labelloop.loop.ui;

import java.util.Locale;

/**
 * The Wilson score interval of an accuracy measured on n records: honest also for small n and for accuracies near
 * 0 or 1, where the normal approximation runs past the bounds. Beside every accuracy, so that 50% on 20 records
 * reads as "somewhere between 30% and 70%".
 */
final class Wilson {

    /** The normal quantile of a 95% interval. */
    static final double Z95 = 1.959964;

    private Wilson() {
    }

    /** Lower and upper bound of the 95% interval; [0, 1] when nothing was measured. */
    static double[] interval(double accuracy, int n) {
        if (n <= 0) {
            return new double[] {0, 1};
        }
        double z2 = Z95 * Z95;
        double centre = (accuracy + z2 / (2.0 * n)) / (1 + z2 / n);
        double half = Z95 / (1 + z2 / n) * Math.sqrt(accuracy * (1 - accuracy) / n + z2 / (4.0 * n * n));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    /** "n=20, 95% CI 69.9–97.2%". */
    static String describe(double accuracy, int n) {
        double[] ci = interval(accuracy, n);
        return String.format(Locale.ROOT, "n=%d, 95%% CI %.1f–%.1f%%", n, 100 * ci[0], 100 * ci[1]);
    }
}
