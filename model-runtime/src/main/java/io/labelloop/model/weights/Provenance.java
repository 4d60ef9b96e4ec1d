package io.labelloop.model.weights;

import io.labelloop.model.Evaluation;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where a model version came from: enough to answer "which labels and settings produced model v7".
 * Saved as {@code provenance.json} in every version directory.
 *
 * @param version the version name, used as prediction agent
 * @param base the pretrained starting point, e.g. {@code builtin:all-MiniLM-L6-v2} or {@code hf:distilbert-base-uncased}
 * @param kind how the model was made: {@code zero-shot}, {@code pretrained}, {@code fine-tuned:HEAD} or {@code fine-tuned:FULL}
 * @param labels the label set, in the order of the head's outputs
 * @param trainingSize the number of training examples (0 when not trained)
 * @param trainingIdsHash SHA-256 of the sorted training example ids, hex (empty when not trained)
 * @param hyperParameters the settings of the run (mode, seed, epochs, learning rates, batch size, ...)
 * @param metrics evaluation metrics on the held-out examples ({@link Evaluation#summary()}), empty when none
 * @param createdAt when the version was made
 * @param trainSeconds the wall-clock seconds training took (0 when not trained)
 */
public record Provenance(String version, String base, String kind, List<String> labels, int trainingSize,
                         String trainingIdsHash, Map<String, Object> hyperParameters, Map<String, Double> metrics,
                         Instant createdAt, double trainSeconds) {

    /**
     * Copies the collections so that a provenance never changes once made, and normalises hyper-parameter
     * numbers (whole numbers to Long, others to Double) so that a provenance read back from JSON equals the
     * one written.
     */
    public Provenance {
        labels = List.copyOf(labels);
        Map<String, Object> normalised = new LinkedHashMap<>();
        hyperParameters.forEach((k, v) -> normalised.put(k, normalise(v)));
        hyperParameters = Map.copyOf(normalised);
        metrics = Map.copyOf(metrics);
    }

    /** This provenance with more hyper-parameters and metrics (an entry of the same name is replaced). */
    public Provenance plus(Map<String, Object> moreHyperParameters, Map<String, Double> moreMetrics) {
        Map<String, Object> hyper = new LinkedHashMap<>(hyperParameters);
        hyper.putAll(moreHyperParameters);
        Map<String, Double> m = new LinkedHashMap<>(metrics);
        m.putAll(moreMetrics);
        return new Provenance(version, base, kind, labels, trainingSize, trainingIdsHash, hyper, m, createdAt, trainSeconds);
    }

    private static Object normalise(Object value) {
        if (value instanceof Float f) {
            return Double.parseDouble(f.toString());
        }
        if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        return value;
    }
}
