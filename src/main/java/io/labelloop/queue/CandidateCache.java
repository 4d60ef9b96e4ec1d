package io.labelloop.queue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import io.labelloop.store.Stored;

/**
 * The head of each queue as last searched, shared by every claim this JVM makes on it, so that one search serves many
 * claims instead of one each (the search was a fifth of the store's work per label). Serving a stale head is safe: a
 * claim is a conditional write on the version the search saw, so an entry changed since (claimed, done, released,
 * refilled) fails with a conflict and is dropped. The head is searched again when it is used up or older than the
 * queue index's refresh interval, after which a search shows newer state.
 */
final class CandidateCache {

    /** The queue index's refresh interval: a newer search would see what the cached one could not. */
    static final Duration MAX_AGE = Duration.ofSeconds(1);

    private final Map<String, Head> byIndex = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    CandidateCache(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** One search result and the entries of it that claims have tried since. */
    private record Head(List<Stored<QueueDoc>> hits, long searchedAt, Set<String> tried) {
    }

    /**
     * Up to {@code limit} cached candidates for this annotator (not tried yet, not skipped by them, not in
     * {@code excluded}); searches with {@code search} first when the cached head is missing, used up or too old.
     */
    List<Stored<QueueDoc>> candidates(String index, String annotator, List<String> excluded, int limit,
                                   Supplier<List<Stored<QueueDoc>>> search) {
        Head head = byIndex.get(index);
        if (head == null || nanoTime.getAsLong() - head.searchedAt() > MAX_AGE.toNanos() || usedUp(head)) {
            head = new Head(search.get(), nanoTime.getAsLong(), ConcurrentHashMap.newKeySet());
            byIndex.put(index, head);
        }
        Set<String> tried = head.tried();
        return head.hits().stream()
                .filter(h -> !tried.contains(h.id()) && !excluded.contains(h.id())
                        && !h.source().skippedBy().contains(annotator))
                .limit(limit).toList();
    }

    /** A claim tried this entry (won or lost): nobody else should try the cached version of it. */
    void tried(String index, String id) {
        Head head = byIndex.get(index);
        if (head != null) {
            head.tried().add(id);
        }
    }

    /** The queue was refilled: the cached head is of the old queue. */
    void forget(String index) {
        byIndex.remove(index);
    }

    private static boolean usedUp(Head head) {
        return head.tried().size() >= head.hits().size();
    }
}
