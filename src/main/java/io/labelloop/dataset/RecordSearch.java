package io.labelloop.dataset;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
import org.opensearch.client.opensearch._types.query_dsl.Query;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.search.Hit;

import io.labelloop.store.OpenSearchErrors;
import io.labelloop.store.OpenSearchStore;

/** Reads records: by id, in pages, counts, aggregations and full streams. */
final class RecordSearch {

    static final int MAX_PAGE = 10_000;
    private static final int STREAM_PAGE = 1000;
    private static final int MAX_LABEL_BUCKETS = 1000;

    private final OpenSearchStore store;
    private final OpenSearchClient client;
    private final DatasetCatalog catalog;

    RecordSearch(OpenSearchStore store, DatasetCatalog catalog) {
        this.store = store;
        this.client = store.client();
        this.catalog = catalog;
    }

    /** Realtime get: sees the latest write even before a refresh. */
    Optional<GetResponse<TextRecord>> getWithVersion(Dataset dataset, String id) {
        try {
            GetResponse<TextRecord> got = client.get(g -> g.index(catalog.recordsIndex(dataset)).id(id), TextRecord.class);
            return got.found() ? Optional.of(got) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw store.unavailable("reading record " + id + " of dataset " + dataset.name(), e);
        }
    }

    Optional<TextRecord> get(Dataset dataset, String id) {
        return getWithVersion(dataset, id).map(GetResponse::source);
    }

    RecordPage page(Dataset dataset, RecordQuery query, int size, String searchAfter) {
        if (size < 0 || size > MAX_PAGE) {
            throw new IllegalArgumentException("Page size " + size + " must be in [0, " + MAX_PAGE + "]");
        }
        SearchResponse<TextRecord> response = search(dataset, query, size,
                searchAfter == null || searchAfter.isEmpty() ? null : Cursors.decode(searchAfter), true);
        List<Hit<TextRecord>> hits = response.hits().hits();
        List<TextRecord> records = hits.stream().map(Hit::source).toList();
        String next = hits.size() < size || hits.isEmpty() ? null : Cursors.encode(hits.get(hits.size() - 1).sortVals());
        return new RecordPage(records, response.hits().total().value(), next);
    }

    long count(Dataset dataset, RecordQuery query) {
        try {
            return client.count(c -> c.index(catalog.recordsIndex(dataset)).query(RecordQueries.toQuery(query))).count();
        } catch (IOException | RuntimeException e) {
            throw failure("counting records of dataset " + dataset.name(), query, e);
        }
    }

    DatasetStats stats(Dataset dataset, RecordQuery query) {
        try {
            SearchResponse<Void> r = client.search(s -> s.index(catalog.recordsIndex(dataset)).size(0)
                    .trackTotalHits(t -> t.enabled(true))
                    .query(RecordQueries.toQuery(query))
                    .aggregations("labels", a -> a.terms(t -> t.field("annotation.label").size(MAX_LABEL_BUCKETS)))
                    .aggregations("predicted", a -> a.terms(t -> t.field("predictedLabel").size(MAX_LABEL_BUCKETS)))
                    .aggregations("statuses", a -> a.terms(t -> t.field("status").size(10)))
                    .aggregations("scores", a -> a.histogram(h -> h.field("maxScore")
                            .interval(DatasetStats.SCORE_BUCKET_WIDTH).minDocCount(0)
                            .extendedBounds(b -> b.min(0.0).max(1.0 - DatasetStats.SCORE_BUCKET_WIDTH / 2)))),
                    Void.class);
            Map<RecordStatus, Long> statuses = new EnumMap<>(RecordStatus.class);
            for (RecordStatus s : RecordStatus.values()) {
                statuses.put(s, 0L);
            }
            terms(r.aggregations().get("statuses")).forEach((k, v) -> statuses.put(RecordStatus.valueOf(k), v));
            return new DatasetStats(r.hits().total().value(), terms(r.aggregations().get("labels")),
                    terms(r.aggregations().get("predicted")), statuses, histogram(r.aggregations().get("scores")));
        } catch (IOException | RuntimeException e) {
            throw failure("aggregating records of dataset " + dataset.name(), query, e);
        }
    }

