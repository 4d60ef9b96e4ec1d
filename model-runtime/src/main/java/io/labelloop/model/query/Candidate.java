package io.labelloop.model.query;

import io.labelloop.model.core.Prediction;
import java.util.Objects;

/**
 * A record that could be sent to labelling.
 *
 * @param id the record id
 * @param prediction the current model's prediction for it
 * @param embedding its L2-normalised embedding ({@code TextClassifier.embed}), or null; required when a
 *     diversity option is used
 */
public record Candidate(String id, Prediction prediction, float[] embedding) {

    /** Checks id and prediction are present. */
    public Candidate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(prediction, () -> "prediction of candidate '" + id + "'");
    }
}
