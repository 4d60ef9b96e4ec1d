package io.labelloop.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.labelloop.store.Stored;
import io.labelloop.store.Version;

class CandidateCacheTest {

    private final AtomicLong nanos = new AtomicLong();
    private final CandidateCache cache = new CandidateCache(nanos::get);
    private final AtomicInteger searches = new AtomicInteger();

    @Test
    void oneSearchServesSeveralClaimsAndTriedEntriesAreNotOfferedAgain() {
        Supplier<List<Stored<QueueDoc>>> search = counting(entry("a"), entry("b"), entry("c"));

        assertThat(ids(cache.candidates("q", "ann", List.of(), 2, search))).containsExactly("a", "b");
        cache.tried("q", "a");
        assertThat(ids(cache.candidates("q", "bob", List.of(), 2, search))).containsExactly("b", "c");

        assertThat(searches).hasValue(1);
    }

    @Test
    void entriesTheAnnotatorSkippedOrThisJvmJustClaimedAreLeftOut() {
        Supplier<List<Stored<QueueDoc>>> search = counting(entry("a", "ann"), entry("b"), entry("c"));

        assertThat(ids(cache.candidates("q", "ann", List.of("b"), 5, search))).containsExactly("c");
        assertThat(ids(cache.candidates("q", "bob", List.of(), 5, search))).containsExactly("a", "b", "c");
    }

    @Test
    void theHeadIsSearchedAgainWhenUsedUpOlderThanARefreshOrForgotten() {
        Supplier<List<Stored<QueueDoc>>> search = counting(entry("a"));
        cache.candidates("q", "ann", List.of(), 1, search);

        cache.tried("q", "a");
        cache.candidates("q", "ann", List.of(), 1, search);
        assertThat(searches).as("used up").hasValue(2);

        nanos.addAndGet(CandidateCache.MAX_AGE.toNanos() + 1);
        cache.candidates("q", "ann", List.of(), 1, search);
        assertThat(searches).as("too old").hasValue(3);

        cache.forget("q");
        cache.candidates("q", "ann", List.of(), 1, search);
        assertThat(searches).as("refilled").hasValue(4);
    }

    @SafeVarargs
    private Supplier<List<Stored<QueueDoc>>> counting(Stored<QueueDoc>... hits) {
        return () -> {
            searches.incrementAndGet();
            return List.of(hits);
        };
    }

    private static Stored<QueueDoc> entry(String id, String... skippedBy) {
        QueueDoc doc = QueueDoc.pending(id, 1.0, Instant.EPOCH).released(null);
        QueueDoc skipped = skippedBy.length == 0 ? doc : doc.released(skippedBy[0]);
        return new Stored<>(id, skipped, new Version(1, 1));
    }

    private static List<String> ids(List<Stored<QueueDoc>> hits) {
        return hits.stream().map(Stored::id).toList();
    }
}
