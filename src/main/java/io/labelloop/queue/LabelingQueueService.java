package io.labelloop.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.StaleWriteException;
import io.labelloop.dataset.TextRecord;
import io.labelloop.store.OpenSearchStore;
import io.labelloop.store.Version;

/**
 * The per-dataset labeling queue ({@code labelloop-queue-<dataset>}): filled by a selection step in priority order,
 * served to several annotators at once.
 *
 * <p>Guarantees: two annotators never hold the same record (a claim is a conditional write with
 * {@code if_seq_no}/{@code if_primary_term}); a label is acknowledged only after OpenSearch has fsynced it to the
 * translog ({@code index.translog.durability=request}, so it survives a crash of the process or machine); a label
 * on a claim that is no longer yours, or on a record whose label changed since you saw it, throws
 * {@link StaleWriteException} instead of overwriting.
 *
 * <p>Two conditional writes make a label: the queue entry (still this claim?) and then the record (still the version
 * the annotator saw?). Only the record write is the durable acknowledgement; the queue write only decides who may
 * label. The queue index itself is {@code QueueEntries}.
 */
@Service
public class LabelingQueueService {

    private static final Logger LOG = LoggerFactory.getLogger(LabelingQueueService.class);

    private final QueueEntries entries;
    private final DatasetService datasets;
    private final QueueProperties properties;
    private final Clock clock;
    /** Background work of {@link ClaimAhead}: short store calls, a claim and a count in flight per session at most. */
    private final ExecutorService claimsAhead = Executors.newCachedThreadPool(daemon("labelloop-claim-ahead"));

    @Autowired
    public LabelingQueueService(OpenSearchStore store, DatasetService datasets, QueueProperties properties) {
        this(store, datasets, properties, Clock.systemUTC());
    }

    /** With the clock that leases are given and checked by (tests move it instead of sleeping). */
    LabelingQueueService(OpenSearchStore store, DatasetService datasets, QueueProperties properties,
                         Clock clock) {
        this.entries = new QueueEntries(store, datasets, properties, clock);
        this.datasets = datasets;
        this.properties = properties;
        this.clock = clock;
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Stops the background claims (a claim in flight finishes; its lease lets the record go in time). */
    @PreDestroy
    public void close() {
        claimsAhead.shutdown();
    }

    /**
     * Replaces the pending part of the queue with these records (claimed entries stay with their annotators).
     * Records already labeled or discarded are left out.
     *
     * @return entries now pending
     */
    public long fill(String dataset, List<QueueItem> items) {
        return entries.fill(dataset, items);
    }

    /**
     * Makes the counts of {@link #depth} and {@link #stats} exact now. They are near-real-time otherwise (queue writes
     * show within the index refresh interval, 1 s by default); a refresh costs Lucene work, so call this from tests
     * and tools, not per request.
     */
    public void refresh(String dataset) {
        entries.refresh(dataset);
    }

    /** Records waiting for an annotator (pending, or claimed with an expired lease); near-real-time, see {@link #refresh}. */
    public long depth(String dataset) {
        return entries.pending(dataset);
    }

    /** Pending, claimed and done counts; near-real-time, see {@link #refresh}. */
    public QueueStats stats(String dataset) {
        return entries.stats(dataset);
    }

    /** Reserves the highest-priority free record for this annotator; empty when the queue is drained. */
    public Optional<Claim> claimNext(String dataset, String annotator) {
        return entries.claimNext(dataset, annotator);
    }

    /**
     * A labeling session for one annotator that claims the next record while the current one is being read (see
     * {@link ClaimAhead}); close it when the annotator leaves so the record held ahead goes back to the queue.
     */
    public ClaimAhead claimAhead(String dataset, String annotator) {
        return new ClaimAhead(this, dataset, annotator, claimsAhead, clock);
    }

    /** How long a claim keeps its record reserved. */
    public Duration lease() {
        return properties.lease();
    }

    /**
     * Labels the claimed record; returns once durable.
     *
     * @throws StaleWriteException if the claim was lost (lease expired and taken) or the record's label changed
     */
    public TextRecord label(Claim claim, String label) {
        return onClaim(claim, label, () -> datasets.annotate(claim.dataset(), claim.versionedRecord(), label,
                claim.annotator()));
    }

    /**
     * Labels a record outside the queue order (e.g. from search), if it is still at {@code expectedRevision}
     * ({@link TextRecord#revision()} as the annotator saw it); takes the record out of the queue.
     */
    public TextRecord label(String dataset, String recordId, long expectedRevision, String label, String annotator) {
        TextRecord written = datasets.annotate(dataset, recordId, expectedRevision, label, annotator);
        entries.get(dataset, recordId).ifPresent(e -> entries.finish(dataset, recordId, e.source(), label));
        return written;
    }

    /** Discards the claimed record (not a label: it leaves training and evaluation). */
    public TextRecord discard(Claim claim) {
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

    /** Gives the record back to the queue unlabeled, for other annotators (this one skipped it). */
    public void skip(Claim claim) {
        entries.release(claim, true);
    }

    /**
     * Gives the record back to the queue for anyone, this annotator included (leaving the page or going back to a
     * previous record is not a skip). Never fails the caller's action: if the entry cannot be written, its lease
     * frees it.
     */
    public void giveBack(Claim claim) {
        try {
            entries.release(claim, false);
        } catch (RuntimeException e) {
            LOG.debug("Could not give back record {} of dataset {}; its lease frees it", claim.recordId(),
                    claim.dataset(), e);
        }
    }

    /**
     * Takes back this annotator's last label or discard in the dataset and returns the record claimed again for
     * them; empty if there is nothing to undo or someone changed the record since.
     */
    public Optional<Claim> undo(String dataset, String annotator) {
        return datasets.undoLast(dataset, annotator).map(record -> {
            double priority = entries.get(dataset, record.id()).map(e -> e.source().priority()).orElse(0.0);
            return entries.reclaim(dataset, datasets.recordWithVersion(dataset, record.id()).orElseThrow(), annotator,
                    priority);
        });
    }

    /** Labels given in the dataset at or after this instant (queue or not), for "retrain after N new labels". */
    public long labelsSince(String dataset, Instant since) {
        return datasets.labelsSince(dataset, since);
    }
}
