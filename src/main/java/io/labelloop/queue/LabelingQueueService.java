package io.labelloop.queue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.StaleWriteException;
import io.labelloop.dataset.TextRecord;
import io.labelloop.store.OpenSearchStore;

/**
 * The per-dataset labeling queue ({@code labelloop-queue-<dataset>}): filled by a selection step in priority order,
 * served to several annotators at once.
 *
 * <p>Guarantees: two annotators never hold the same record (a claim is a conditional write with
 * {@code if_seq_no}/{@code if_primary_term}); a label is acknowledged only after OpenSearch has fsynced it to the
 * translog ({@code index.translog.durability=request}, so it survives a crash of the process or machine); a label
 * on a claim that is no longer yours, or on a record whose label changed since you saw it, throws
 * {@link StaleWriteException} instead of overwriting.
 */
@Service
public class LabelingQueueService {

    private static final Logger LOG = LoggerFactory.getLogger(LabelingQueueService.class);

    private final QueueEntries entries;
    private final Labeling labeling;
    private final QueueProperties properties;
    private final java.time.Clock clock;
    /** Background work of {@link ClaimAhead}: short store calls, a claim and a count in flight per session at most. */
    private final ExecutorService claimsAhead = Executors.newCachedThreadPool(daemon("labelloop-claim-ahead"));

    @org.springframework.beans.factory.annotation.Autowired
    public LabelingQueueService(OpenSearchStore store, DatasetService datasets, QueueProperties properties) {
        this(store, datasets, properties, java.time.Clock.systemUTC());
    }

    /** With the clock that leases are given and checked by (tests move it instead of sleeping). */
    LabelingQueueService(OpenSearchStore store, DatasetService datasets, QueueProperties properties,
                         java.time.Clock clock) {
        this.entries = new QueueEntries(store, datasets, properties, clock);
        this.labeling = new Labeling(datasets, entries);
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
    public java.time.Duration lease() {
        return properties.lease();
    }

    /**
     * Labels the claimed record; returns once durable.
     *
     * @throws StaleWriteException if the claim was lost (lease expired and taken) or the record's label changed
     */
    public TextRecord label(Claim claim, String label) {
        return labeling.label(claim, label);
    }

    /**
     * Labels a record outside the queue order (e.g. from search), if it is still at {@code expectedRevision}
     * ({@link TextRecord#revision()} as the annotator saw it); takes the record out of the queue.
     */
    public TextRecord label(String dataset, String recordId, long expectedRevision, String label, String annotator) {
        return labeling.label(dataset, recordId, expectedRevision, label, annotator);
    }

    /** Discards the claimed record (not a label: it leaves training and evaluation). */
    public TextRecord discard(Claim claim) {
        return labeling.discard(claim);
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
        return labeling.undo(dataset, annotator);
    }

    /** Labels given in the dataset at or after this instant (queue or not), for "retrain after N new labels". */
    public long labelsSince(String dataset, Instant since) {
        return labeling.labelsSince(dataset, since);
    }
}
