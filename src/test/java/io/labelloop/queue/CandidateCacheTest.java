package io.labelloop.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch.core.search.Hit;

class CandidateCacheTest {

    private final AtomicLong nanos = new AtomicLong();
    private final CandidateCache cache = new CandidateCache(nanos::get);
    private final AtomicInteger searches = new AtomicInteger();

    @Test
    void oneSearchServesSeveralClaimsAndTriedEntriesAreNotOfferedAgain() {
        Supplier<List<Hit<QueueDoc>>> search = counting(entry("a"), entry("b"), entry("c"));

        assertThat(ids(cache.candidates("q", "ann", List.of(), 2, search))).containsExactly("a", "b");
        cache.tried("q", "a");
        assertThat(ids(cache.candidates("q", "bob", List.of(), 2, search))).containsExactly("b", "c");

        assertThat(searches).hasValue(1);
    }

    @Test
    void entriesTheAnnotatorSkippedOrThisJvmJustClaimedAreLeftOut() {
        Supplier<List<Hit<QueueDoc>>> search = counting(entry("a", "ann"), entry("b"), entry("c"));

        assertThat(ids(cache.candidates("q", "ann", List.of("b"), 5, search))).containsExactly("c");
        assertThat(ids(cache.candidates("q", "bob", List.of(), 5, search))).containsExactly("a", "b", "c");
    }

    @Test
    void theHeadIsSearchedAgainWhenUsedUpOlderThanARefreshOrForgotten() {
        Supplier<List<Hit<QueueDoc>>> search = counting(entry("a"));
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
    private Supplier<List<Hit<QueueDoc>>> counting(Hit<QueueDoc>... hits) {
        return () -> {
            searches.incrementAndGet();
            return List.of(hits);
        };
    }

    private static Hit<QueueDoc> entry(String id, String... skippedBy) {
        QueueDoc doc = QueueDoc.pending(id, 1.0, Instant.EPOCH).released(null);
        QueueDoc skipped = skippedBy.length == 0 ? doc : doc.released(skippedBy[0]);
        return Hit.of(h -> h.index("q").id(id).source(skipped).seqNo(1L).primaryTerm(1L));
    }

    private static List<String> ids(List<Hit<QueueDoc>> hits) {
        return hits.stream().map(Hit::id).toList();
    }
}
