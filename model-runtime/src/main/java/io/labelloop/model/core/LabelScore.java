package io.labelloop.model.core;

import java.util.Objects;

/**
 * The probability a classifier gives to one label.
 *
 * @param label the label name, one of {@link TextClassifier#labels()}
 * @param score the probability in [0, 1]; the scores of one {@link Prediction} sum to 1
 */
public record LabelScore(String label, float score) {

    /** Checks the label is present and the score is a number. */
    public LabelScore {
        Objects.requireNonNull(label, "label");
        if (Float.isNaN(score)) {
            throw new IllegalArgumentException("score of label '" + label + "' is NaN");
        }
    }
}
