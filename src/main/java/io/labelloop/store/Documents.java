package io.labelloop.store;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.opensearch._types.Refresh;
import org.opensearch.client.opensearch._types.WriteResponseBase;
import org.opensearch.client.opensearch._types.aggregations.Aggregate;
import org.opensearch.client.opensearch._types.aggregations.StringTermsBucket;
import org.opensearch.client.opensearch.core.GetResponse;
import org.opensearch.client.opensearch.core.IndexRequest;
import org.opensearch.client.opensearch.core.SearchRequest;
import org.opensearch.client.opensearch.core.SearchResponse;
import org.opensearch.client.opensearch.core.bulk.BulkResponseItem;
import org.opensearch.client.opensearch.core.search.Hit;

/**
 * Reads and writes documents of the store's indices, one request each (no hidden refresh or read): get, index,
 * create, conditional writes on a {@link Version}, merge, delete, search with a {@link Cursor}, count,
 * aggregations and bulk. Every failure is one of the {@link StoreException}s.
 */
public final class Documents {

    private final OpenSearchStore store;
    private final OpenSearchClient client;

    Documents(OpenSearchStore store, OpenSearchClient client) {
        this.store = store;
        this.client = client;
    }

    /** The document as last written (a realtime get: no refresh needed), with its version. */
    public <T> Optional<Stored<T>> get(String index, String id, Class<T> type) {
        try {
            GetResponse<T> got = client.get(g -> g.index(index).id(id), type);
            return got.found() ? Optional.of(new Stored<>(got.id(), got.source(), version(got.seqNo(), got.primaryTerm())))
                    : Optional.empty();
        } catch (IOException | RuntimeException e) {
            throw failure("reading " + id + " of index " + index, e);
        }
    }

    /** Writes the document whatever is stored under its id. */
    public Version put(String index, String id, Object document) {
        return put(index, id, document, null, Visibility.NEAR_REAL_TIME);
    }

    /**
     * Writes the document if the stored one is still at {@code expected} (unconditionally when null).
     *
     * @throws StoreConflictException if it changed since
     */
    public Version put(String index, String id, Object document, Version expected, Visibility visibility) {
        try {
            return version(client.index(i -> conditional(i.index(index).id(id).document(document), expected,
                    visibility)));
        } catch (IOException | RuntimeException e) {
            throw failure("writing " + id + " to index " + index, e);
        }
    }

    private static <T> IndexRequest.Builder<T> conditional(IndexRequest.Builder<T> request, Version expected,
                                                           Visibility visibility) {
        if (expected != null) {
            request.ifSeqNo(expected.seqNo()).ifPrimaryTerm(expected.primaryTerm());
        }
        if (visibility == Visibility.IMMEDIATE) {
            request.refresh(Refresh.True);
        }
        return request;
    }

    /**
     * Creates the document.
     *
     * @throws StoreConflictException if the id exists
     */
    public Version create(String index, String id, Object document, Visibility visibility) {
        try {
            return version(client.create(c -> {
                c.index(index).id(id).document(document);
                if (visibility == Visibility.IMMEDIATE) {
                    c.refresh(Refresh.True);
                }
                return c;
            }));
        } catch (IOException | RuntimeException e) {
            throw failure("creating " + id + " in index " + index, e);
        }
    }

    /**
     * Merges these fields into the document if it is still at {@code expected}.
     *
     * @throws StoreConflictException if it changed since
     */
    public void merge(String index, String id, Map<String, Object> fields, Version expected) {
        try {
            client.update(u -> u.index(index).id(id).ifSeqNo(expected.seqNo()).ifPrimaryTerm(expected.primaryTerm())
                    .doc(fields), Map.class);
        } catch (IOException | RuntimeException e) {
            throw failure("updating " + id + " of index " + index, e);
        }
    }

    /**
     * Merges these fields into the document, or creates it with them if there is none; a concurrent change of other
     * fields is retried up to {@code conflictRetries} times, so that two writers of different fields both win.
     */
    public void upsert(String index, String id, Map<String, Object> fields, int conflictRetries) {
        try {
            client.update(u -> u.index(index).id(id).doc(fields).docAsUpsert(true).retryOnConflict(conflictRetries),
                    Map.class);
        } catch (IOException | RuntimeException e) {
            throw failure("upserting " + id + " of index " + index, e);
        }
    }

    /** Deletes the document (nothing happens if there is none). */
    public void delete(String index, String id, Visibility visibility) {
        try {
            client.delete(d -> {
                d.index(index).id(id);
                if (visibility == Visibility.IMMEDIATE) {
                    d.refresh(Refresh.True);
                }
                return d;
            });
        } catch (IOException | RuntimeException e) {
            throw failure("deleting " + id + " of index " + index, e);
        }
    }

