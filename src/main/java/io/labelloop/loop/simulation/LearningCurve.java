package io.labelloop.loop.simulation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What a simulation measured: its settings, one point per model version (iteration 0 is the zero-shot model),
 * the area under the accuracy curve, and notes such as batches filled from outside the score window.
 */
public record LearningCurve(Map<String, Object> config, List<Point> iterations,
                            @JsonProperty("accuracy_auc") double accuracyAuc, List<String> notes) {

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
     */
    public record Point(int labels, double accuracy, @JsonProperty("macro_f1") double macroF1,
                        @JsonProperty("train_seconds") double trainSeconds,
                        @JsonProperty("score_seconds") double scoreSeconds, String version, boolean promoted) {
    }

    static LearningCurve of(Map<String, Object> config, List<Point> points, List<String> notes) {
        return new LearningCurve(config, List.copyOf(points), auc(points), List.copyOf(notes));
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
