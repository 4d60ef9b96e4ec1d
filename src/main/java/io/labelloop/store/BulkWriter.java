package io.labelloop.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Sends operations in bulk requests of {@code batchSize} with at most {@code concurrency} requests in flight: the
 * producer blocks in {@link #add} while all are busy (back-pressure), and items the cluster refuses with 429 are
 * sent again after a pause.
 */
public final class BulkWriter implements AutoCloseable {

    private static final int MAX_RETRIES = 8;
    private static final long FIRST_BACKOFF_MS = 50;

    private final Documents documents;
    private final int batchSize;
    private final Semaphore inFlight;
    private final ExecutorService executor;
    private final List<Future<?>> pending = new ArrayList<>();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong updated = new AtomicLong();
    private final AtomicLong conflicts = new AtomicLong();
    private final AtomicLong missing = new AtomicLong();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private List<BulkOp> batch = new ArrayList<>();
    private volatile Consumer<BulkItem> onItem = item -> { };

    BulkWriter(Documents documents, int batchSize, int concurrency) {
        this.documents = documents;
        this.batchSize = batchSize;
        this.inFlight = new Semaphore(concurrency);
        this.executor = Executors.newFixedThreadPool(concurrency, r -> {
            Thread t = new Thread(r, "labelloop-bulk");
            t.setDaemon(true);
            return t;
        });
    }

    /** Also hands every final item result to this listener (called from the writer's threads). */
    public void onItem(Consumer<BulkItem> listener) {
        this.onItem = listener;
    }

    public void add(BulkOp operation) {
        throwIfFailed();
        batch.add(operation);
        if (batch.size() >= batchSize) {
            flush();
        }
    }

    /** Waits for every operation and returns the counts. */
    public Result finish() {
        flush();
        for (Future<?> f : pending) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while writing", e);
            } catch (ExecutionException e) {
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
        List<BulkOp> toSend = batch;
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

    private void send(List<BulkOp> operations) {
        List<BulkOp> remaining = operations;
        for (int attempt = 0; !remaining.isEmpty(); attempt++) {
            List<BulkOp> retry = new ArrayList<>();
            List<BulkItem> items = execute(remaining, attempt);
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

    private List<BulkItem> execute(List<BulkOp> operations, int attempt) {
        for (int tries = attempt; ; tries++) {
            try {
                return documents.bulk(operations, Visibility.NEAR_REAL_TIME);
            } catch (StoreException e) {
                if (StoreErrors.status(e) != StoreErrors.TOO_MANY_REQUESTS || tries >= MAX_RETRIES) {
                    throw e;
                }
                pause(tries);
            }
        }
    }

    private void count(BulkItem item, BulkOp operation, List<BulkOp> retry) {
        if (item.overloaded()) {
            retry.add(operation);
            return;
        }
        onItem.accept(item);
        if (item.conflict()) {
            conflicts.incrementAndGet();
        } else if (item.missing()) {
            missing.incrementAndGet();
        } else if (item.failed()) {
            throw new IllegalStateException("OpenSearch refused record '" + item.id() + "': " + item.error());
        } else {
            succeeded.incrementAndGet();
            if (!item.noop()) {
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
    public record Result(long succeeded, long changed, long conflicts, long missing) {
    }
}
