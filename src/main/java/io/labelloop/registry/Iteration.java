package io.labelloop.registry;

import java.time.Instant;

/**
 * One turn of a loop as the dashboards plot it. Metrics are null when not recorded.
 *
 * @param iteration    1, 2, ...
 * @param version      the model version it produced
 * @param labeledCount labels in the dataset at training time
 * @param trainingSize labels trained on
 * @param accuracy     held-out accuracy
 * @param macroF1      held-out macro-F1
 * @param trainSeconds training time
 * @param scoreSeconds time to score the dataset
 * @param at           registration time
 * @param status       the version's status
 */
public record Iteration(int iteration, String version, long labeledCount, long trainingSize, Double accuracy,
                        Double macroF1, Double trainSeconds, Double scoreSeconds, Instant at, ModelStatus status) {

    static Iteration of(ModelVersion v) {
        return new Iteration(v.iteration(), v.version(), v.labeledCount(), v.trainingSize(),
                v.metric(ModelVersion.ACCURACY), v.metric(ModelVersion.MACRO_F1),
                v.metric(ModelVersion.TRAIN_SECONDS), v.metric(ModelVersion.SCORE_SECONDS), v.createdAt(), v.status());
    }
}
