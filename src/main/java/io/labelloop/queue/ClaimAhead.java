package io.labelloop.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One annotator's way through a dataset's queue that claims the next record while the annotator is still reading
 * the current one, so that "label, show the next" waits only for the durable label write, not for a claim (a
 * search, a conditional write and a read). The record held ahead is an ordinary claim with a lease: nobody else
 * gets it meanwhile, and {@link #close} gives it back.
 *
 * <p>Not thread-safe: one instance per annotator session, used from that session's thread.
 */
public final class ClaimAhead implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClaimAhead.class);
    /** The waiting count is near-real-time anyway (index refresh), so it is counted at most this often. */
    static final Duration COUNT_WAITING_EVERY = Duration.ofSeconds(3);

    private final LabelingQueueService queue;
    private final String dataset;
    private final String annotator;
    private final Executor executor;
    private final Clock clock;
    private CompletableFuture<Optional<Claim>> ahead;
    private CompletableFuture<Void> counting = CompletableFuture.completedFuture(null);
    private Instant countedAt = Instant.MIN;
    private volatile OptionalLong waiting = OptionalLong.empty();

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

    /**
     * Records waiting in the queue as last counted in the background, so that showing the count never holds up the
     * next record: the figure is the one counted after an earlier call, not a fresh one. A call starts a new count
     * when the last one is older than {@link #COUNT_WAITING_EVERY}. The first
     * call counts before it returns (there is no earlier count to show). Empty after a failed count.
     */
    public OptionalLong waiting() {
        Instant now = clock.instant();
        if (countedAt.equals(Instant.MIN)) {
            countedAt = now;
            countWaiting();
        } else if (counting.isDone() && !now.isBefore(countedAt.plus(COUNT_WAITING_EVERY))) {
            countedAt = now;
            counting = CompletableFuture.runAsync(this::countWaiting, executor);
        }
        return waiting;
    }

    private void countWaiting() {
        try {
            waiting = OptionalLong.of(queue.depth(dataset));
        } catch (RuntimeException e) {
            // shown as unknown; the annotator's next action or the loop reports a store that is really down
            LOG.debug("Could not count the records waiting in dataset {}", dataset, e);
            waiting = OptionalLong.empty();
        }
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
