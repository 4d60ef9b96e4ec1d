package io.labelloop.stopping;

import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.RecordQuery;
import io.labelloop.dataset.TextRecord;
import io.labelloop.store.Criteria;
import io.labelloop.store.Documents;
import io.labelloop.store.OpenSearchStore;
import io.labelloop.store.Search;
import io.labelloop.store.Sort;
import io.labelloop.store.Stored;
import io.labelloop.store.StoreConflictException;
import io.labelloop.store.Visibility;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * The loops' stop sets ({@code labelloop-stop-sets}, one per loop) and each scored version's predicted labels on its
 * loop's stop set ({@code labelloop-stop-predictions}), kept in the store so that every node compares the same
 * records.
 */
@Component
class StopSets {

    /** Records in a stop set: small-text and the paper use a few thousand at most; 1,000 gives kappa to about +-0.01. */
    static final int SIZE = 1_000;
    private static final int MAX_VERSIONS = 10_000;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final Documents documents;
    private final DatasetService datasets;
    private final String sets;
    private final String predictions;

    StopSets(OpenSearchStore store, DatasetService datasets) {
        this.documents = store.documents();
        this.datasets = datasets;
        this.sets = store.index("stop-sets");
        this.predictions = store.index("stop-predictions");
        store.ensureIndex(sets);
        store.ensureIndex(predictions);
    }

    /** The loop's stop set; drawn from its pool now when it has none yet, and then empty if the pool is. */
    StopSet stopSet(String loop, String dataset, long seed) {
        Optional<StopSet> stored = find(loop);
        if (stored.isPresent()) {
            return stored.get();
        }
        StopSet drawn = new StopSet(loop, dataset, seed, draw(dataset, seed), Instant.now());
        if (drawn.ids().isEmpty()) {
            return drawn;
        }
        try {
            documents.create(sets, loop, drawn, Visibility.IMMEDIATE);
            return drawn;
        } catch (StoreConflictException e) {
            // another node drew at the same time: every node must compare on the one that was stored
            return find(loop).orElseThrow();
        }
    }

    Optional<StopSet> find(String loop) {
        return documents.get(sets, loop, StopSet.class).map(Stored::source);
    }

    /** Stores what {@code version} predicted for the stop-set records (read back from the records it scored). */
    VersionPredictions record(StopSet set, String version, int iteration) {
        Map<String, String> predicted = new HashMap<>();
        RecordQuery scored = RecordQuery.all().withIds(set.ids()).withModelVersion(version);
        try (Stream<TextRecord> records = datasets.stream(set.dataset(), scored)) {
            records.filter(r -> r.predictedLabel() != null).forEach(r -> predicted.put(r.id(), r.predictedLabel()));
        }
        VersionPredictions kept = new VersionPredictions(set.loop(), version, iteration, predicted, Instant.now());
        documents.put(predictions, set.loop() + ":" + version, kept, null, Visibility.IMMEDIATE);
        return kept;
    }

    /** Every scored version's predictions on the loop's stop set, in iteration order. */
    List<VersionPredictions> predictions(String loop) {
        return documents.search(Search.in(predictions).size(MAX_VERSIONS).where(Criteria.term("loop", loop))
                .sort(Sort.asc("iteration")), VersionPredictions.class).sources();
    }

    /**
     * A seeded uniform sample of the pool in one pass: the {@value #SIZE} records with the smallest seeded hash of
     * their id, so the same seed over the same pool draws the same records.
     */
    private List<String> draw(String dataset, long seed) {
        Comparator<String> byRank = Comparator.comparingLong((String id) -> rank(seed, id))
                .thenComparing(Comparator.naturalOrder());
        PriorityQueue<String> kept = new PriorityQueue<>(byRank.reversed());
        try (Stream<TextRecord> pool = datasets.stream(dataset, RecordQuery.pool())) {
            pool.map(TextRecord::id).forEach(id -> {
                kept.add(id);
                if (kept.size() > SIZE) {
                    kept.poll();
                }
            });
        }
        return kept.stream().sorted(byRank).toList();
    }

    /** FNV-1a over the id with the seed as its offset basis, then a 64-bit finalizer so that nearby ids spread. */
    static long rank(long seed, String id) {
        long h = seed;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * FNV_PRIME;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }
}
