package io.labelloop.dataset;

/**
 * What a bulk label, validate or discard did.
 *
 * @param applied records changed
 * @param skipped records left as they were: changed by someone else since they were read (revision check), without
 *                a prediction to validate, or missing
 */
public record BulkOutcome(long applied, long skipped) {
}
