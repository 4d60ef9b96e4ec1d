package io.labelloop.dataset;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.opensearch.client.opensearch.core.BulkResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;

import io.labelloop.store.OpenSearchErrors;
import io.labelloop.store.OpenSearchStore;

/**
 * Sends operations in bulk requests of {@code batchSize} with at most {@code concurrency} requests in flight: the
 * producer blocks in {@link #add} while all are busy (back-pressure), and items the cluster refuses with 429 are
 * sent again after a pause.
 */
final class BulkWriter implements AutoCloseable {

    private static final int MAX_RETRIES = 8;
    private static final long FIRST_BACKOFF_MS = 50;

    private final OpenSearchStore store;
    private final int batchSize;
    private final Semaphore inFlight;
    private final ExecutorService executor;
    private final List<Future<?>> pending = new ArrayList<>();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong updated = new AtomicLong();
    private final AtomicLong conflicts = new AtomicLong();
    private final AtomicLong missing = new AtomicLong();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private List<BulkOperation> batch = new ArrayList<>();
    private volatile java.util.function.Consumer<BulkResponseItem> onItem = item -> { };

    BulkWriter(OpenSearchStore store, int batchSize, int concurrency) {
        this.store = store;
        this.batchSize = batchSize;
        this.inFlight = new Semaphore(concurrency);
        this.executor = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "labelloop-bulk");
            t.setDaemon(true);
            return t;
        });
    }

    /** Also hands every final item result to this listener (called from the writer's threads). */
    void onItem(java.util.function.Consumer<BulkResponseItem> listener) {
        this.onItem = listener;
    }

    void add(BulkOperation operation) {
        throwIfFailed();
        batch.add(operation);
        if (batch.size() >= batchSize) {
            flush();
        }
    }

    /** Waits for every operation and returns the counts. */
    Result finish() {
        flush();
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while writing", e);
            } catch (java.util.concurrent.ExecutionException e) {
                failure.compareAndSet(null, new IllegalStateException(e.getCause()));
            }
        }
        throwIfFailed();
        return new Result(succeeded.get(), updated.get(), conflicts.get(), missing.get());
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        List<BulkOperation> toSend = batch;
        batch = new ArrayList<>(batchSize);
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing", e);
        }
        pending.add(executor.submit(() -> {
            try {
                send(toSend);
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            } finally {
                inFlight.release();
            }
        }));
    }

    private void send(List<BulkOperation> operations) {
        List<BulkOperation> remaining = operations;
        for (int attempt = 0; !remaining.isEmpty(); attempt++) {
            List<BulkOperation> retry = new ArrayList<>();
            BulkResponse response = execute(remaining, attempt);
            List<BulkResponseItem> items = response.items();
            for (int i = 0; i < items.size(); i++) {
                count(items.get(i), remaining.get(i), retry);
            }
            if (!retry.isEmpty() && attempt >= MAX_RETRIES) {
                throw new IllegalStateException("OpenSearch kept refusing " + retry.size()
                        + " writes as overloaded (HTTP 429) after " + MAX_RETRIES + " retries");
            }
            remaining = retry;
            if (!retry.isEmpty()) {
                pause(attempt);
            }
        }
    }

    private BulkResponse execute(List<BulkOperation> operations, int attempt) {
        for (int tries = attempt; ; tries++) {
            try {
                return store.client().bulk(b -> b.operations(operations));
            } catch (IOException | RuntimeException e) {
                if (!OpenSearchErrors.isBackPressure(e) || tries >= MAX_RETRIES) {
                    throw store.unavailable("bulk write of " + operations.size() + " records", e);
                }
                pause(tries);
            }
        }
    }

    private void count(BulkResponseItem item, BulkOperation operation, List<BulkOperation> retry) {
        int status = item.status();
        if (status == 429) {
            retry.add(operation);
            return;
        }
        onItem.accept(item);
        if (status == 409) {
            conflicts.incrementAndGet();
        } else if (status == 404) {
            missing.incrementAndGet();
        } else if (item.error() != null) {
            throw new IllegalStateException("OpenSearch refused record '" + item.id() + "': " + item.error().type()
                    + ": " + item.error().reason());
        } else {
            succeeded.incrementAndGet();
            if (!"noop".equals(item.result())) {
                updated.incrementAndGet();
            }
        }
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(FIRST_BACKOFF_MS << Math.min(attempt, 6));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while backing off", e);
        }
    }

    private void throwIfFailed() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    /**
     * Counts of a bulk run.
     *
     * @param succeeded operations OpenSearch accepted
     * @param changed   of those, the ones that changed a document (not a no-op)
     * @param conflicts refused with 409 (for creates: the id existed)
     * @param missing   refused with 404 (for updates: no such record)
     */
    record Result(long succeeded, long changed, long conflicts, long missing) {
    }
}
