package io.labelloop.api;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.labelloop.dataset.Annotation;
import io.labelloop.dataset.PredictedLabel;
import io.labelloop.dataset.TextRecord;

/**
 * One record as a script logs it ({@code rb.log}): text, optional metadata, optional predictions with the
 * agent (model version) that made them, optional human label.
 *
 * @param id              stable id; required (a re-log with the same id replaces the record)
 * @param text            the text
 * @param metadata        free keys
 * @param predictions     label and score pairs in any order
 * @param predictionAgent the model version that made the predictions
 * @param label           a human label, or null
 */
record LoggedRecord(String id, String text, Map<String, String> metadata, List<PredictedLabel> predictions,
                    String predictionAgent, String label) {

    TextRecord toRecord(String annotator) {
        List<PredictedLabel> sorted = predictions == null ? List.of()
                : predictions.stream().sorted(Comparator.comparingDouble(PredictedLabel::score).reversed()).toList();
        PredictedLabel top = sorted.isEmpty() ? null : sorted.get(0);
        TextRecord record = new TextRecord(id, text, metadata, sorted, predictionAgent,
                top == null ? null : top.score(), top == null ? null : top.label(), null, null, null, null, 0, null,
                null);
        return label == null || label.isBlank() ? record : record.withAnnotation(new Annotation(label, annotator, null));
    }
}
