package io.labelloop.queue;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.core.IndexResponse;
import org.opensearch.client.opensearch.core.bulk.BulkOperation;
import org.opensearch.client.opensearch.core.search.Hit;

import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.RecordQuery;
import io.labelloop.dataset.RecordStatus;
import io.labelloop.dataset.TextRecord;
import io.labelloop.dataset.VersionedRecord;
import io.labelloop.store.OpenSearchErrors;
import io.labelloop.store.OpenSearchStore;

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
    private final OpenSearchClient client;
    private final DatasetService datasets;
    private final QueueProperties properties;
    private final java.time.Clock clock;
    private final RecentClaims recent;
    private final CandidateCache heads = new CandidateCache(System::nanoTime);
    private final java.util.concurrent.atomic.AtomicInteger claiming = new java.util.concurrent.atomic.AtomicInteger();
    private final Set<String> ensured = java.util.concurrent.ConcurrentHashMap.newKeySet();

    QueueEntries(OpenSearchStore store, DatasetService datasets, QueueProperties properties) {
        this(store, datasets, properties, java.time.Clock.systemUTC());
    }

    /** With the clock that leases are given and checked by (tests move it instead of sleeping). */
    QueueEntries(OpenSearchStore store, DatasetService datasets, QueueProperties properties, java.time.Clock clock) {
        this.clock = clock;
        this.recent = new RecentClaims(clock);
        this.store = store;
        this.client = store.client();
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
        List<BulkOperation> operations = new ArrayList<>();
        for (QueueItem item : items) {
            if (open.remove(item.recordId())) {
                QueueDoc doc = QueueDoc.pending(item.recordId(), item.priority(), now);
                // create: an entry that survived (a live claim) is not overwritten
                operations.add(BulkOperation.of(b -> b.create(c -> c.index(index).id(item.recordId()).document(doc))));
            }
        }
        for (int from = 0; from < operations.size(); from += BULK) {
            List<BulkOperation> chunk = operations.subList(from, Math.min(operations.size(), from + BULK));
            try {
                var response = client.bulk(b -> b.operations(chunk));
                response.items().stream().filter(item -> item.error() != null && item.status() != 409).findFirst()
                        .ifPresent(item -> {
                            throw new IllegalStateException("Queue entry " + item.id() + " refused: "
                                    + item.error().type() + ": " + item.error().reason());
                        });
            } catch (IOException | RuntimeException e) {
                throw store.unavailable("filling the queue of dataset " + dataset, e);
            }
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
        for (List<Hit<QueueDoc>> hits = notLiveClaims(index, now); !hits.isEmpty(); hits = notLiveClaims(index, now)) {
            delete(index, hits);
        }
    }

    List<Hit<QueueDoc>> notLiveClaims(String index, Instant now) {
        Query stale = Query.of(q -> q.bool(b -> b.mustNot(liveClaim(now))));
        try {
            return client.search(s -> s.index(index).size(BULK).query(stale).seqNoPrimaryTerm(true)
                    .source(c -> c.fetch(false)), QueueDoc.class).hits().hits();
        } catch (IOException | RuntimeException e) {
            throw store.unavailable("reading the queue " + index, e);
        }
    }

    /**
     * Deletes these entries if each is still the version the search saw: one claimed since (a 409) is kept, so its
     * annotator keeps the record and nobody else gets it.
     */
    void delete(String index, List<Hit<QueueDoc>> hits) {
        List<BulkOperation> deletes = hits.stream().map(h -> BulkOperation.of(b -> b.delete(d -> d.index(index)
                .id(h.id()).ifSeqNo(h.seqNo()).ifPrimaryTerm(h.primaryTerm())))).toList();
        try {
            var response = client.bulk(b -> b.operations(deletes).refresh(Refresh.True));
            response.items().stream().filter(item -> item.error() != null && item.status() != 409).findFirst()
                    .ifPresent(item -> {
                        throw new IllegalStateException("Queue entry " + item.id() + " not deleted: "
                                + item.error().type() + ": " + item.error().reason());
                    });
        } catch (IOException | RuntimeException e) {
            throw store.unavailable("clearing the queue " + index, e);
        }
    }

    private Set<String> unlabeled(String dataset, List<QueueItem> items) {
        Set<String> open = new HashSet<>();
        List<String> ids = items.stream().map(QueueItem::recordId).toList();
        for (int from = 0; from < ids.size(); from += BULK) {
            RecordQuery query = RecordQuery.all().withStatuses(RecordStatus.DEFAULT)
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
        Query claimed = liveClaim(clock.instant());
        return new QueueStats(count(index, waiting(claimed)), count(index, claimed), count(index, done()));
    }

    /** {@link QueueStats#pending()} alone: one count instead of three, as the labeling view and the loop ask often. */
    long pending(String dataset) {
        return count(index(dataset), waiting(liveClaim(clock.instant())));
    }

    private static Query waiting(Query liveClaim) {
        return Query.of(q -> q.bool(b -> b.mustNot(liveClaim, done())));
    }

    private static Query done() {
        return term("state", QueueDoc.DONE);
    }

    /** Makes every queue write searchable now; costs a Lucene refresh, so for tests and tools, not per request. */
    void refresh(String dataset) {
        store.refresh(index(dataset));
    }

    private long count(String index, Query query) {
        try {
            return client.count(c -> c.index(index).query(query)).count();
        } catch (IOException | RuntimeException e) {
            throw store.unavailable("counting queue " + index, e);
        }
    }

    Optional<Claim> claimNext(String dataset, String annotator) {
        String index = index(dataset);
        // The k-th claim running at once in this JVM starts at the k-th candidate: a lone annotator gets exact
        // priority order, concurrent ones spread over the head of the queue instead of all racing for entry 0.
        int concurrent = claiming.getAndIncrement();
        try {
            for (int round = 0; round < MAX_ROUNDS; round++) {
                List<Hit<QueueDoc>> candidates = round == 0 ? cachedCandidates(index, annotator) : List.of();
                if (candidates.isEmpty()) {
                    candidates = candidates(index, annotator, clock.instant());
                }
                if (candidates.isEmpty()) {
                    return Optional.empty();
                }
                int start = round == 0 ? concurrent : concurrent + ThreadLocalRandom.current().nextInt(candidates.size());
                for (int i = 0; i < candidates.size(); i++) {
                    Hit<QueueDoc> hit = candidates.get((start + i) % candidates.size());
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
    private List<Hit<QueueDoc>> cachedCandidates(String index, String annotator) {
        List<String> justClaimed = recent.ids(index);
        return heads.candidates(index, annotator, justClaimed, properties.candidates(),
                () -> search(index, null, justClaimed, clock.instant(), properties.candidates() * SHARED_HEAD_FACTOR));
    }

    private List<Hit<QueueDoc>> candidates(String index, String annotator, Instant now) {
        return search(index, annotator, recent.ids(index), now, properties.candidates());
    }

    /** Free entries by priority, without those skipped by {@code annotator} (all when null) or just claimed here. */
    private List<Hit<QueueDoc>> search(String index, String annotator, List<String> justClaimed, Instant now, int size) {
        Query free = Query.of(q -> q.bool(b -> {
            b.mustNot(liveClaim(now), term("state", QueueDoc.DONE));
            if (annotator != null) {
                b.mustNot(term("skippedBy", annotator));
            }
            if (!justClaimed.isEmpty()) {
                b.mustNot(m -> m.ids(ids -> ids.values(justClaimed)));
            }
            return b;
        }));
        try {
            return client.search(s -> s.index(index).size(size).seqNoPrimaryTerm(true).query(free)
                    .sort(o -> o.field(f -> f.field("priority").order(SortOrder.Desc)))
                    .sort(o -> o.field(f -> f.field("recordId").order(SortOrder.Asc))), QueueDoc.class).hits().hits();
        } catch (IOException | RuntimeException e) {
            throw store.unavailable("reading queue " + index, e);
        }
    }

    private Optional<Claim> tryClaim(String dataset, String index, Hit<QueueDoc> hit, String annotator) {
        Instant now = clock.instant();
        Instant until = now.plus(properties.lease());
        String claimId = UUID.randomUUID().toString();
        QueueDoc claimed = hit.source().claimed(annotator, claimId, now, until);
        Optional<IndexResponse> written = write(index, hit.id(), claimed, hit.seqNo(), hit.primaryTerm());
        heads.tried(index, hit.id());
        if (written.isEmpty()) {
            return Optional.empty();
        }
        recent.claimed(index, hit.id(), properties.lease());
        Optional<VersionedRecord> record = datasets.recordWithVersion(dataset, hit.id());
        if (record.isEmpty() || record.get().record().status() != RecordStatus.DEFAULT) {
            // labeled or discarded outside the queue meanwhile (or deleted): retire the entry, look further
            write(index, hit.id(), claimed.done(record.map(r -> r.record().label()).orElse(null), now), null, null);
            return Optional.empty();
        }
        return Optional.of(claim(dataset, annotator, claimId, until, written.get(), record.get(),
                hit.source().priority()));
    }

    private static Claim claim(String dataset, String annotator, String claimId, Instant until, IndexResponse entry,
                               VersionedRecord record, double priority) {
        return new Claim(dataset, record.record().id(), annotator, claimId, until, record.record(), entry.seqNo(),
                entry.primaryTerm(), record.seqNo(), record.primaryTerm(), priority);
    }

    Optional<GetResponse<QueueDoc>> get(String dataset, String recordId) {
        String index = index(dataset);
        try {
            GetResponse<QueueDoc> got = client.get(g -> g.index(index).id(recordId), QueueDoc.class);
            return got.found() ? Optional.of(got) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw store.unavailable("reading queue entry " + recordId, e);
        }
    }

    /**
     * Marks a claimed entry done if the claim still holds it: a conditional write on the version the claim wrote
     * (no read); if that version changed, a read decides (the entry was reopened after a failed record write, so the
     * same claim may retry). Empty when the claim was lost (lease expired and the record was claimed again, or the
     * queue was refilled).
     */
    Optional<IndexResponse> finish(Claim claim, String label) {
        String index = index(claim.dataset());
        QueueDoc done = claim.entry(clock.instant()).done(label, clock.instant());
        Optional<IndexResponse> written = write(index, claim.recordId(), done, claim.entrySeqNo(),
                claim.entryPrimaryTerm());
        if (written.isPresent()) {
            return written;
        }
        return get(claim.dataset(), claim.recordId()).filter(e -> e.source().heldBy(claim.claimId()))
                .flatMap(e -> write(index, claim.recordId(), done, e.seqNo(), e.primaryTerm()));
    }

    /** Gives the claim its entry back after the record write failed, unless the entry changed since it was finished. */
    void reopen(Claim claim, IndexResponse finished) {
        write(index(claim.dataset()), claim.recordId(), claim.entry(clock.instant()), finished.seqNo(), finished.primaryTerm());
    }

    /** Marks the record's entry done whoever held it (it was labeled outside the queue). */
    void finish(String dataset, String recordId, QueueDoc entry, String label) {
        write(index(dataset), recordId, entry.done(label, clock.instant()), null, null);
    }

    /** Puts the record back in the queue claimed by this annotator (after an undo). */
    Claim reclaim(String dataset, VersionedRecord record, String annotator, double priority) {
        Instant now = clock.instant();
        Instant until = now.plus(properties.lease());
        String claimId = UUID.randomUUID().toString();
        QueueDoc doc = QueueDoc.pending(record.record().id(), priority, now).claimed(annotator, claimId, now, until);
        String index = index(dataset);
        IndexResponse written = write(index, record.record().id(), doc, null, null).orElseThrow();
        recent.claimed(index, record.record().id(), properties.lease());
        return claim(dataset, annotator, claimId, until, written, record, priority);
    }

    /** Frees a claimed entry; a skip also keeps it from coming straight back to the same annotator. */
    void release(Claim claim, boolean skipped) {
        String index = index(claim.dataset());
        Optional<GetResponse<QueueDoc>> got = get(claim.dataset(), claim.recordId());
        if (got.isPresent() && got.get().source().heldBy(claim.claimId())) {
            QueueDoc released = got.get().source().released(skipped ? claim.annotator() : null);
            write(index, claim.recordId(), released, got.get().seqNo(),
                    got.get().primaryTerm());
            // not refreshed: other annotators see the entry free again after the next refresh (1 s by default)
            recent.forget(index, claim.recordId());
        }
    }

    /**
     * Writes an entry, conditionally when a sequence number is given; empty when that condition failed (409).
     * Queue entries are bookkeeping (the record is the source of truth for labels), so they are not refreshed.
     */
    Optional<IndexResponse> write(String index, String id, QueueDoc doc, Long seqNo, Long primaryTerm) {
        try {
            return Optional.of(client.index(i -> {
                i.index(index).id(id).document(doc);
                if (seqNo != null) {
                    i.ifSeqNo(seqNo).ifPrimaryTerm(primaryTerm);
                }
                return i;
            }));
        } catch (IOException | RuntimeException e) {
            if (seqNo != null && OpenSearchErrors.isConflict(e)) {
                return Optional.empty();
            }
            throw store.unavailable("writing queue entry " + id, e);
        }
    }

    private static Query liveClaim(Instant now) {
        return Query.of(q -> q.bool(b -> b.filter(term("state", QueueDoc.CLAIMED))
                .filter(f -> f.range(r -> r.field("leaseUntil").gt(JsonData.of(now.toString()))))));
    }

    private static Query term(String field, String value) {
        return Query.of(q -> q.term(t -> t.field(field).value(FieldValue.of(value))));
    }
}
