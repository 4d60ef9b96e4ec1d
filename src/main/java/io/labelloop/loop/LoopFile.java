package io.labelloop.loop;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** The YAML shape of a file in {@code config/loops/}; {@link LoopConfigLoader} validates it into a {@link LoopConfig}. */
record LoopFile(
        String name,
        String dataset,
        @JsonProperty("label-set") String labelSet,
        @JsonProperty("base-model") String baseModel,
        SelectionFile selection,
        TrainingFile training,
        PromotionFile promotion,
        QueueFile queue,
        Map<String, String> properties) {

    record SelectionFile(
            String strategy,
            @JsonProperty("min-score") Double minScore,
            @JsonProperty("max-score") Double maxScore,
            @JsonProperty("batch-size") Integer batchSize,
            Boolean diversity,
            @JsonProperty("warm-start-random") Integer warmStartRandom,
            @JsonProperty("cover-labels-below") Integer coverLabelsBelow) {
    }

    record TrainingFile(
            @JsonProperty("every-labels") Integer everyLabels,
            String mode,
            Long seed,
            @JsonProperty("debounce-ms") Long debounceMs,
            @JsonProperty("head-epochs") Integer headEpochs) {
    }

    record PromotionFile(String policy, String metric) {
    }

    record QueueFile(@JsonProperty("low-watermark") Integer lowWatermark) {
    }
}
