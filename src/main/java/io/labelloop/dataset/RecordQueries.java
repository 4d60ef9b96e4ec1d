package io.labelloop.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.opensearch.client.json.JsonData;
import org.opensearch.client.opensearch._types.FieldValue;
import org.opensearch.client.opensearch._types.SortOptions;
import org.opensearch.client.opensearch._types.SortOrder;
import org.opensearch.client.opensearch._types.query_dsl.Operator;
import org.opensearch.client.opensearch._types.query_dsl.Query;

/** Translates a {@link RecordQuery} into OpenSearch's query DSL and sort. */
final class RecordQueries {

    private RecordQueries() {
    }

    static Query toQuery(RecordQuery q) {
        List<Query> filters = new ArrayList<>();
        terms(filters, "status", q.statuses().stream().map(Enum::name).toList());
        terms(filters, "predictedLabel", q.predictedLabels());
        terms(filters, "annotation.label", q.labels());
        terms(filters, "id", q.ids());
        for (Map.Entry<String, List<String>> m : q.metadata().entrySet()) {
            terms(filters, "metadata." + m.getKey(), m.getValue());
        }
        if (q.modelVersion() != null) {
            terms(filters, "predictionAgent", List.of(q.modelVersion()));
        }
        if (q.split() != null) {
            terms(filters, "split", List.of(q.split().name()));
        }
        if (q.minScore() != null || q.maxScore() != null) {
            filters.add(Query.of(b -> b.range(r -> {
                r.field("maxScore");
                if (q.minScore() != null) {
                    r.gte(JsonData.of(q.minScore()));
                }
                if (q.maxScore() != null) {
                    r.lt(JsonData.of(q.maxScore()));
                }
                return r;
            })));
        }
        List<Query> must = new ArrayList<>();
        if (q.text() != null && !q.text().isBlank()) {
            must.add(Query.of(b -> b.queryString(s -> s.query(q.text()).defaultField("text")
                    .defaultOperator(Operator.And).lenient(true))));
        }
        if (filters.isEmpty() && must.isEmpty()) {
            return Query.of(b -> b.matchAll(m -> m));
        }
        return Query.of(b -> b.bool(x -> x.filter(filters).must(must)));
    }

    static List<SortOptions> toSort(RecordSort sort) {
        return switch (sort) {
            case SCORE_ASC -> List.of(field("maxScore", SortOrder.Asc), field("id", SortOrder.Asc));
            case SCORE_DESC -> List.of(field("maxScore", SortOrder.Desc), field("id", SortOrder.Asc));
            case UPDATED_DESC -> List.of(field("updatedAt", SortOrder.Desc), field("id", SortOrder.Asc));
            case ID -> List.of(field("id", SortOrder.Asc));
        };
    }

    private static SortOptions field(String name, SortOrder order) {
        return SortOptions.of(s -> s.field(f -> f.field(name).order(order).missing(FieldValue.of("_last"))));
    }

    private static void terms(List<Query> filters, String field, List<String> values) {
        if (!values.isEmpty()) {
            List<FieldValue> fieldValues = values.stream().map(FieldValue::of).toList();
            filters.add(Query.of(b -> b.terms(t -> t.field(field).terms(v -> v.value(fieldValues)))));
        }
    }
}
