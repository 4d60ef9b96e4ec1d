package io.labelloop.dataset;

import java.time.Instant;
import java.util.List;

/**
 * A named collection of records with its label set.
 *
 * @param name         lower-case name, also part of the index name ({@code labelloop-records-<name>})
 * @param labels       the allowed labels, in display order; annotations outside this set are rejected
 * @param evalFraction fraction of records held out for evaluation (by a hash of the record id)
 * @param createdAt    creation time
 */
public record Dataset(String name, List<String> labels, double evalFraction, Instant createdAt) {

    /** Held-out fraction used when none is given: one record in five. */
    public static final double DEFAULT_EVAL_FRACTION = 0.2;

    public Dataset {
        labels = List.copyOf(labels);
    }
}
