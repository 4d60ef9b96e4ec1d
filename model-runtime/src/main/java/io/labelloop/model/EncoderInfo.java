package io.labelloop.model;

/**
 * The shape of a classifier's encoder, for cost estimates and display.
 *
 * @param architecture {@code bert} or {@code distilbert}
 * @param layers transformer layers
 * @param hidden hidden size
 * @param heads attention heads
 * @param intermediate feed-forward size
 * @param vocabSize vocabulary size
 * @param maxPositions the longest input in tokens
 * @param linearWeights weights in the encoder's linear layers (a forward pass costs about 2 x this per token)
 */
public record EncoderInfo(String architecture, int layers, int hidden, int heads, int intermediate, int vocabSize,
                          int maxPositions, long linearWeights) {
}
