package io.labelloop.dataset;

/** One class of a model's prediction for a record, with its probability in [0, 1]. */
public record PredictedLabel(String label, double score) {
}
