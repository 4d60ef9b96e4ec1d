package io.labelloop.model;

import java.util.Objects;

/**
 * One labelled text, for training or evaluation.
 *
 * @param id a stable identifier of the record (its hash goes into the model's provenance)
 * @param text the text; empty or whitespace-only texts are allowed and seen as an empty sentence
 * @param label the gold label; must be one of the label set it is used with
 */
public record Example(String id, String text, String label) {

    /** Checks that id, text and label are present. */
    public Example {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, () -> "text of example '" + id + "'");
        Objects.requireNonNull(label, () -> "label of example '" + id + "'");
    }
}
