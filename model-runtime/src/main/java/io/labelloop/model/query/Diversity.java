package io.labelloop.model.query;

/** How a batch avoids near-identical picks. Both need {@link Candidate#embedding()}. */
public enum Diversity {
    /** Pure strategy order. */
    NONE,
    /** Strategy order, skipping a candidate whose cosine to an already picked one reaches the near-duplicate threshold. */
    SKIP_NEAR_DUPLICATES,
    /**
     * Farthest-first (max-min cosine distance) among the most uncertain candidates (a pool a few times the batch),
     * starting from the most uncertain; near-duplicates are skipped as well.
     */
    MAX_MIN_COSINE
}
