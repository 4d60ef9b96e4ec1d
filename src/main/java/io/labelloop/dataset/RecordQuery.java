package io.labelloop.dataset;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Filters of a record search. Null or empty means "no filter"; all given filters must hold.
 *
 * @param text            free text in OpenSearch query-string syntax over the text (and metadata), e.g. {@code card AND lost}
 * @param statuses        any of these statuses
 * @param predictedLabels the top predicted label is any of these
 * @param labels          the annotated label is any of these
 * @param minScore        max score at least this (inclusive)
 * @param maxScore        max score below this (exclusive), e.g. 0.6 for "uncertain"
 * @param metadata        metadata key to any of the values
 * @param modelVersion    predictions made by this model version
 * @param split           TRAIN or EVAL
 * @param ids             only these record ids
 * @param sort            result order (default {@link RecordSort#ID})
 */
public record RecordQuery(String text, List<RecordStatus> statuses, List<String> predictedLabels, List<String> labels,
                          Double minScore, Double maxScore, Map<String, List<String>> metadata, String modelVersion,
                          Split split, List<String> ids, RecordSort sort) {

    public RecordQuery {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
        predictedLabels = predictedLabels == null ? List.of() : List.copyOf(predictedLabels);
        labels = labels == null ? List.of() : List.copyOf(labels);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        ids = ids == null ? List.of() : List.copyOf(ids);
        sort = sort == null ? RecordSort.ID : sort;
    }

    /** The pool: the records nobody has labeled yet (status DEFAULT), which a loop scores and selects from. */
    public static RecordQuery pool() {
        return all().withStatuses(RecordStatus.DEFAULT);
    }

    /** Every record. */
    public static RecordQuery all() {
        return new RecordQuery(null, null, null, null, null, null, null, null, null, null, null);
    }

    public RecordQuery withText(String q) {
        return new RecordQuery(q, statuses, predictedLabels, labels, minScore, maxScore, metadata, modelVersion, split, ids, sort);
    }

    public RecordQuery withStatuses(RecordStatus... s) {
        return new RecordQuery(text, List.of(s), predictedLabels, labels, minScore, maxScore, metadata, modelVersion, split, ids, sort);
    }

    public RecordQuery withPredictedLabels(String... l) {
        return new RecordQuery(text, statuses, List.of(l), labels, minScore, maxScore, metadata, modelVersion, split, ids, sort);
    }

    public RecordQuery withLabels(String... l) {
        return new RecordQuery(text, statuses, predictedLabels, List.of(l), minScore, maxScore, metadata, modelVersion, split, ids, sort);
    }

    /** Max score in [min, max); either bound may be null. */
    public RecordQuery withScoreBetween(Double min, Double max) {
        return new RecordQuery(text, statuses, predictedLabels, labels, min, max, metadata, modelVersion, split, ids, sort);
    }

    public RecordQuery withMetadata(String key, String... values) {
        Map<String, List<String>> m = new HashMap<>(metadata);
        m.put(key, List.of(values));
        return new RecordQuery(text, statuses, predictedLabels, labels, minScore, maxScore, m, modelVersion, split, ids, sort);
    }

    public RecordQuery withModelVersion(String v) {
        return new RecordQuery(text, statuses, predictedLabels, labels, minScore, maxScore, metadata, v, split, ids, sort);
    }

    public RecordQuery withSplit(Split s) {
        return new RecordQuery(text, statuses, predictedLabels, labels, minScore, maxScore, metadata, modelVersion, s, ids, sort);
    }

    public RecordQuery withIds(List<String> i) {
        return new RecordQuery(text, statuses, predictedLabels, labels, minScore, maxScore, metadata, modelVersion, split, i, sort);
    }

    public RecordQuery sortedBy(RecordSort s) {
        return new RecordQuery(text, statuses, predictedLabels, labels, minScore, maxScore, metadata, modelVersion, split, ids, s);
    }
}