    Stream<TextRecord> stream(Dataset dataset, RecordQuery query) {
        Iterator<TextRecord> pages = new PagingIterator(dataset, query);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    long labeledSince(Dataset dataset, java.time.Instant since) {
        try {
            return client.count(c -> c.index(catalog.recordsIndex(dataset)).query(q -> q.bool(b -> b
                    .filter(f -> f.term(t -> t.field("status").value(FieldValue.of(RecordStatus.VALIDATED.name()))))
                    .filter(f -> f.range(r -> r.field("annotation.at")
                            .gte(org.opensearch.client.json.JsonData.of(since.toString()))))))).count();
        } catch (IOException | RuntimeException e) {
            throw store.unavailable("counting labels of dataset " + dataset.name(), e);
        }
    }

    /** The record this annotator changed last that still holds their undo information, with its raw source. */
    Optional<Hit<Map>> lastChangeBy(Dataset dataset, String annotator) {
        refresh(dataset);
        try {
            List<Hit<Map>> hits = client.search(s -> s.index(catalog.recordsIndex(dataset)).size(1)
                    .query(q -> q.term(t -> t.field("undo.annotator").value(FieldValue.of(annotator))))
                    .sort(o -> o.field(f -> f.field("undo.at").order(org.opensearch.client.opensearch._types.SortOrder.Desc))),
                    Map.class).hits().hits();
            return hits.stream().findFirst();
        } catch (IOException | RuntimeException e) {
            throw store.unavailable("finding the last change of " + annotator + " in dataset " + dataset.name(), e);
        }
    }

    void refresh(Dataset dataset) {
        store.refresh(catalog.recordsIndex(dataset));
    }

    private SearchResponse<TextRecord> search(Dataset dataset, RecordQuery query, int size, List<FieldValue> after,
                                              boolean total) {
        Query q = RecordQueries.toQuery(query);
        try {
            return client.search(s -> {
                s.index(catalog.recordsIndex(dataset)).size(size).query(q).sort(RecordQueries.toSort(query.sort()))
                        .trackTotalHits(t -> t.enabled(total));
                if (after != null) {
                    s.searchAfterVals(after);
                }
                return s;
            }, TextRecord.class);
        } catch (IOException | RuntimeException e) {
            throw failure("searching records of dataset " + dataset.name(), query, e);
        }
    }

    /** A query the user typed that OpenSearch cannot parse is bad input, not an unavailable store. */
    private RuntimeException failure(String what, RecordQuery query, Exception e) {
        if (OpenSearchErrors.status(e) == 400 && query.text() != null) {
            return new IllegalArgumentException("Search '" + query.text() + "' is not valid query-string syntax "
                    + "(quote special characters like ( ) : / with \\): " + e.getMessage(), e);
        }
        return store.unavailable(what, e);
    }

    private static Map<String, Long> terms(Aggregate aggregate) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (StringTermsBucket b : aggregate.sterms().buckets().array()) {
            counts.put(b.key(), b.docCount());
        }
        return counts;
    }

    private static List<DatasetStats.ScoreBucket> histogram(Aggregate aggregate) {
        List<DatasetStats.ScoreBucket> buckets = new ArrayList<>();
        aggregate.histogram().buckets().array().forEach(b -> buckets.add(new DatasetStats.ScoreBucket(b.key(),
                Math.min(1.0, b.key() + DatasetStats.SCORE_BUCKET_WIDTH), b.docCount())));
        return buckets;
    }

    /** Walks a query page by page with search_after, so memory stays constant whatever the result size. */
    private final class PagingIterator implements Iterator<TextRecord> {
        private final Dataset dataset;
        private final RecordQuery query;
        private List<Hit<TextRecord>> page = List.of();
        private int position;
        private boolean last;

        PagingIterator(Dataset dataset, RecordQuery query) {
            this.dataset = dataset;
            this.query = query;
        }

        @Override
        public boolean hasNext() {
            if (position < page.size()) {
                return true;
            }
            if (last) {
                return false;
            }
            List<FieldValue> after = page.isEmpty() ? null : page.get(page.size() - 1).sortVals();
            page = search(dataset, query, STREAM_PAGE, after, false).hits().hits();
            position = 0;
            last = page.size() < STREAM_PAGE;
            return !page.isEmpty();
        }

        @Override
        public TextRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.get(position++).source();
        }
    }
}
