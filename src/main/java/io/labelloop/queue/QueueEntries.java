package io.labelloop.queue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.RecordQuery;
import io.labelloop.dataset.RecordStatus;
import io.labelloop.dataset.TextRecord;
import io.labelloop.dataset.VersionedRecord;
import io.labelloop.store.BulkItem;
import io.labelloop.store.BulkOp;
import io.labelloop.store.Criteria;
import io.labelloop.store.Documents;
import io.labelloop.store.OpenSearchStore;
import io.labelloop.store.Search;
import io.labelloop.store.Sort;
import io.labelloop.store.Stored;
import io.labelloop.store.StoreConflictException;
import io.labelloop.store.Version;
import io.labelloop.store.Visibility;

/**
 * The queue index of each dataset. A claim is a conditional write ({@code if_seq_no}/{@code if_primary_term}) of the
 * entry read by a search: of several annotators racing for the same entry exactly one wins, the others get a 409
 * and try the next candidate. Claims are not refreshed (that costs a Lucene refresh per claim): the entries this JVM
 * claimed in the last seconds are left out of the candidate search instead, and anything older is searchable.
 */
final class QueueEntries {

    private static final int BULK = 1000;
    private static final int MAX_ROUNDS = 50;
    /** The shared head holds this many times the candidates of one claim, so one search serves several claims. */
    private static final int SHARED_HEAD_FACTOR = 4;

    private final OpenSearchStore store;
    private final Documents documents;
    private final DatasetService datasets;
    private final QueueProperties properties;
    private final Clock clock;
    private final RecentClaims recent;
    private final CandidateCache heads = new CandidateCache(System::nanoTime);
    private final AtomicInteger claiming = new AtomicInteger();
    private final Set<String> ensured = ConcurrentHashMap.newKeySet();

    QueueEntries(OpenSearchStore store, DatasetService datasets, QueueProperties properties) {
        this(store, datasets, properties, Clock.systemUTC());
    }

    /** With the clock that leases are given and checked by (tests move it instead of sleeping). */
    QueueEntries(OpenSearchStore store, DatasetService datasets, QueueProperties properties, Clock clock) {
        this.clock = clock;
        this.recent = new RecentClaims(clock);
        this.store = store;
        this.documents = store.documents();
        this.datasets = datasets;
        this.properties = properties;
    }

    String index(String dataset) {
        datasets.require(dataset);
        String index = store.index("queue", dataset);
        if (ensured.add(index)) {
            store.ensureIndex(index);
        }
        return index;
    }

    long fill(String dataset, List<QueueItem> items) {
        String index = index(dataset);
        Instant now = clock.instant();
        store.refresh(index);
        deleteAllButLiveClaims(index, now);
        datasets.refresh(dataset);
        Set<String> open = unlabeled(dataset, items);
        List<BulkOp> operations = new ArrayList<>();
        for (QueueItem item : items) {
            if (open.remove(item.recordId())) {
                QueueDoc doc = QueueDoc.pending(item.recordId(), item.priority(), now);
                // create: an entry that survived (a live claim) is not overwritten
                operations.add(BulkOp.create(index, item.recordId(), doc));
            }
        }
        for (int from = 0; from < operations.size(); from += BULK) {
            List<BulkOp> chunk = operations.subList(from, Math.min(operations.size(), from + BULK));
            firstRefusal(documents.bulk(chunk, Visibility.NEAR_REAL_TIME)).ifPresent(item -> {
                throw new IllegalStateException("Queue entry " + item.id() + " refused: " + item.error());
            });
        }
        store.refresh(index);
        heads.forget(index);
        return pending(dataset);
    }

    /**
     * Deletes every entry except live claims. Done with search and bulk deletes, as {@code _delete_by_query} lives in
     * the reindex module, which the embedded node does not load.
     */
    private void deleteAllButLiveClaims(String index, Instant now) {
        for (List<Stored<QueueDoc>> hits = notLiveClaims(index, now); !hits.isEmpty(); hits = notLiveClaims(index, now)) {
            delete(index, hits);
        }
    }

    List<Stored<QueueDoc>> notLiveClaims(String index, Instant now) {
        Search stale = Search.in(index).size(BULK).where(Criteria.noneOf(List.of(liveClaim(now)))).withVersions()
                .withoutSource();
        return documents.search(stale, QueueDoc.class).hits();
    }

    /**
     * Deletes these entries if each is still the version the search saw: one claimed since (a 409) is kept, so its
     * annotator keeps the record and nobody else gets it.
     */
    void delete(String index, List<Stored<QueueDoc>> hits) {
        List<BulkOp> deletes = hits.stream().map(h -> BulkOp.delete(index, h.id(), h.version())).toList();
        firstRefusal(documents.bulk(deletes, Visibility.IMMEDIATE)).ifPresent(item -> {
            throw new IllegalStateException("Queue entry " + item.id() + " not deleted: " + item.error());
        });
    }

