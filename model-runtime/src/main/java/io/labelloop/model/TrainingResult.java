package io.labelloop.model;

import io.labelloop.model.train.ProgressListener;
import io.labelloop.model.weights.Provenance;
import java.util.List;

/**
 * The outcome of {@link ModelRuntime#train(TrainingRequest)}.
 *
 * @param model the trained classifier (the caller closes it)
 * @param evaluation metrics on the request's eval examples, or null when there were none
 * @param trainSeconds wall-clock seconds of training, embeddings included
 * @param epochsRun the epochs actually run (fewer than requested after early stopping)
 * @param history per-epoch losses
 * @param provenance the model's provenance, as saved with it
 */
public record TrainingResult(TextClassifier model, Evaluation evaluation, double trainSeconds, int epochsRun,
                             List<ProgressListener.EpochProgress> history, Provenance provenance) implements AutoCloseable {

    /** Closes the model, for try-with-resources when the caller does not keep it. */
    @Override
    public void close() {
        model.close();
    }
}
