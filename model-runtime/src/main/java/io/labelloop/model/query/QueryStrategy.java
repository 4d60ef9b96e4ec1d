package io.labelloop.model.query;

import java.util.Comparator;

/** How uncertain records are ranked for labelling, most useful first. */
public enum QueryStrategy {
    /** Lowest top score first (the tutorial's "max score below 0.6" filter, ordered). */
    LEAST_CONFIDENCE(Comparator.<Candidate>comparingDouble(c -> c.prediction().maxScore())),
    /** Smallest gap between the two best labels first. */
    MARGIN(Comparator.<Candidate>comparingDouble(c -> c.prediction().margin())),
    /** Highest entropy of the label distribution first. */
    ENTROPY(Comparator.comparingDouble((Candidate c) -> c.prediction().entropy()).reversed()),
    /** A seeded random order, the baseline every other strategy should beat. */
    RANDOM(null);

    private final Comparator<Candidate> order;

    QueryStrategy(Comparator<Candidate> order) {
        this.order = order;
    }

    /** The most-uncertain-first order, ties broken by id so that results are reproducible; null for RANDOM. */
    Comparator<Candidate> order() {
        return order == null ? null : order.thenComparing(Candidate::id);
    }
}
