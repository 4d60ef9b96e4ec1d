package io.labelloop.registry;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One trained model with its provenance (what produced it) and metrics (how good it is).
 *
 * @param loop            the loop (Camel route) that trained it
 * @param version         unique within the loop, e.g. {@code v7}
 * @param iteration       1 for the loop's first model, 2 for the next...; 0 asks {@link ModelRegistry#register} to number it
 * @param dataset         dataset the labels came from
 * @param base            the pretrained model fine-tuned from, e.g. {@code all-MiniLM-L6-v2}
 * @param labels          the label set, in the classifier's output order
 * @param trainingSize    labeled records trained on
 * @param labeledCount    labeled records in the dataset at training time (train + eval)
 * @param idsHash         hash of the sorted training record ids: same hash, same training data
 * @param hyperParameters trainer settings, e.g. {@code epochs=4}
 * @param metrics         evaluation and timing, e.g. {@value #ACCURACY}, {@value #MACRO_F1}, {@value #TRAIN_SECONDS}
 * @param path            where the weights are stored
 * @param createdAt       when it was registered
 * @param status          CANDIDATE, CURRENT, RETIRED or FAILED
 * @param evaluation      the last full evaluation on the held-out labels (confusion matrix, per-label scores), or
 *                        null when not evaluated (or registered before evaluations were stored)
 * @param promotion       who made it current, when and why; null when it never was
 */
public record ModelVersion(String loop, String version, int iteration, String dataset, String base, List<String> labels,
                           long trainingSize, long labeledCount, String idsHash, Map<String, String> hyperParameters,
                           Map<String, Double> metrics, String path, Instant createdAt, ModelStatus status,
                           ModelEvaluation evaluation, Promotion promotion) {

    /** Held-out accuracy in [0, 1]. */
    public static final String ACCURACY = "accuracy";
    /** Held-out macro-averaged F1 in [0, 1]. */
    public static final String MACRO_F1 = "macro_f1";
    /** Wall seconds of training. */
    public static final String TRAIN_SECONDS = "train_seconds";
    /** Wall seconds of scoring the dataset with this version. */
    public static final String SCORE_SECONDS = "score_seconds";

    public ModelVersion {
        labels = labels == null ? List.of() : List.copyOf(labels);
        hyperParameters = hyperParameters == null ? Map.of() : Map.copyOf(hyperParameters);
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        status = status == null ? ModelStatus.CANDIDATE : status;
    }

    /** A version not evaluated nor promoted yet. */
    public ModelVersion(String loop, String version, int iteration, String dataset, String base, List<String> labels,
                        long trainingSize, long labeledCount, String idsHash, Map<String, String> hyperParameters,
                        Map<String, Double> metrics, String path, Instant createdAt, ModelStatus status) {
        this(loop, version, iteration, dataset, base, labels, trainingSize, labeledCount, idsHash, hyperParameters,
                metrics, path, createdAt, status, null, null);
    }

    /** Whether it was evaluated on the held-out labels (a stored evaluation, or an accuracy from before them). */
    public boolean evaluated() {
        return evaluation != null || metrics.containsKey(ACCURACY);
    }

    /** A metric, or null if not recorded. */
    public Double metric(String name) {
        return metrics.get(name);
    }

    ModelVersion with(int newIteration, Instant newCreatedAt, ModelStatus newStatus, Map<String, Double> newMetrics) {
        return new ModelVersion(loop, version, newIteration, dataset, base, labels, trainingSize, labeledCount, idsHash,
                hyperParameters, newMetrics, path, newCreatedAt, newStatus, evaluation, promotion);
    }

    ModelVersion withEvaluation(ModelEvaluation newEvaluation) {
        return new ModelVersion(loop, version, iteration, dataset, base, labels, trainingSize, labeledCount, idsHash,
                hyperParameters, metrics, path, createdAt, status, newEvaluation, promotion);
    }

    ModelVersion withPromotion(Promotion newPromotion) {
        return new ModelVersion(loop, version, iteration, dataset, base, labels, trainingSize, labeledCount, idsHash,
                hyperParameters, metrics, path, createdAt, status, evaluation, newPromotion);
    }
}
