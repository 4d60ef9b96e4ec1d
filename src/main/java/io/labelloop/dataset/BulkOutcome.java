package io.labelloop.dataset;

import java.util.List;

/**
 * What a bulk label, validate or discard did.
 *
 * @param applied      records changed
 * @param skipped      records left as they were: changed by someone else since they were read (revision check),
 *                     without a prediction to validate, or missing
 * @param missing      of the skipped, the ids the dataset does not hold
 * @param firstMissing the first {@link #LISTED_MISSING} of those ids, so that a script with wrong ids can see which
 */
public record BulkOutcome(long applied, long skipped, long missing, List<String> firstMissing) {

    /** Missing ids listed in an outcome; {@link #missing} counts all. */
    public static final int LISTED_MISSING = 10;

    public BulkOutcome {
        firstMissing = firstMissing == null ? List.of() : List.copyOf(firstMissing);
    }

    /** An outcome in which every id existed. */
    public BulkOutcome(long applied, long skipped) {
        this(applied, skipped, 0, List.of());
    }
}
