package io.labelloop.model.nn;

/**
 * How the classifier turns hidden states into label logits.
 *
 * @param pooling how hidden states (B, S, H) become one vector (B, H)
 * @param pre an optional dense layer before the classifier (HuggingFace sequence-classification heads)
 */
public record HeadConfig(Pooling pooling, Pre pre) {

    /** The head of classifiers built on a mean-pooling sentence encoder: normalised mean pooling, one linear layer. */
    public static final HeadConfig SENTENCE = new HeadConfig(Pooling.MEAN_NORMALIZED, Pre.NONE);

    /** How hidden states become one vector. */
    public enum Pooling {
        /** Masked mean over tokens, L2-normalised (sentence-transformers; what the zero-shot head expects). */
        MEAN_NORMALIZED,
        /** The first ([CLS]) token's hidden state (HuggingFace sequence classification). */
        CLS,
        /** The [CLS] token's hidden state, L2-normalised (BGE's sentence vectors). */
        CLS_NORMALIZED
    }

    /** The dense layer before the classifier, if any. */
    public enum Pre {
        /** No dense layer. */
        NONE,
        /** dense + ReLU (DistilBERT's {@code pre_classifier}). */
        RELU,
        /** dense + tanh (BERT's pooler). */
        TANH
    }
}
