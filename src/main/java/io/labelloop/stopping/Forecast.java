package io.labelloop.stopping;

/**
 * The accuracy a learning-curve fit expects after more labels.
 *
 * @param ahead    labels beyond the last version's, e.g. 100
 * @param atLabels the label count it forecasts for (the last version's labels plus {@code ahead})
 * @param accuracy the fitted curve's value there
 * @param low      2.5th percentile of the bootstrap forecasts (see {@link LearningCurveFit})
 * @param high     97.5th percentile of the bootstrap forecasts
 */
public record Forecast(long ahead, long atLabels, double accuracy, double low, double high) {
}
