package io.labelloop.api;

import java.util.List;

import io.labelloop.dataset.RecordQuery;
import io.labelloop.dataset.RecordSort;
import io.labelloop.dataset.RecordStatus;
import io.labelloop.dataset.Split;
import java.util.Arrays;

/**
 * The query parameters of {@code GET /api/datasets/{dataset}/records} and of export, bound by Spring:
 * {@code q, status, predicted, label, minScore, maxScore, meta=key:value, modelVersion, split, sort}.
 */
record RecordFilter(String q, List<RecordStatus> status, List<String> predicted, List<String> label, Double minScore,
                    Double maxScore, List<String> meta, String modelVersion, Split split, RecordSort sort) {

    private static void checkScore(String parameter, Double score) {
        if (score != null && !(score >= 0 && score <= 1)) {
            throw new BadRequestException(parameter, parameter + " must be a number from 0 to 1, got " + score);
        }
    }

    /** The values a filter parameter accepts, for error messages; null for free values. */
    static List<String> allowedValues(String parameter) {
        Class<? extends Enum<?>> type = switch (parameter) {
            case "status" -> RecordStatus.class;
            case "sort" -> RecordSort.class;
            case "split" -> Split.class;
            default -> null;
        };
        return type == null ? null : Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
    }

    RecordQuery toQuery() {
        checkScore("minScore", minScore);
        checkScore("maxScore", maxScore);
        if (minScore != null && maxScore != null && minScore > maxScore) {
            throw new BadRequestException("minScore", "minScore " + minScore + " is above maxScore " + maxScore);
        }
        RecordQuery query = RecordQuery.all().withText(q == null || q.isBlank() ? null : q)
                .withScoreBetween(minScore, maxScore).withModelVersion(modelVersion).withSplit(split)
                .sortedBy(sort);
        if (status != null) {
            query = query.withStatuses(status.toArray(RecordStatus[]::new));
        }
        if (predicted != null) {
            query = query.withPredictedLabels(predicted.toArray(String[]::new));
        }
        if (label != null) {
            query = query.withLabels(label.toArray(String[]::new));
        }
        for (String term : meta == null ? List.<String>of() : meta) {
            int colon = term.indexOf(':');
            if (colon <= 0) {
                throw new BadRequestException("meta", "Query parameter meta='" + term + "' must be key:value");
            }
            query = query.withMetadata(term.substring(0, colon), term.substring(colon + 1).split(","));
        }
        return query;
    }
}
