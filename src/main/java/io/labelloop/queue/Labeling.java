package io.labelloop.queue;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;


import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.StaleWriteException;
import io.labelloop.dataset.TextRecord;
import io.labelloop.store.Version;

/**
 * Labels, discards and undos. Two conditional writes make a label: the queue entry (still this claim?) and then the
 * record (still the version the annotator saw?). Only the record write is the durable acknowledgement; the queue
 * write only decides who may label.
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
     * Marks the entry done (a conditional write, no read), then writes the record. If the record write fails for a
     * reason other than staleness, the entry is reopened for the same claim, so the annotator can simply retry.
     */
    private TextRecord onClaim(Claim claim, String label, Supplier<TextRecord> write) {
        Version finished = entries.finish(claim, label).orElseThrow(() -> new StaleWriteException(
                claim.dataset(), claim.recordId(), "your claim is gone: " + holder(claim)));
        try {
            return write.get();
        } catch (StaleWriteException e) {
            throw e;
        } catch (RuntimeException e) {
            try {
                entries.reopen(claim, finished);
            } catch (RuntimeException reopening) {
                e.addSuppressed(reopening);
            }
            throw e;
        }
    }

    private String holder(Claim claim) {
        return entries.get(claim.dataset(), claim.recordId()).map(e -> {
            QueueDoc doc = e.source();
            return QueueDoc.CLAIMED.equals(doc.state()) ? "claimed by " + doc.annotator() + " after your lease ended"
                    : QueueDoc.DONE.equals(doc.state()) ? "already done by " + doc.annotator() : "entry is " + doc.state();
        }).orElse("no longer in the queue (refilled?)");
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
