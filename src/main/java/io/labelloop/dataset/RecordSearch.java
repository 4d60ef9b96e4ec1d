package io.labelloop.dataset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.labelloop.store.Aggregation;
import io.labelloop.store.Aggregations;
import io.labelloop.store.BadQueryException;
import io.labelloop.store.Criteria;
import io.labelloop.store.Cursor;
import io.labelloop.store.Documents;
import io.labelloop.store.Hits;
import io.labelloop.store.OpenSearchStore;
import io.labelloop.store.Search;
import io.labelloop.store.Sort;
import io.labelloop.store.Stored;

/** Reads records: by id, in pages, counts, aggregations and full streams. */
final class RecordSearch {

    static final int MAX_PAGE = 10_000;
    private static final int STREAM_PAGE = 1000;
    private static final int MAX_LABEL_BUCKETS = 1000;
    private static final int STATUS_BUCKETS = 10;

    private final OpenSearchStore store;
    private final Documents documents;
    private final DatasetCatalog catalog;

    RecordSearch(OpenSearchStore store, DatasetCatalog catalog) {
        this.store = store;
        this.documents = store.documents();
        this.catalog = catalog;
    }

    /** Realtime get: sees the latest write even before a refresh. */
    Optional<VersionedRecord> getWithVersion(Dataset dataset, String id) {
        return documents.get(catalog.recordsIndex(dataset), id, TextRecord.class)
                .map(got -> new VersionedRecord(got.source(), got.version().seqNo(), got.version().primaryTerm()));
    }

    Optional<TextRecord> get(Dataset dataset, String id) {
        return getWithVersion(dataset, id).map(VersionedRecord::record);
    }

    RecordPage page(Dataset dataset, RecordQuery query, int size, String searchAfter) {
        if (size < 0 || size > MAX_PAGE) {
            throw new IllegalArgumentException("Page size " + size + " must be in [0, " + MAX_PAGE + "]");
        }
        Hits<TextRecord> hits = search(dataset, query, size,
                searchAfter == null || searchAfter.isEmpty() ? null : cursor(searchAfter), true);
        List<TextRecord> records = hits.sources();
        String next = records.size() < size || records.isEmpty() ? null : hits.last().token();
        return new RecordPage(records, hits.total(), next);
    }

    private static Cursor cursor(String token) {
        try {
            return Cursor.of(token);
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException(token, e);
        }
    }

    long count(Dataset dataset, RecordQuery query) {
        try {
            return documents.count(catalog.recordsIndex(dataset), RecordQueries.toCriteria(query));
        } catch (BadQueryException e) {
            throw badQuery(query, e);
        }
    }

    DatasetStats stats(Dataset dataset, RecordQuery query) {
        List<Aggregation> wanted = List.of(
                Aggregation.terms("labels", "annotation.label", MAX_LABEL_BUCKETS),
                Aggregation.terms("predicted", "predictedLabel", MAX_LABEL_BUCKETS),
                Aggregation.terms("statuses", "status", STATUS_BUCKETS),
                Aggregation.histogram("scores", "maxScore", DatasetStats.SCORE_BUCKET_WIDTH, 0.0,
                        1.0 - DatasetStats.SCORE_BUCKET_WIDTH / 2));
        Aggregations r;
        try {
            r = documents.aggregate(catalog.recordsIndex(dataset), RecordQueries.toCriteria(query), wanted);
        } catch (BadQueryException e) {
            throw badQuery(query, e);
        }
        Map<RecordStatus, Long> statuses = new EnumMap<>(RecordStatus.class);
        for (RecordStatus s : RecordStatus.values()) {
            statuses.put(s, 0L);
        }
        r.terms().get("statuses").forEach((k, v) -> statuses.put(RecordStatus.valueOf(k), v));
        return new DatasetStats(r.total(), r.terms().get("labels"), r.terms().get("predicted"), statuses,
                histogram(r.histograms().get("scores")));
    }

    Stream<TextRecord> stream(Dataset dataset, RecordQuery query) {
        Iterator<TextRecord> pages = new PagingIterator(dataset, query);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(pages, Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    long labeledSince(Dataset dataset, Instant since) {
        return documents.count(catalog.recordsIndex(dataset), Criteria.allOf(List.of(
                Criteria.term("status", RecordStatus.VALIDATED.name()),
                Criteria.atLeast("annotation.at", since.toString()))));
    }

    /** The record this annotator changed last that still holds their undo information, with its raw source. */
    @SuppressWarnings("rawtypes")
    Optional<Stored<Map>> lastChangeBy(Dataset dataset, String annotator) {
        refresh(dataset);
        return documents.search(Search.in(catalog.recordsIndex(dataset)).size(1)
                        .where(Criteria.term("undo.annotator", annotator)).sort(Sort.desc("undo.at")), Map.class)
                .hits().stream().findFirst();
    }

    void refresh(Dataset dataset) {
        store.refresh(catalog.recordsIndex(dataset));
    }

    private Hits<TextRecord> search(Dataset dataset, RecordQuery query, int size, Cursor after, boolean total) {
        Search search = Search.in(catalog.recordsIndex(dataset)).size(size).where(RecordQueries.toCriteria(query))
                .sort(RecordQueries.toSort(query.sort())).exactTotal(total).after(after);
        try {
            return documents.search(search, TextRecord.class);
        } catch (BadQueryException e) {
            throw badQuery(query, e);
        }
    }

    /** A query the user typed that OpenSearch cannot parse is bad input, not an unavailable store. */
    private static RuntimeException badQuery(RecordQuery query, BadQueryException e) {
        if (query.text() != null) {
            return new IllegalArgumentException("Search '" + query.text() + "' is not valid query-string syntax "
                    + "(quote special characters like ( ) : / with \\): " + e.getMessage(), e);
        }
        return e;
    }

    private static List<DatasetStats.ScoreBucket> histogram(List<Aggregations.Bucket> aggregate) {
        List<DatasetStats.ScoreBucket> buckets = new ArrayList<>();
        aggregate.forEach(b -> buckets.add(new DatasetStats.ScoreBucket(b.key(),
                Math.min(1.0, b.key() + DatasetStats.SCORE_BUCKET_WIDTH), b.count())));
        return buckets;
    }

    /** Walks a query page by page with search_after, so memory stays constant whatever the result size. */
    private final class PagingIterator implements Iterator<TextRecord> {
        private final Dataset dataset;
        private final RecordQuery query;
        private List<TextRecord> page = List.of();
        private Cursor last;
        private int position;
        private boolean lastPage;

        PagingIterator(Dataset dataset, RecordQuery query) {
            this.dataset = dataset;
            this.query = query;
        }

        @Override
        public boolean hasNext() {
            if (position < page.size()) {
                return true;
            }
            if (lastPage) {
                return false;
            }
            Hits<TextRecord> hits = search(dataset, query, STREAM_PAGE, page.isEmpty() ? null : last, false);
            page = hits.sources();
            last = hits.last();
            position = 0;
            lastPage = page.size() < STREAM_PAGE;
            return !page.isEmpty();
        }

        @Override
        public TextRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return page.get(position++);
        }
    }
}
