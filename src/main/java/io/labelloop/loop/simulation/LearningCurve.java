package io.labelloop.loop.simulation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.labelloop.stopping.Forecast;

/**
 * What a simulation measured: its settings, one point per model version (iteration 0 is the zero-shot model),
 * the area under the accuracy curve, notes such as batches filled from outside the score window, how far the
 * learning-curve forecasts made during the run were from the accuracy then reached, and the stopping signal.
 */
public record LearningCurve(Map<String, Object> config, List<Point> iterations,
                            @JsonProperty("accuracy_auc") double accuracyAuc, List<String> notes,
                            ForecastSummary forecast, Stopping stopping) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * One model version of the run.
     *
     * @param labels       labels it was trained on (0: zero-shot)
     * @param accuracy     held-out accuracy
     * @param macroF1      held-out macro-F1
     * @param trainSeconds training wall time
     * @param scoreSeconds wall time of re-scoring the pool with it (0 when it was not promoted, so never scored)
     * @param version      the model version
     * @param promoted     whether it served after its iteration
     * @param evalRecords  records its accuracy was measured on
     * @param forecast     the accuracy forecast for its label count from the points at least
     *                     {@value ForecastCheck#AHEAD} labels before it (null while they were too few for a fit)
     * @param forecastLow  the lower bound of that forecast's 95% bootstrap interval
     * @param forecastHigh the upper bound
     * @param kappa        Cohen's kappa of its predictions on the stop set against the version scored before it; null
     *                     when it never scored the pool (not promoted) or is the first
     */
    public record Point(int labels, double accuracy, @JsonProperty("macro_f1") double macroF1,
                        @JsonProperty("train_seconds") double trainSeconds,
                        @JsonProperty("score_seconds") double scoreSeconds, String version, boolean promoted,
                        @JsonProperty("eval_records") int evalRecords,
                        @JsonProperty("forecast_accuracy") Double forecast,
                        @JsonProperty("forecast_low") Double forecastLow,
                        @JsonProperty("forecast_high") Double forecastHigh, Double kappa) {

        /** A point as measured, before forecasts and kappas are added. */
        public Point(int labels, double accuracy, double macroF1, double trainSeconds, double scoreSeconds,
                     String version, boolean promoted, int evalRecords) {
            this(labels, accuracy, macroF1, trainSeconds, scoreSeconds, version, promoted, evalRecords, null, null,
                    null, null);
        }

        Point withForecast(Forecast f) {
            return new Point(labels, accuracy, macroF1, trainSeconds, scoreSeconds, version, promoted, evalRecords,
                    f.accuracy(), f.low(), f.high(), kappa);
        }

        Point withKappa(Double newKappa) {
            return new Point(labels, accuracy, macroF1, trainSeconds, scoreSeconds, version, promoted, evalRecords,
                    forecast, forecastLow, forecastHigh, newKappa);
        }
    }

    /**
     * How the +{@value ForecastCheck#AHEAD} forecasts made during the run compare with what it then measured.
     *
     * @param labelsAhead       the horizon checked
     * @param checked           points that had a forecast (enough points that many labels earlier)
     * @param meanAbsoluteError mean of |forecast - measured accuracy|, null when none was checked
     * @param maxAbsoluteError  the largest of them
     * @param insideInterval    checked points whose measured accuracy fell inside the forecast's 95% interval
     */
    public record ForecastSummary(@JsonProperty("labels_ahead") long labelsAhead, int checked,
                                  @JsonProperty("mean_absolute_error") Double meanAbsoluteError,
                                  @JsonProperty("max_absolute_error") Double maxAbsoluteError,
                                  @JsonProperty("inside_interval") int insideInterval) {
    }

    /**
     * The stabilizing-predictions signal over the run.
     *
     * @param firstStopAtLabels the labels of the version after which the rule first said stop, null if it never did
     * @param finalSignal       what it says at the end
     * @param finalMeanKappa    the mean kappa of its window at the end, null with too few comparisons
     * @param rule              the rule in words
     */
    public record Stopping(@JsonProperty("first_stop_at_labels") Integer firstStopAtLabels,
                           @JsonProperty("final_signal") String finalSignal,
                           @JsonProperty("final_mean_kappa") Double finalMeanKappa, String rule) {
    }

    static LearningCurve of(Map<String, Object> config, List<Point> points, List<String> notes, Stopping stopping) {
        List<Point> forecast = ForecastCheck.withForecasts(points);
        return new LearningCurve(config, List.copyOf(forecast), auc(points), List.copyOf(notes),
                ForecastCheck.summary(forecast), stopping);
    }

    /** Trapezoid area under accuracy over labels, divided by the label range: the curve's mean accuracy. */
    static double auc(List<Point> points) {
        if (points.size() < 2) {
            return points.isEmpty() ? 0 : points.get(0).accuracy();
        }
        double area = 0;
        for (int i = 1; i < points.size(); i++) {
            Point a = points.get(i - 1);
            Point b = points.get(i);
            area += (b.labels() - a.labels()) * (a.accuracy() + b.accuracy()) / 2;
        }
        int range = points.get(points.size() - 1).labels() - points.get(0).labels();
        return range == 0 ? points.get(0).accuracy() : area / range;
    }

    void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        JSON.writeValue(file.toFile(), this);
    }

    static LearningCurve read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), LearningCurve.class);
    }
}
