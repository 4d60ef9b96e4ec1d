package io.labelloop.model;

import java.util.stream.IntStream;

/**
 * Temperature scaling (Guo et al. 2017): one scalar {@code T} that divides the logits, fitted on held-out labels by
 * minimising their negative log-likelihood. It never changes which label wins, only how sure the scores are, so that
 * a score window such as 0-0.6 holds the records the model actually gets wrong.
 *
 * <p>The expected calibration error (ECE) is the support-weighted gap between the mean top score and the accuracy in
 * {@value #BINS} equal-width bins of the top score. {@code eceAfter} is cross-fitted: each half of the examples is
 * measured with a temperature fitted on the other (interleaved) half, so it is not flattered by fitting and measuring on the same
 * labels; the temperature applied is the one fitted on all of them, and only when the cross-fitted ECE is lower
 * than before (otherwise {@code T = 1}: with few or easy labels a fitted temperature is noise).
 *
 * @param temperature the fitted temperature ({@code > 1} softens over-confident scores)
 * @param eceBefore the ECE of the scores as they were
 * @param eceAfter the cross-fitted ECE after scaling
 * @param count the examples it was fitted on
 */
public record Calibration(double temperature, double eceBefore, double eceAfter, int count) {

    /** The provenance hyper-parameter that holds the temperature applied. */
    public static final String TEMPERATURE = "calibration_temperature";
    /** The provenance metric of the ECE before calibration. */
    public static final String ECE_BEFORE = "ece_uncalibrated";
    /** The provenance metric of the (cross-fitted) ECE after calibration. */
    public static final String ECE_AFTER = "ece";

    /** Bins of the top score for the ECE. */
    public static final int BINS = 10;
    /** Fewer held-out labels than this leave the scores as they are ({@code T = 1}): too few to fit on. */
    public static final int MIN_EXAMPLES = 20;
    static final double MIN_T = 0.05;
    static final double MAX_T = 20;

    /**
     * Fits the temperature of label probabilities.
     *
     * @param probabilities per example, the probabilities of every label (softmax outputs)
     * @param gold per example, the index of its true label
     */
    public static Calibration fit(float[][] probabilities, int[] gold) {
        if (probabilities.length != gold.length) {
            throw new IllegalArgumentException(probabilities.length + " score rows but " + gold.length + " gold labels");
        }
        double before = ece(probabilities, gold, 1);
        if (gold.length < MIN_EXAMPLES) {
            return new Calibration(1, before, before, gold.length);
        }
        int[] all = range(0, gold.length);
        double t = temperature(probabilities, gold, all);
        int[] a = alternate(0, gold.length);
        int[] b = alternate(1, gold.length);
        double after = (ece(probabilities, gold, b, temperature(probabilities, gold, a)) * b.length
                + ece(probabilities, gold, a, temperature(probabilities, gold, b)) * a.length) / gold.length;
        // With few labels a fitted temperature can be noise: keep the scores unless scaling helped on unseen halves.
        return after < before ? new Calibration(t, before, after, gold.length) : new Calibration(1, before, before, gold.length);
    }

    /** The ECE of the probabilities divided in log space by {@code t}. */
    static double ece(float[][] probabilities, int[] gold, double t) {
        return ece(probabilities, gold, range(0, gold.length), t);
    }

    private static double ece(float[][] probabilities, int[] gold, int[] rows, double t) {
        double[] confidence = new double[BINS];
        int[] correct = new int[BINS];
        int[] count = new int[BINS];
        for (int i : rows) {
            double[] p = scaled(probabilities[i], t);
            int top = argmax(p);
            int bin = Math.min(BINS - 1, (int) (p[top] * BINS));
            confidence[bin] += p[top];
            correct[bin] += top == gold[i] ? 1 : 0;
            count[bin]++;
        }
        double gap = 0;
        for (int k = 0; k < BINS; k++) {
            if (count[k] > 0) {
                gap += Math.abs(confidence[k] / count[k] - (double) correct[k] / count[k]) * count[k];
            }
        }
        return rows.length == 0 ? 0 : gap / rows.length;
    }

    /** Golden-section search of the NLL over log T: it is unimodal in T for temperature scaling. */
    private static double temperature(float[][] probabilities, int[] gold, int[] rows) {
        double lo = Math.log(MIN_T);
        double hi = Math.log(MAX_T);
        double ratio = (Math.sqrt(5) - 1) / 2;
        for (int step = 0; step < 60; step++) {
            double x1 = hi - ratio * (hi - lo);
            double x2 = lo + ratio * (hi - lo);
            if (nll(probabilities, gold, rows, Math.exp(x1)) <= nll(probabilities, gold, rows, Math.exp(x2))) {
                hi = x2;
            } else {
                lo = x1;
            }
        }
        return Math.exp((lo + hi) / 2);
    }

    private static double nll(float[][] probabilities, int[] gold, int[] rows, double t) {
        double sum = 0;
        for (int i : rows) {
            sum -= Math.log(Math.max(scaled(probabilities[i], t)[gold[i]], 1e-12));
        }
        return sum;
    }

    /** softmax(log p / t): the probabilities the logits divided by t would give. */
    static double[] scaled(float[] p, double t) {
        double[] z = new double[p.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < p.length; k++) {
            z[k] = Math.log(Math.max(p[k], 1e-30)) / t;
            max = Math.max(max, z[k]);
        }
        double sum = 0;
        for (int k = 0; k < z.length; k++) {
            z[k] = Math.exp(z[k] - max);
            sum += z[k];
        }
        for (int k = 0; k < z.length; k++) {
            z[k] /= sum;
        }
        return z;
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            best = p[k] > p[best] ? k : best;
        }
        return best;
    }

    private static int[] range(int from, int to) {
        return IntStream.range(from, to).toArray();
    }

    /** Every other row, from {@code first}: an interleaved half, whatever order the examples come in. */
    private static int[] alternate(int first, int size) {
        return IntStream.iterate(first, i -> i < size, i -> i + 2).toArray();
    }
}
