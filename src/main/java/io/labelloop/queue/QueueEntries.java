package io.labelloop.queue;

import java.util.List;
import java.util.Optional;

import io.labelloop.dataset.DatasetService;
import io.labelloop.store.OpenSearchStore;

/** The queue index of each dataset: fill, claim with a lease, release, finish. */
final class QueueEntries {

    QueueEntries(OpenSearchStore store, DatasetService datasets, QueueProperties properties) {
    }

    long fill(String dataset, List<QueueItem> items) {
        throw new UnsupportedOperationException("queue: in progress");
    }

    QueueStats stats(String dataset) {
        throw new UnsupportedOperationException("queue: in progress");
    }

    Optional<Claim> claimNext(String dataset, String annotator) {
        throw new UnsupportedOperationException("queue: in progress");
    }

    void release(Claim claim) {
        throw new UnsupportedOperationException("queue: in progress");
    }
}
