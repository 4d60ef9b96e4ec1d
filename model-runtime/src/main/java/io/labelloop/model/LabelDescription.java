package io.labelloop.model;

import java.util.List;
import java.util.Objects;

/**
 * A label with the natural-language descriptions that the zero-shot classifier compares texts to.
 *
 * <p>Several descriptions per label form an ensemble: their normalised embeddings are averaged into
 * the label's prototype, which is more robust than any single wording.
 *
 * @param label the label name as it is stored with predictions and labels
 * @param descriptions one or more sentences that describe texts of this label, written the way such
 *     texts are written (e.g. "My card payment was declined.")
 */
public record LabelDescription(String label, List<String> descriptions) {

    /** Checks the label name is not blank and there is at least one non-blank description. */
    public LabelDescription {
        Objects.requireNonNull(label, "label");
        if (label.isBlank()) {
            throw new IllegalArgumentException("label name is blank");
        }
        descriptions = List.copyOf(Objects.requireNonNull(descriptions, () -> "descriptions of label '" + label + "'"));
        if (descriptions.isEmpty() || descriptions.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("label '" + label + "' needs at least one description and no blank ones");
        }
    }
}
