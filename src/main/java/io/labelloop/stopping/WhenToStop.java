package io.labelloop.stopping;

import java.util.List;
import java.util.Optional;

/**
 * A loop's "when to stop" figures: the learning-curve forecast and the stabilizing-predictions signal.
 *
 * @param loop          the loop
 * @param curvePoints   trained, evaluated versions the curve was fitted to
 * @param forecasts     accuracy expected after {@link StoppingService#HORIZONS} more labels; empty while there are
 *                      fewer than {@value LearningCurveFit#MIN_POINTS} distinct label counts
 * @param asymptote     the fitted curve's limit {@code a} (accuracy with unlimited labels), null without a fit
 * @param exponent      the fitted exponent {@code c}, null without a fit
 * @param stopSetSize   records in the loop's stop set, 0 before its first score
 * @param kappas        Cohen's kappa between each scored version and the one scored before it, oldest first
 * @param meanKappa     mean of the last {@code window} kappas, null while there are fewer
 * @param signal        STOP, CONTINUE, or TOO_FEW_VERSIONS while fewer comparisons than the rule's window exist
 * @param window        comparisons the rule averages
 * @param threshold     the mean kappa at which it says stop
 * @param rule          the stopping rule in words
 */
public record WhenToStop(String loop, int curvePoints, List<Forecast> forecasts, Double asymptote, Double exponent,
                         int stopSetSize, List<KappaStep> kappas, Double meanKappa, Signal signal, int window,
                         double threshold, String rule) {

    /** What the stabilizing-predictions rule says. */
    public enum Signal {
        /** The predictions on the stop set have stabilized: more labels are unlikely to change the model much. */
        STOP,
        /** Enough comparisons, and they still change. */
        CONTINUE,
        /** Too few scored versions to judge. */
        TOO_FEW_VERSIONS
    }

    public WhenToStop {
        forecasts = List.copyOf(forecasts);
        kappas = List.copyOf(kappas);
    }

    /** The forecast {@code ahead} labels on, if there is one. */
    public Optional<Forecast> forecast(long ahead) {
        return forecasts.stream().filter(f -> f.ahead() == ahead).findFirst();
    }
}