    /** One page of hits of the search. */
    public <T> Hits<T> search(Search search, Class<T> type) {
        try {
            SearchResponse<T> response = client.search(s -> request(s, search), type);
            List<Hit<T>> hits = response.hits().hits();
            List<Stored<T>> stored = hits.stream().map(h -> new Stored<>(h.id(), h.source(),
                    version(h.seqNo(), h.primaryTerm()))).toList();
            long total = response.hits().total() == null ? -1 : response.hits().total().value();
            Cursor last = hits.isEmpty() ? null : QueryDsl.cursor(hits.get(hits.size() - 1).sortVals());
            return new Hits<>(stored, total, last);
        } catch (IOException | RuntimeException e) {
            throw failure("searching index " + search.index, e);
        }
    }

    private static SearchRequest.Builder request(SearchRequest.Builder s, Search search) {
        s.index(search.index).size(search.size).query(QueryDsl.query(search.criteria));
        if (!search.sorts.isEmpty()) {
            s.sort(QueryDsl.sort(search.sorts));
        }
        if (search.after != null) {
            s.searchAfterVals(QueryDsl.sortValues(search.after));
        }
        if (search.versions) {
            s.seqNoPrimaryTerm(true);
        }
        if (!search.source) {
            s.source(c -> c.fetch(false));
        }
        if (search.exactTotal != null) {
            s.trackTotalHits(t -> t.enabled(search.exactTotal));
        }
        return s;
    }

    /** The number of matching documents as of the last refresh. */
    public long count(String index, Criteria criteria) {
        try {
            return client.count(c -> c.index(index).query(QueryDsl.query(criteria))).count();
        } catch (IOException | RuntimeException e) {
            throw failure("counting index " + index, e);
        }
    }

    /** The exact number of matching documents and these aggregations of them, in one request. */
    public Aggregations aggregate(String index, Criteria criteria, List<Aggregation> aggregations) {
        try {
            SearchResponse<Void> r = client.search(s -> {
                s.index(index).size(0).trackTotalHits(t -> t.enabled(true)).query(QueryDsl.query(criteria));
                for (Aggregation a : aggregations) {
                    aggregation(s, a);
                }
                return s;
            }, Void.class);
            Map<String, Map<String, Long>> terms = new LinkedHashMap<>();
            Map<String, List<Aggregations.Bucket>> histograms = new LinkedHashMap<>();
            for (Aggregation a : aggregations) {
                Aggregate result = r.aggregations().get(a.name());
                if (a instanceof Aggregation.Terms) {
                    terms.put(a.name(), terms(result));
                } else {
                    histograms.put(a.name(), result.histogram().buckets().array().stream()
                            .map(b -> new Aggregations.Bucket(b.key(), b.docCount())).toList());
                }
            }
            return new Aggregations(r.hits().total().value(), terms, histograms);
        } catch (IOException | RuntimeException e) {
            throw failure("aggregating index " + index, e);
        }
    }

    private static void aggregation(SearchRequest.Builder s, Aggregation a) {
        if (a instanceof Aggregation.Terms t) {
            s.aggregations(t.name(), x -> x.terms(y -> y.field(t.field()).size(t.size())));
        } else {
            Aggregation.Histogram h = (Aggregation.Histogram) a;
            s.aggregations(h.name(), x -> x.histogram(y -> y.field(h.field()).interval(h.width()).minDocCount(0)
                    .extendedBounds(b -> b.min(h.min()).max(h.max()))));
        }
    }

    private static Map<String, Long> terms(Aggregate aggregate) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (StringTermsBucket b : aggregate.sterms().buckets().array()) {
            counts.put(b.key(), b.docCount());
        }
        return counts;
    }

    /**
     * Sends these writes as one bulk request; refusals come back per item, not as an exception.
     *
     * @throws StoreException if the request as a whole failed
     */
    public List<BulkItem> bulk(List<BulkOp> operations, Visibility visibility) {
        try {
            List<BulkResponseItem> items = client.bulk(b -> {
                b.operations(operations.stream().map(QueryDsl::operation).toList());
                if (visibility == Visibility.IMMEDIATE) {
                    b.refresh(Refresh.True);
                }
                return b;
            }).items();
            return items.stream().map(Documents::item).toList();
        } catch (IOException | RuntimeException e) {
            throw failure("bulk write of " + operations.size() + " documents", e);
        }
    }

    /** A writer of many bulk requests with at most {@code concurrency} in flight. */
    public BulkWriter bulkWriter(int batchSize, int concurrency) {
        return new BulkWriter(this, batchSize, concurrency);
    }

    private static BulkItem item(BulkResponseItem item) {
        String error = item.error() == null ? null : item.error().type() + ": " + item.error().reason();
        return new BulkItem(item.id(), item.status(), "noop".equals(item.result()), error);
    }

    private static Version version(Long seqNo, Long primaryTerm) {
        return seqNo == null || primaryTerm == null ? null : new Version(seqNo, primaryTerm);
    }

    private static Version version(WriteResponseBase response) {
        return new Version(response.seqNo(), response.primaryTerm());
    }

    private StoreException failure(String what, Exception e) {
        return store.failure(what, e);
    }
}