    /** A refusal other than a conflict (an entry that changed since it was read is left as it is). */
    private static Optional<BulkItem> firstRefusal(List<BulkItem> items) {
        return items.stream().filter(item -> item.failed() && !item.conflict()).findFirst();
    }

    private Set<String> unlabeled(String dataset, List<QueueItem> items) {
        Set<String> open = new HashSet<>();
        List<String> ids = items.stream().map(QueueItem::recordId).toList();
        for (int from = 0; from < ids.size(); from += BULK) {
            RecordQuery query = RecordQuery.pool()
                    .withIds(ids.subList(from, Math.min(ids.size(), from + BULK)));
            try (Stream<TextRecord> records = datasets.stream(dataset, query)) {
                records.forEach(r -> open.add(r.id()));
            }
        }
        return open;
    }

    /**
     * Counts as of the last refresh: near-real-time (writes show within the refresh interval, 1 s by default), as a
     * forced refresh per call would slow every label down. {@link #refresh} makes them exact.
     */
    QueueStats stats(String dataset) {
        String index = index(dataset);
        Criteria claimed = liveClaim(clock.instant());
        return new QueueStats(count(index, waiting(claimed)), count(index, claimed), count(index, done()));
    }

    /** {@link QueueStats#pending()} alone: one count instead of three, as the labeling view and the loop ask often. */
    long pending(String dataset) {
        return count(index(dataset), waiting(liveClaim(clock.instant())));
    }

    private static Criteria waiting(Criteria liveClaim) {
        return Criteria.noneOf(List.of(liveClaim, done()));
    }

    private static Criteria done() {
        return Criteria.term("state", QueueDoc.DONE);
    }

    /** Makes every queue write searchable now; costs a Lucene refresh, so for tests and tools, not per request. */
    void refresh(String dataset) {
        store.refresh(index(dataset));
    }

    private long count(String index, Criteria criteria) {
        return documents.count(index, criteria);
    }

    Optional<Claim> claimNext(String dataset, String annotator) {
        String index = index(dataset);
        // The k-th claim running at once in this JVM starts at the k-th candidate: a lone annotator gets exact
        // priority order, concurrent ones spread over the head of the queue instead of all racing for entry 0.
        int concurrent = claiming.getAndIncrement();
        try {
            for (int round = 0; round < MAX_ROUNDS; round++) {
                List<Stored<QueueDoc>> candidates = round == 0 ? cachedCandidates(index, annotator) : List.of();
                if (candidates.isEmpty()) {
                    candidates = candidates(index, annotator, clock.instant());
                }
                if (candidates.isEmpty()) {
                    return Optional.empty();
                }
                int start = round == 0 ? concurrent : concurrent + ThreadLocalRandom.current().nextInt(candidates.size());
                for (int i = 0; i < candidates.size(); i++) {
                    Stored<QueueDoc> hit = candidates.get((start + i) % candidates.size());
                    Optional<Claim> claim = tryClaim(dataset, index, hit, annotator);
                    if (claim.isPresent()) {
                        return claim;
                    }
                }
            }
        } finally {
            claiming.decrementAndGet();
        }
        throw new IllegalStateException("Could not claim a record of dataset '" + dataset + "' after " + MAX_ROUNDS
                + " rounds of conflicts");
    }

    /** The first round of a claim reads the head of the queue that the claims of this JVM share. */
    private List<Stored<QueueDoc>> cachedCandidates(String index, String annotator) {
        List<String> justClaimed = recent.ids(index);
        return heads.candidates(index, annotator, justClaimed, properties.candidates(),
                () -> search(index, null, justClaimed, clock.instant(), properties.candidates() * SHARED_HEAD_FACTOR));
    }

    private List<Stored<QueueDoc>> candidates(String index, String annotator, Instant now) {
        return search(index, annotator, recent.ids(index), now, properties.candidates());
    }

    /** Free entries by priority, without those skipped by {@code annotator} (all when null) or just claimed here. */
    private List<Stored<QueueDoc>> search(String index, String annotator, List<String> justClaimed, Instant now,
                                          int size) {
        List<Criteria> taken = new ArrayList<>(List.of(liveClaim(now), done()));
        if (annotator != null) {
            taken.add(Criteria.term("skippedBy", annotator));
        }
        if (!justClaimed.isEmpty()) {
            taken.add(Criteria.ids(justClaimed));
        }
        Search free = Search.in(index).size(size).withVersions().where(Criteria.noneOf(taken))
                .sort(Sort.desc("priority"), Sort.asc("recordId"));
        return documents.search(free, QueueDoc.class).hits();
    }

