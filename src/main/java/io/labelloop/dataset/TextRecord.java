package io.labelloop.dataset;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One text of a dataset with everything the loop knows about it (Rubrix-style).
 *
 * @param id              stable id, unique in the dataset (from the file or generated from the text)
 * @param text            the text to classify
 * @param metadata        free keys, e.g. {@code intent} for banking77; searchable as exact terms
 * @param predictions     the current model's classes, highest score first; empty before scoring
 * @param predictionAgent the model version that produced {@code predictions}
 * @param maxScore        the highest prediction score, null before scoring (the uncertainty signal)
 * @param predictedLabel  the label with {@code maxScore}, null before scoring
 * @param annotation      the human label, null if none
 * @param status          DEFAULT, VALIDATED (has a label) or DISCARDED
 * @param split           TRAIN or EVAL, derived from a hash of the id (stable across re-imports)
 * @param importBatch     the import that created the record
 * @param revision        incremented at each annotation change; a writer that read an older revision is rejected
 * @param createdAt       first import time
 * @param updatedAt       last change time
 */
public record TextRecord(
        String id,
        String text,
        Map<String, String> metadata,
        List<PredictedLabel> predictions,
        String predictionAgent,
        Double maxScore,
        String predictedLabel,
        Annotation annotation,
        RecordStatus status,
        Split split,
        String importBatch,
        long revision,
        Instant createdAt,
        Instant updatedAt) {

    public TextRecord {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        predictions = predictions == null ? List.of() : List.copyOf(predictions);
        status = status == null ? RecordStatus.DEFAULT : status;
    }

    /** A new unscored, unlabeled record, as {@link DatasetService#log} expects it; split and timestamps are filled on write. */
    public static TextRecord of(String id, String text, Map<String, String> metadata) {
        return new TextRecord(id, text, metadata, List.of(), null, null, null, null, RecordStatus.DEFAULT,
                null, null, 0, null, null);
    }

    /** This record with a human label (status VALIDATED), as {@link DatasetService#log} expects it for labeled data. */
    public TextRecord withAnnotation(Annotation newAnnotation) {
        return new TextRecord(id, text, metadata, predictions, predictionAgent, maxScore, predictedLabel,
                newAnnotation, newAnnotation == null ? RecordStatus.DEFAULT : RecordStatus.VALIDATED, split,
                importBatch, revision, createdAt, updatedAt);
    }

    /** The annotated label, or null. */
    public String label() {
        return annotation == null ? null : annotation.label();
    }
}
