package io.labelloop.queue;

import java.time.Instant;

import io.labelloop.dataset.TextRecord;
import io.labelloop.dataset.VersionedRecord;

/**
 * A record handed to one annotator: nobody else gets it until the claim is labeled, discarded, skipped or its
 * lease runs out.
 *
 * @param dataset           the dataset
 * @param recordId          the record
 * @param annotator         who holds the claim
 * @param claimId           unique token of this claim
 * @param leaseUntil        after this instant another annotator may take the record
 * @param record            the record as it was when claimed (text, predictions, current revision)
 * @param entrySeqNo        version of the queue entry written by the claim: the label is conditional on it
 * @param entryPrimaryTerm  primary term of that version
 * @param recordSeqNo       version of the record when claimed: the label is conditional on it
 * @param recordPrimaryTerm primary term of that version
 * @param priority          the entry's queue priority (kept if the entry has to be written again)
 */
public record Claim(String dataset, String recordId, String annotator, String claimId, Instant leaseUntil,
                    TextRecord record, long entrySeqNo, long entryPrimaryTerm, long recordSeqNo,
                    long recordPrimaryTerm, double priority) {

    /** The queue entry held by this claim (fill and claim times are not kept by the claim: {@code now} stands in). */
    QueueDoc entry(Instant now) {
        return QueueDoc.pending(recordId, priority, now).claimed(annotator, claimId, now, leaseUntil);
    }

    VersionedRecord versionedRecord() {
        return new VersionedRecord(record, recordSeqNo, recordPrimaryTerm);
    }
}
