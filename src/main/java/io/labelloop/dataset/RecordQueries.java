package io.labelloop.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.labelloop.store.Criteria;
import io.labelloop.store.Sort;

/** Translates a {@link RecordQuery} into the store's criteria and sort keys. */
final class RecordQueries {

    private RecordQueries() {
    }

    static Criteria toCriteria(RecordQuery q) {
        List<Criteria> filters = new ArrayList<>();
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
            filters.add(Criteria.range("maxScore", q.minScore(), q.maxScore()));
        }
        List<Criteria> must = new ArrayList<>();
        if (q.text() != null && !q.text().isBlank()) {
            must.add(Criteria.text("text", q.text()));
        }
        if (filters.isEmpty() && must.isEmpty()) {
            return Criteria.all();
        }
        return Criteria.bool(must, filters, List.of());
    }

    static List<Sort> toSort(RecordSort sort) {
        return switch (sort) {
            case SCORE_ASC -> List.of(Sort.asc("maxScore").missingLast(), Sort.asc("id").missingLast());
            case SCORE_DESC -> List.of(Sort.desc("maxScore").missingLast(), Sort.asc("id").missingLast());
            case UPDATED_DESC -> List.of(Sort.desc("updatedAt").missingLast(), Sort.asc("id").missingLast());
            case ID -> List.of(Sort.asc("id").missingLast());
        };
    }

    private static void terms(List<Criteria> filters, String field, List<String> values) {
        if (!values.isEmpty()) {
            filters.add(Criteria.anyOf(field, values));
        }
    }
}
