package io.labelloop.loop;

import io.labelloop.model.ModelRuntime;
import io.labelloop.model.query.QueryStrategy;
import io.labelloop.model.train.TrainingMode;
import java.nio.file.Path;
import java.util.Map;

/**
 * One loop as its file in {@code config/loops/} declares it: which dataset, which label set, which base model,
 * and the thresholds the routes use by default (a route option overrides each of them).
 *
 * @param name      the loop's name, the path of {@code labelloop:<name>} endpoints
 * @param source    the file the loop came from, named in every error about it
 * @param dataset   the dataset (one OpenSearch index) the loop reads and labels
 * @param labelSet  the label set file with a description per label, relative to the Labelloop home
 * @param baseModel the pretrained model every training starts from
 * @param selection how the queue is filled
 * @param training  when and how a new version is trained
 * @param promotion when a trained version replaces the serving one
 * @param queueLow  the queue depth below which the {@code queue-low} consumer fires
 * @param properties extra free properties of the loop (for example the import file) kept for the routes
 */
public record LoopConfig(
        String name,
        Path source,
        String dataset,
        String labelSet,
        String baseModel,
        Selection selection,
        Training training,
        Promotion promotion,
        int queueLow,
        Map<String, String> properties) {

    /**
     * Loop property naming a separate dataset whose validated records are the eval set (instead of the eval split of
     * the loop's own dataset).
     */
    public static final String EVAL_DATASET = "eval-dataset";
    /** Default label set location, relative to the Labelloop home. */
    public static final String DEFAULT_LABEL_SET_DIR = "config/labels";
    /** The offline base model every loop starts from unless its file names another. */
    public static final String DEFAULT_BASE_MODEL = ModelRuntime.DEFAULT_BASE_MODEL;
    /** Queue depth below which the queue is refilled. */
    public static final int DEFAULT_QUEUE_LOW = 10;

    /**
     * How the select step fills the queue.
     *
     * @param strategy  ranking of the scored records
     * @param minScore  lower bound of the max-score window (inclusive)
     * @param maxScore  upper bound of the max-score window (inclusive)
     * @param batchSize how many records one select step queues
     * @param diversity whether near-duplicates are avoided within one batch
     * @param warmStartRandom how many of the first labels are picked at random instead of by the strategy
     * @param coverLabelsBelow while some label has fewer train labels than this, a batch takes turns over the
     *                         predicted labels (a cold start that leaves no label without candidates); 0: never
     */
    public record Selection(QueryStrategy strategy, double minScore, double maxScore, int batchSize,
                            boolean diversity, int warmStartRandom, int coverLabelsBelow) {
        public static final double DEFAULT_MIN_SCORE = 0.0;
        public static final double DEFAULT_MAX_SCORE = 0.6;
        public static final int DEFAULT_BATCH_SIZE = 50;
    }

    /**
     * When and how a new version is trained.
     *
     * @param everyLabels new validated labels since the last training that trigger the next one
     * @param mode        full fine-tuning or head only
     * @param seed        seed for shuffling, dropout and random selection
     * @param debounceMs  quiet time after the last new label before the labels consumer fires
     * @param headEpochs  epochs of head-only training, 0 for the model runtime's default
     */
    public record Training(int everyLabels, TrainingMode mode, long seed, long debounceMs, int headEpochs) {
        public static final int DEFAULT_EVERY_LABELS = 50;
        public static final long DEFAULT_SEED = 42;
        public static final long DEFAULT_DEBOUNCE_MS = 2_000;
    }

    /**
     * When a trained version replaces the serving one.
     *
     * @param policy always, if-better or manual
     * @param metric the metric if-better compares ({@code accuracy} or {@code macro_f1})
     */
    public record Promotion(PromotePolicy policy, String metric) {
        public static final String DEFAULT_METRIC = "accuracy";
    }

    /** The dataset named by the {@value #EVAL_DATASET} property, or null when the loop evaluates on its eval split. */
    public String evalDataset() {
        return properties == null ? null : properties.get(EVAL_DATASET);
    }

    /** Where the label set with its descriptions lives when the file does not say. */
    public static String defaultLabelSet(String name) {
        return DEFAULT_LABEL_SET_DIR + "/" + name + ".yaml";
    }
}
