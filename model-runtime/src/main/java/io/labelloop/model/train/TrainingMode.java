package io.labelloop.model.train;

/** What a training run updates. */
public enum TrainingMode {
    /** Only the linear head; the encoder stays frozen and embeddings are computed once and cached. Fast. */
    HEAD,
    /** The whole network: encoder and head, with their own learning rates. Slower, usually more accurate. */
    FULL
}
