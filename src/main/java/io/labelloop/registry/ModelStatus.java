package io.labelloop.registry;

/** Life of a model version. */
public enum ModelStatus {
    /** Trained and evaluated, not serving. */
    CANDIDATE,
    /** The version the loop scores with. */
    CURRENT,
    /** Was current, replaced by a newer promotion. */
    RETIRED,
    /** Training or evaluation failed; kept for the history. */
    FAILED
}
