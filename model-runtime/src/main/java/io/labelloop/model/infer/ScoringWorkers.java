package io.labelloop.model.infer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.concurrent.ThreadFactory;

/**
 * Runs the batches of one scoring call on several threads at once. Short texts make small matrix products, which one
 * forward cannot spread over all cores (the engine's intra-op threads mostly wait on each other at this size); two
 * forwards side by side keep both cores busy. Each batch has its own NDManager and writes its own rows of the
 * output, and inference only reads the weights, so the batches share nothing mutable.
 *
 * <p>The count is the system property {@value #PROPERTY} (default {@value #DEFAULT}); 1 scores one batch at a time.
 */
public final class ScoringWorkers {

    /** System property with the number of batches scored at once. */
    static final String PROPERTY = "labelloop.scoring.workers";
    /** Two, for the two cores this product is measured on; more only adds contention there. */
    static final int DEFAULT = 2;
    static final int COUNT = Math.max(1, Integer.getInteger(PROPERTY, DEFAULT));

    private static final ExecutorService POOL = Executors.newFixedThreadPool(COUNT, daemonThreads());

    private ScoringWorkers() {
    }

    /** How many batches of one scoring call run at once. */
    public static int count() {
        return COUNT;
    }

    /**
     * Runs {@code work} for every batch and returns when all are done; the first failure is rethrown. One batch, or
     * one worker, runs on the caller's thread.
     */
    static void runAll(List<int[]> batches, Consumer<int[]> work) {
        if (batches.size() == 1 || COUNT == 1) {
            batches.forEach(work);
            return;
        }
        List<Future<?>> running = new ArrayList<>(batches.size());
        for (int[] batch : batches) {
            running.add(POOL.submit(() -> work.accept(batch)));
        }
        RuntimeException failure = null;
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.forEach(r -> r.cancel(true));
                throw new IllegalStateException("scoring interrupted", e);
            } catch (ExecutionException e) {
                // wait for the others anyway: the caller may close the model once this returns
                if (failure == null) {
                    failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "labelloop-scoring-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
