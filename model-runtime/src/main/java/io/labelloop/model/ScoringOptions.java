package io.labelloop.model;

/**
 * How {@link TextClassifier#predict(java.util.List, ScoringOptions)} batches and pads.
 *
 * @param batchSize texts per batch
 * @param maxLength maximum tokens per text; longer texts are truncated (keeping the closing special token)
 * @param padToMaxLength pad every text to {@code maxLength} instead of to the longest in its batch, as the
 *     seed tutorial's tokeniser does; much slower, kept for comparisons
 */
public record ScoringOptions(int batchSize, int maxLength, boolean padToMaxLength) {

    /** Checks the values are usable. */
    public ScoringOptions {
        if (batchSize < 1 || maxLength < 3) {
            throw new IllegalArgumentException("batchSize >= 1 and maxLength >= 3 are required, got " + batchSize + ", " + maxLength);
        }
    }
}
