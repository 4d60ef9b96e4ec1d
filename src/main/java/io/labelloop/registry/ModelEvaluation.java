package io.labelloop.registry;

import io.labelloop.model.Evaluation;
import java.time.Instant;
import java.util.List;

/**
 * A version's full evaluation on the held-out labels, as the dashboards render it (confusion matrix, per-label
 * precision and recall). Stored with the version; versions registered before it existed have none.
 *
 * @param labels      the label set, in the order of the confusion matrix rows and columns
 * @param count       examples evaluated
 * @param accuracy    fraction predicted right
 * @param macroF1     unweighted mean of the per-label F1
 * @param perLabel    precision, recall, F1 and support of each label, in label order
 * @param confusion   {@code confusion.get(gold).get(predicted)} counts, indexed like {@code labels}
 * @param evalSet     which eval set: the eval dataset's name, or the loop dataset's name and "eval split"; null in
 *                    evaluations stored before it was recorded
 * @param evalIdsHash hash of the sorted ids of the eval records: equal hashes, same eval set
 * @param evaluatedAt when it was evaluated
 */
public record ModelEvaluation(List<String> labels, int count, double accuracy, double macroF1,
                              List<LabelScores> perLabel, List<List<Integer>> confusion, String evalSet,
                              String evalIdsHash, Instant evaluatedAt) {

    /** Precision, recall, F1 and support (gold examples) of one label. */
    public record LabelScores(String label, double precision, double recall, double f1, int support) {
    }

    public ModelEvaluation {
        labels = labels == null ? List.of() : List.copyOf(labels);
        perLabel = perLabel == null ? List.of() : List.copyOf(perLabel);
        confusion = confusion == null ? List.of() : confusion.stream().map(List::copyOf).toList();
    }

    /** The model runtime's evaluation of a version on eval set {@code evalSet}, whose ids hash to {@code evalIdsHash}. */
    public static ModelEvaluation of(Evaluation evaluation, String evalSet, String evalIdsHash, Instant evaluatedAt) {
        List<LabelScores> perLabel = evaluation.perLabel().entrySet().stream()
                .map(e -> new LabelScores(e.getKey(), e.getValue().precision(), e.getValue().recall(),
                        e.getValue().f1(), e.getValue().support()))
                .toList();
        return new ModelEvaluation(evaluation.labels(), evaluation.count(), evaluation.accuracy(),
                evaluation.macroF1(), perLabel, evaluation.confusionRows(), evalSet, evalIdsHash, evaluatedAt);
    }

    ModelEvaluation at(Instant when) {
        return new ModelEvaluation(labels, count, accuracy, macroF1, perLabel, confusion, evalSet, evalIdsHash, when);
    }

    /** Whether this and {@code other} measured on the same records with the same result. */
    boolean sameMeasurement(ModelEvaluation other) {
        return other != null && evalIdsHash != null && evalIdsHash.equals(other.evalIdsHash) && count == other.count
                && accuracy == other.accuracy && macroF1 == other.macroF1;
    }

    /** How many eval records of gold label {@code gold} were predicted as {@code predicted}. */
    public int confusion(String gold, String predicted) {
        int g = labels.indexOf(gold);
        int p = labels.indexOf(predicted);
        if (g < 0 || p < 0) {
            throw new IllegalArgumentException("label not in " + labels + ": " + (g < 0 ? gold : predicted));
        }
        return confusion.get(g).get(p);
    }
}
