package io.labelloop.stopping;

import io.labelloop.registry.ModelEvaluation;
import io.labelloop.registry.ModelStatus;
import io.labelloop.registry.ModelVersion;
import java.util.Optional;

/**
 * One measured point of a learning curve.
 *
 * @param labels    labels the version was trained on (more than 0)
 * @param accuracy  its held-out accuracy in [0, 1]
 * @param evalCount records the accuracy was measured on, 0 when unknown (then its sampling noise is unknown too)
 */
public record CurvePoint(long labels, double accuracy, int evalCount) {

    /**
     * The point a version adds to its loop's curve: its training labels and last held-out accuracy; empty for a
     * version trained on no labels (the zero-shot start, where {@code n^-c} is not defined), not evaluated, or FAILED.
     */
    public static Optional<CurvePoint> of(ModelVersion v) {
        Double accuracy = v.metric(ModelVersion.ACCURACY);
        if (v.trainingSize() <= 0 || accuracy == null || v.status() == ModelStatus.FAILED) {
            return Optional.empty();
        }
        ModelEvaluation evaluation = v.evaluation();
        return Optional.of(new CurvePoint(v.trainingSize(), accuracy, evaluation == null ? 0 : evaluation.count()));
    }

    /** The binomial variance of the measured accuracy, {@code p (1 - p) / evalCount}; 0 when the count is unknown. */
    double samplingVariance() {
        return evalCount > 0 ? accuracy * (1 - accuracy) / evalCount : 0;
    }
}
