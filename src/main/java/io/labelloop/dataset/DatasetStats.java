package io.labelloop.dataset;

import java.util.List;
import java.util.Map;

/**
 * Aggregations over the records matching a query, for dashboards.
 *
 * @param total                 matching records
 * @param labels                annotated label to count
 * @param predictedLabels       top predicted label to count
 * @param statuses              status to count (every status present, zero included)
 * @param scoreHistogram        max-score buckets of width {@link #SCORE_BUCKET_WIDTH} from 0 to 1
 */
public record DatasetStats(long total, Map<String, Long> labels, Map<String, Long> predictedLabels,
                           Map<RecordStatus, Long> statuses, List<ScoreBucket> scoreHistogram) {

    /** Width of a score histogram bucket. */
    public static final double SCORE_BUCKET_WIDTH = 0.1;

    /** Records whose max score is in [from, to). */
    public record ScoreBucket(double from, double to, long count) {
    }
}
