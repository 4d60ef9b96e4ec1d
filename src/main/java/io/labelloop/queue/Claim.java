package io.labelloop.queue;

import java.time.Instant;

import io.labelloop.dataset.TextRecord;

/**
 * A record handed to one annotator: nobody else gets it until the claim is labeled, discarded, skipped or its
 * lease runs out.
 *
 * @param dataset    the dataset
 * @param recordId   the record
 * @param annotator  who holds the claim
 * @param claimId    unique token of this claim; a label on an older claim of the same record is refused
 * @param leaseUntil after this instant another annotator may take the record
 * @param record     the record as it was when claimed (text, predictions, current revision)
 */
public record Claim(String dataset, String recordId, String annotator, String claimId, Instant leaseUntil,
                    TextRecord record) {
}
