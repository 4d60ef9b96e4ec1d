package io.labelloop.loop;

import io.labelloop.registry.ModelVersion;

/** Spring application events the loop services publish, for listeners such as the simulation and the dashboards. */
public final class LoopEvents {

    private LoopEvents() {
    }

    /**
     * A model version was evaluated on the held-out labels.
     *
     * @param loop       the loop
     * @param evaluation the metrics
     * @param version    the version as registered (training size, train and score seconds), or null if unknown
     */
    public record VersionEvaluated(String loop, StepResults.Evaluated evaluation, ModelVersion version) {
    }

    /**
     * The select step filled the labeling queue.
     *
     * @param loop      the loop
     * @param selection what was queued, and whether the score window had to be widened
     * @param labels    validated train-split labels when it was filled
     */
    public record QueueFilled(String loop, StepResults.Selected selection, long labels) {
    }
}
