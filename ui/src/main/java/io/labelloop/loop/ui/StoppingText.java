package io.labelloop.loop.ui;

import java.util.Locale;
import java.util.Optional;

import io.labelloop.stopping.Forecast;
import io.labelloop.stopping.LearningCurveFit;
import io.labelloop.stopping.WhenToStop;

/** The words and figures of the dashboard's "When to stop" section. */
final class StoppingText {

    private StoppingText() {
    }

    /** "93.1%", or "–" without a forecast. */
    static String forecastValue(WhenToStop status, long ahead) {
        return status.forecast(ahead).map(f -> DashboardView.percent(f.accuracy())).orElse("–");
    }

    /** "at 350 labels (+100), 95% interval 91.0–94.5%", or what is missing for a forecast. */
    static String forecastCaption(WhenToStop status, long ahead) {
        Optional<Forecast> forecast = status.forecast(ahead);
        if (forecast.isEmpty()) {
            return String.format(Locale.ROOT, "Forecast +%d labels: needs %d trained versions with different label "
                    + "counts (%d so far)", ahead, LearningCurveFit.MIN_POINTS, status.curvePoints());
        }
        Forecast f = forecast.get();
        return String.format(Locale.ROOT, "Forecast at %d labels (+%d), 95%% interval %.1f–%.1f%%", f.atLabels(),
                ahead, 100 * f.low(), 100 * f.high());
    }

    /** "Stop", "Continue" or "Not yet". */
    static String signalValue(WhenToStop status) {
        return switch (status.signal()) {
            case STOP -> "Stop";
            case CONTINUE -> "Continue";
            case TOO_FEW_VERSIONS -> "Not yet";
        };
    }

    /** What the signal rests on: the mean kappa of the window, or how many comparisons are still missing. */
    static String signalCaption(WhenToStop status) {
        if (status.meanKappa() == null) {
            return String.format(Locale.ROOT, "Stopping signal: needs %d version-to-version comparisons (%d so far)",
                    status.window(), status.kappas().size());
        }
        return String.format(Locale.ROOT,
                "Stopping signal: mean kappa of the last %d comparisons %.3f (stop at >= %.2f)", status.window(),
                status.meanKappa(), status.threshold());
    }

    /** The method in one sentence, with the stop set's size and the fitted curve's limit when there is one. */
    static String explanation(WhenToStop status) {
        String curve = status.asymptote() == null ? "" : String.format(Locale.ROOT,
                " The fitted curve levels off at %.1f%%.", 100 * status.asymptote());
        String stopSet = status.stopSetSize() == 0 ? "a fixed sample of the pool, drawn at the loop's first score"
                : status.stopSetSize() + " fixed pool records";
        return String.format(Locale.ROOT, "Forecast: an inverse power law fitted to the accuracy of the %d trained "
                + "versions, interval from a bootstrap.%s Signal: Cohen's kappa between the predictions of consecutive "
                + "versions on %s; %s.", status.curvePoints(), curve, stopSet, status.rule());
    }
}
