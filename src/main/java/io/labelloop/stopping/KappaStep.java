package io.labelloop.stopping;

/**
 * The agreement of two consecutive scored versions on the stop set.
 *
 * @param from    the earlier version
 * @param to      the later version
 * @param kappa   Cohen's kappa of their predicted labels
 * @param records stop-set records both predicted (a record labeled in between is no longer scored)
 */
public record KappaStep(String from, String to, double kappa, int records) {
}
