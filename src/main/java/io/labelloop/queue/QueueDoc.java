package io.labelloop.queue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A queue entry as stored in {@code labelloop-queue-<dataset>} (document id = record id). */
record QueueDoc(String recordId, double priority, String state, String annotator, String claimId, Instant claimedAt,
                Instant leaseUntil, Instant filledAt, Instant doneAt, String label, List<String> skippedBy) {

    static final String PENDING = "PENDING";
    static final String CLAIMED = "CLAIMED";
    static final String DONE = "DONE";

    QueueDoc {
        skippedBy = skippedBy == null ? List.of() : List.copyOf(skippedBy);
    }

    static QueueDoc pending(String recordId, double priority, Instant now) {
        return new QueueDoc(recordId, priority, PENDING, null, null, null, null, now, null, null, List.of());
    }

    QueueDoc claimed(String by, String id, Instant now, Instant until) {
        return new QueueDoc(recordId, priority, CLAIMED, by, id, now, until, filledAt, null, null, skippedBy);
    }

    QueueDoc done(String withLabel, Instant now) {
        return new QueueDoc(recordId, priority, DONE, annotator, claimId, claimedAt, leaseUntil, filledAt, now, withLabel,
                skippedBy);
    }

    QueueDoc released(String skipper) {
        List<String> skipped = new ArrayList<>(skippedBy);
        if (skipper != null && !skipped.contains(skipper)) {
            skipped.add(skipper);
        }
        return new QueueDoc(recordId, priority, PENDING, null, null, null, null, filledAt, null, null, skipped);
    }

    boolean heldBy(String id) {
        return CLAIMED.equals(state) && id.equals(claimId);
    }
}
