package io.labelloop.queue;

import java.time.Instant;
import java.util.Optional;

import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.TextRecord;

/** Labels, discards and undos on claimed records. */
final class Labeling {

    Labeling(DatasetService datasets, QueueEntries entries) {
    }

    TextRecord label(Claim claim, String label) {
        throw new UnsupportedOperationException("queue: in progress");
    }

    TextRecord label(String dataset, String recordId, long expectedRevision, String label, String annotator) {
        throw new UnsupportedOperationException("queue: in progress");
    }

    TextRecord discard(Claim claim) {
        throw new UnsupportedOperationException("queue: in progress");
    }

    Optional<Claim> undo(String dataset, String annotator) {
        throw new UnsupportedOperationException("queue: in progress");
    }

    long labelsSince(String dataset, Instant since) {
        throw new UnsupportedOperationException("queue: in progress");
    }
}
