package io.labelloop.model.train;

import ai.djl.training.tracker.ParameterTracker;
import java.util.Set;

/**
 * Linear warm-up to the peak learning rate, then linear decay towards zero (floored at 2% of the peak so the
 * last steps still move); head parameters
 * have their own peak rate.
 */
final class LearningRateSchedule implements ParameterTracker {

    private final Set<String> headParameterIds;
    private final float encoderPeak;
    private final float headPeak;
    private final int warmupSteps;
    private final int totalSteps;

    LearningRateSchedule(Set<String> headParameterIds, float encoderPeak, float headPeak, int warmupSteps, int totalSteps) {
        this.headParameterIds = headParameterIds;
        this.encoderPeak = encoderPeak;
        this.headPeak = headPeak;
        this.warmupSteps = warmupSteps;
        this.totalSteps = Math.max(1, totalSteps);
    }

    @Override
    public float getNewValue(String parameterId, int numUpdate) {
        float peak = headParameterIds.contains(parameterId) ? headPeak : encoderPeak;
        return peak * factor(numUpdate);
    }

    /** The schedule's factor at an update number, starting at 1. */
    float factor(int numUpdate) {
        if (numUpdate <= warmupSteps) {
            return (float) numUpdate / Math.max(1, warmupSteps);
        }
        float remaining = (float) (totalSteps - numUpdate) / Math.max(1, totalSteps - warmupSteps);
        return Math.max(0.02f, remaining);
    }
}
