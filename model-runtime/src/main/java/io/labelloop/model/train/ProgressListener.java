package io.labelloop.model.train;

import io.labelloop.model.core.ModelException;

/** Receives progress of a training run; called on the training thread, so keep it quick. */
@FunctionalInterface
public interface ProgressListener {

    /** Called after every epoch. */
    void onEpoch(EpochProgress progress);

    /**
     * The state after one epoch.
     *
     * @param epoch the epoch just finished, from 1
     * @param epochs the number of epochs planned
     * @param trainLoss the mean cross-entropy over the epoch's training batches whose loss was finite
     * @param evalLoss the mean cross-entropy on the evaluation examples, NaN without them
     * @param elapsedSeconds seconds since the run started
     * @param skippedBatches the epoch's batches whose loss was NaN or infinite, so their optimiser step was skipped
     *     (a few in a row end the training with a {@link ModelException})
     */
    record EpochProgress(int epoch, int epochs, double trainLoss, double evalLoss, double elapsedSeconds, int skippedBatches) {
    }
}
