package io.labelloop.model;

/**
 * How the classifier turns hidden states into label logits.
 *
 * @param pooling how hidden states (B, S, H) become one vector (B, H)
 * @param pre an optional dense layer before the classifier (HuggingFace sequence-classification heads)
 */
record HeadConfig(Pooling pooling, Pre pre) {

    /** The head of classifiers built on the sentence encoder: normalised mean pooling, one linear layer. */
    static final HeadConfig SENTENCE = new HeadConfig(Pooling.MEAN_NORMALIZED, Pre.NONE);

    enum Pooling {
        /** Masked mean over tokens, L2-normalised (sentence-transformers; what the zero-shot head expects). */
        MEAN_NORMALIZED,
        /** The first ([CLS]) token's hidden state (HuggingFace sequence classification). */
        CLS
    }

    enum Pre {
        /** No dense layer. */
        NONE,
        /** dense + ReLU (DistilBERT's {@code pre_classifier}). */
        RELU,
        /** dense + tanh (BERT's pooler). */
        TANH
    }
}
