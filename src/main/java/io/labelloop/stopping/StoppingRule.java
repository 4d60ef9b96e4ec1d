package io.labelloop.stopping;

import java.util.List;

/**
 * Stabilizing predictions (Bloodgood and Vijay-Shanker 2009; small-text's {@code KappaAverage}): stop when the
 * predictions on a fixed stop set no longer change between versions, i.e. when the mean kappa of the last
 * {@link #window} comparisons reaches {@link #threshold}.
 *
 * @param window    comparisons averaged
 * @param threshold the mean kappa that signals stop
 */
record StoppingRule(int window, double threshold) {

    /** small-text's and the paper's window: three comparisons, i.e. four scored versions. */
    static final int DEFAULT_WINDOW = 3;
    /** The paper's agreement threshold. */
    static final double DEFAULT_THRESHOLD = 0.99;
    /** Three kappas of exactly 0.99 average to 0.98999...: a mean that close to the threshold counts as reaching it. */
    private static final double ROUNDING = 1e-9;

    static StoppingRule defaults() {
        return new StoppingRule(DEFAULT_WINDOW, DEFAULT_THRESHOLD);
    }

    /** The mean kappa of the last {@link #window} comparisons, or null while there are fewer. */
    Double meanOfLast(List<KappaStep> steps) {
        if (steps.size() < window) {
            return null;
        }
        return steps.subList(steps.size() - window, steps.size()).stream().mapToDouble(KappaStep::kappa).average()
                .orElseThrow();
    }

    /** Whether the predictions have stabilized. */
    boolean stop(List<KappaStep> steps) {
        Double mean = meanOfLast(steps);
        return mean != null && mean >= threshold - ROUNDING;
    }

    /** The rule in words, as the dashboard and the REST answer show it. */
    String describe() {
        return "stop when the mean kappa of the last " + window + " version-to-version comparisons on the stop set is >= "
                + threshold;
    }
}
