package io.labelloop.store;

import java.util.List;
import java.util.Map;

/**
 * What {@link Documents#aggregate} found.
 *
 * @param total      every matching document, counted exactly
 * @param terms      per terms aggregation name, count per value, most frequent first
 * @param histograms per histogram aggregation name, its buckets in order
 */
public record Aggregations(long total, Map<String, Map<String, Long>> terms, Map<String, List<Bucket>> histograms) {

    /** A histogram bucket starting at {@code key}. */
    public record Bucket(double key, long count) {
    }
}
