package io.labelloop.queue;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

/**
 * One annotator's way through a dataset's queue that claims the next record while the annotator is still reading
 * the current one, so that "label, show the next" waits only for the durable label write, not for a claim (a
 * search, a conditional write and a read). The record held ahead is an ordinary claim with a lease: nobody else
 * gets it meanwhile, and {@link #close} gives it back.
 *
 * <p>Not thread-safe: one instance per annotator session, used from that session's thread.
 */
public final class ClaimAhead implements AutoCloseable {

    private final LabelingQueueService queue;
    private final String dataset;
    private final String annotator;
    private final Executor executor;
    private final Clock clock;
    private CompletableFuture<Optional<Claim>> ahead;

    ClaimAhead(LabelingQueueService queue, String dataset, String annotator, Executor executor, Clock clock) {
        this.queue = queue;
        this.dataset = dataset;
        this.annotator = annotator;
        this.executor = executor;
        this.clock = clock;
    }

    /** The dataset this session labels. */
    public String dataset() {
        return dataset;
    }

    /**
     * The next record for this annotator: the one claimed ahead if it is still safely leased, otherwise one claimed
     * now; then starts claiming the one after in the background. Empty when the queue is drained.
     */
    public Optional<Claim> next() {
        Optional<Claim> next = takeAhead().filter(this::leasedLongEnough);
        if (next.isEmpty()) {
            next = queue.claimNext(dataset, annotator);
        }
        if (next.isPresent()) {
            ahead = CompletableFuture.supplyAsync(() -> queue.claimNext(dataset, annotator), executor);
        }
        return next;
    }

    /** Gives the record claimed ahead back to the queue (waits for a claim still in flight). */
    @Override
    public void close() {
        takeAhead().ifPresent(queue::giveBack);
    }

    /**
     * The claim made ahead, if any; a failed background claim is not an error of the annotator's action, so it
     * yields nothing here and {@link #next} claims again in the foreground (where a real failure surfaces).
     */
    private Optional<Claim> takeAhead() {
        CompletableFuture<Optional<Claim>> pending = ahead;
        ahead = null;
        if (pending == null) {
            return Optional.empty();
        }
        try {
            return pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.empty();
        }
    }

    /** An annotator needs time to read and decide: a claim about to expire is given back instead of shown. */
    private boolean leasedLongEnough(Claim claim) {
        Duration left = Duration.between(clock.instant(), claim.leaseUntil());
        if (left.compareTo(queue.lease().dividedBy(2)) >= 0) {
            return true;
        }
        queue.giveBack(claim);
        return false;
    }
}
