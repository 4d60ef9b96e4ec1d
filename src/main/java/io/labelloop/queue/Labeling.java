package io.labelloop.queue;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.StaleWriteException;
import io.labelloop.dataset.TextRecord;

/**
 * Labels, discards and undos. A label checks the queue entry (still this claim?), writes the record conditionally
 * (still the version the annotator saw?) and then marks the entry done. Only the record write is the durable
 * acknowledgement; the queue entry only decides who may label.
 */
final class Labeling {

    private final DatasetService datasets;
    private final QueueEntries entries;

    Labeling(DatasetService datasets, QueueEntries entries) {
        this.datasets = datasets;
        this.entries = entries;
    }

    TextRecord label(Claim claim, String label) {
        return onClaim(claim, label, () -> datasets.annotate(claim.dataset(), claim.versionedRecord(), label,
                claim.annotator()));
    }

    TextRecord discard(Claim claim) {
        return onClaim(claim, null, () -> datasets.discard(claim.dataset(), claim.versionedRecord(), claim.annotator()));
    }

    /**
     * Checks the claim, writes the record, then marks the entry done. The record write comes before the entry write
     * so that a failed record write leaves the claim exactly as it was and the annotator can simply retry; the
     * record's own revision check keeps a label from being applied twice if the claim is lost in between.
     */
    private TextRecord onClaim(Claim claim, String label, Supplier<TextRecord> write) {
        Optional<QueueDoc> entry = entries.get(claim.dataset(), claim.recordId()).map(e -> e.source());
        if (entry.isEmpty() || !entry.get().heldBy(claim.claimId())) {
            throw new StaleWriteException(claim.dataset(), claim.recordId(), "your claim is gone: " + holder(entry));
        }
        TextRecord written = write.get();
        entries.finish(claim, label);
        return written;
    }

    private static String holder(Optional<QueueDoc> entry) {
        return entry.map(doc -> QueueDoc.CLAIMED.equals(doc.state())
                ? "claimed by " + doc.annotator() + " after your lease ended"
                : QueueDoc.DONE.equals(doc.state()) ? "already done by " + doc.annotator() : "entry is " + doc.state())
                .orElse("no longer in the queue (refilled?)");
    }

    TextRecord label(String dataset, String recordId, long expectedRevision, String label, String annotator) {
        TextRecord written = datasets.annotate(dataset, recordId, expectedRevision, label, annotator);
        entries.get(dataset, recordId).ifPresent(e -> entries.finish(dataset, recordId, e.source(), label));
        return written;
    }

    Optional<Claim> undo(String dataset, String annotator) {
        return datasets.undoLast(dataset, annotator).map(record -> {
            double priority = entries.get(dataset, record.id()).map(e -> e.source().priority()).orElse(0.0);
            return entries.reclaim(dataset, datasets.recordWithVersion(dataset, record.id()).orElseThrow(), annotator,
                    priority);
        });
    }

    long labelsSince(String dataset, Instant since) {
        return datasets.labelsSince(dataset, since);
    }
}