    private Optional<Claim> tryClaim(String dataset, String index, Stored<QueueDoc> hit, String annotator) {
        Instant now = clock.instant();
        Instant until = now.plus(properties.lease());
        String claimId = UUID.randomUUID().toString();
        QueueDoc claimed = hit.source().claimed(annotator, claimId, now, until);
        Optional<Version> written = write(index, hit.id(), claimed, hit.version());
        heads.tried(index, hit.id());
        if (written.isEmpty()) {
            return Optional.empty();
        }
        recent.claimed(index, hit.id(), properties.lease());
        Optional<VersionedRecord> record = datasets.recordWithVersion(dataset, hit.id());
        if (record.isEmpty() || record.get().record().status() != RecordStatus.DEFAULT) {
            // labeled or discarded outside the queue meanwhile (or deleted): retire the entry, look further
            write(index, hit.id(), claimed.done(record.map(r -> r.record().label()).orElse(null), now), null);
            return Optional.empty();
        }
        return Optional.of(claim(dataset, annotator, claimId, until, written.get(), record.get(),
                hit.source().priority()));
    }

    private static Claim claim(String dataset, String annotator, String claimId, Instant until, Version entry,
                               VersionedRecord record, double priority) {
        return new Claim(dataset, record.record().id(), annotator, claimId, until, record.record(), entry.seqNo(),
                entry.primaryTerm(), record.seqNo(), record.primaryTerm(), priority);
    }

    Optional<Stored<QueueDoc>> get(String dataset, String recordId) {
        return documents.get(index(dataset), recordId, QueueDoc.class);
    }

    /**
     * Marks a claimed entry done if the claim still holds it: a conditional write on the version the claim wrote
     * (no read); if that version changed, a read decides (the entry was reopened after a failed record write, so the
     * same claim may retry). Empty when the claim was lost (lease expired and the record was claimed again, or the
     * queue was refilled).
     */
    Optional<Version> finish(Claim claim, String label) {
        String index = index(claim.dataset());
        QueueDoc done = claim.entry(clock.instant()).done(label, clock.instant());
        Optional<Version> written = write(index, claim.recordId(), done,
                new Version(claim.entrySeqNo(), claim.entryPrimaryTerm()));
        if (written.isPresent()) {
            return written;
        }
        return get(claim.dataset(), claim.recordId()).filter(e -> e.source().heldBy(claim.claimId()))
                .flatMap(e -> write(index, claim.recordId(), done, e.version()));
    }

    /** Gives the claim its entry back after the record write failed, unless the entry changed since it was finished. */
    void reopen(Claim claim, Version finished) {
        write(index(claim.dataset()), claim.recordId(), claim.entry(clock.instant()), finished);
    }

    /** Marks the record's entry done whoever held it (it was labeled outside the queue). */
    void finish(String dataset, String recordId, QueueDoc entry, String label) {
        write(index(dataset), recordId, entry.done(label, clock.instant()), null);
    }

    /** Puts the record back in the queue claimed by this annotator (after an undo). */
    Claim reclaim(String dataset, VersionedRecord record, String annotator, double priority) {
        Instant now = clock.instant();
        Instant until = now.plus(properties.lease());
        String claimId = UUID.randomUUID().toString();
        QueueDoc doc = QueueDoc.pending(record.record().id(), priority, now).claimed(annotator, claimId, now, until);
        String index = index(dataset);
        Version written = write(index, record.record().id(), doc, null).orElseThrow();
        recent.claimed(index, record.record().id(), properties.lease());
        return claim(dataset, annotator, claimId, until, written, record, priority);
    }

    /** Frees a claimed entry; a skip also keeps it from coming straight back to the same annotator. */
    void release(Claim claim, boolean skipped) {
        String index = index(claim.dataset());
        Optional<Stored<QueueDoc>> got = get(claim.dataset(), claim.recordId());
        if (got.isPresent() && got.get().source().heldBy(claim.claimId())) {
            QueueDoc released = got.get().source().released(skipped ? claim.annotator() : null);
            write(index, claim.recordId(), released, got.get().version());
            // not refreshed: other annotators see the entry free again after the next refresh (1 s by default)
            recent.forget(index, claim.recordId());
        }
    }

    /**
     * Writes an entry, conditionally when a version is given; empty when that condition failed (409).
     * Queue entries are bookkeeping (the record is the source of truth for labels), so they are not refreshed.
     */
    private Optional<Version> write(String index, String id, QueueDoc doc, Version expected) {
        try {
            return Optional.of(documents.put(index, id, doc, expected, Visibility.NEAR_REAL_TIME));
        } catch (StoreConflictException e) {
            if (expected != null) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static Criteria liveClaim(Instant now) {
        return Criteria.allOf(List.of(Criteria.term("state", QueueDoc.CLAIMED),
                Criteria.above("leaseUntil", now.toString())));
    }
}
