package io.labelloop.loop.simulation;

import io.labelloop.stopping.CurvePoint;
import io.labelloop.stopping.LearningCurveFit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks the learning-curve forecast against the curve the run really reached: each point gets the forecast for its
 * label count made only from the points at least {@value #AHEAD} labels before it, as the dashboard would have shown
 * it then, and the summary says how far those forecasts were from the accuracies measured.
 */
final class ForecastCheck {

    /** The dashboard's nearer horizon. */
    static final long AHEAD = 100;

    private ForecastCheck() {
    }

    /** The points, each with the forecast made for it from the points at least {@value #AHEAD} labels earlier. */
    static List<LearningCurve.Point> withForecasts(List<LearningCurve.Point> points) {
        List<LearningCurve.Point> forecast = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            LearningCurve.Point point = points.get(i);
            List<CurvePoint> earlier = points.subList(0, i).stream()
                    .filter(p -> p.labels() > 0 && p.labels() <= point.labels() - AHEAD)
                    .map(p -> new CurvePoint(p.labels(), p.accuracy(), p.evalRecords())).toList();
            forecast.add(LearningCurveFit.of(earlier).map(f -> point.withForecast(f.forecastAt(point.labels())))
                    .orElse(point));
        }
        return forecast;
    }

    static LearningCurve.ForecastSummary summary(List<LearningCurve.Point> points) {
        List<LearningCurve.Point> checked = points.stream().filter(p -> p.forecast() != null).toList();
        if (checked.isEmpty()) {
            return new LearningCurve.ForecastSummary(AHEAD, 0, null, null, 0);
        }
        double[] errors = checked.stream().mapToDouble(p -> Math.abs(p.forecast() - p.accuracy())).toArray();
        int inside = (int) checked.stream()
                .filter(p -> p.accuracy() >= p.forecastLow() && p.accuracy() <= p.forecastHigh()).count();
        double mean = Arrays.stream(errors).average().orElseThrow();
        double max = Arrays.stream(errors).max().orElseThrow();
        return new LearningCurve.ForecastSummary(AHEAD, checked.size(), mean, max, inside);
    }
}
