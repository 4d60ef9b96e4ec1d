package io.labelloop.queue;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.opensearch.client.opensearch.core.GetResponse;

import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.StaleWriteException;
import io.labelloop.dataset.TextRecord;

/**
 * Labels, discards and undos. The record write is the commit point: it is conditional on the revision the annotator
 * saw, so a second label on the same record fails even if two claims existed (an expired lease re-claimed).
 */
final class Labeling {

    private final DatasetService datasets;
    private final QueueEntries entries;

    Labeling(DatasetService datasets, QueueEntries entries) {
        this.datasets = datasets;
        this.entries = entries;
    }

    TextRecord label(Claim claim, String label) {
        return onClaim(claim, label, () -> datasets.annotate(claim.dataset(), claim.recordId(),
                claim.record().revision(), label, claim.annotator()));
    }

    TextRecord discard(Claim claim) {
        return onClaim(claim, null, () -> datasets.discard(claim.dataset(), claim.recordId(),
                claim.record().revision(), claim.annotator()));
    }

    private TextRecord onClaim(Claim claim, String label, Supplier<TextRecord> write) {
        GetResponse<QueueDoc> entry = entries.get(claim.dataset(), claim.recordId()).orElseThrow(() ->
                new StaleWriteException(claim.dataset(), claim.recordId(), "no longer in the queue (refilled?)"));
        QueueDoc doc = entry.source();
        if (!doc.heldBy(claim.claimId())) {
            throw new StaleWriteException(claim.dataset(), claim.recordId(), "your claim is gone: "
                    + (QueueDoc.CLAIMED.equals(doc.state()) ? "claimed by " + doc.annotator() + " after your lease ended"
                    : "entry is " + doc.state()));
        }
        TextRecord written = write.get();
        entries.finish(claim.dataset(), claim.recordId(), doc, label);
        return written;
    }

    TextRecord label(String dataset, String recordId, long expectedRevision, String label, String annotator) {
        TextRecord written = datasets.annotate(dataset, recordId, expectedRevision, label, annotator);
        entries.get(dataset, recordId).ifPresent(e -> entries.finish(dataset, recordId, e.source(), label));
        return written;
    }

    Optional<Claim> undo(String dataset, String annotator) {
        return datasets.undoLast(dataset, annotator).map(record -> {
            double priority = entries.get(dataset, record.id()).map(e -> e.source().priority()).orElse(0.0);
            return entries.reclaim(dataset, record, annotator, priority);
        });
    }

    long labelsSince(String dataset, Instant since) {
        return datasets.labelsSince(dataset, since);
    }
}
