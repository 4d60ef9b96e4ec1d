package io.labelloop.loop;

import io.labelloop.model.train.TrainingMode;
import java.nio.file.Path;

/**
 * The steps of an active-learning loop, as the {@code labelloop:} Camel component and the UI call them.
 * Each step reads the store and the model runtime and leaves everything stored consistent when it fails.
 */
public interface LoopSteps {

    /** Imports a CSV or JSONL file into the loop's dataset; rows that carry a label become validated. */
    StepResults.Imported importRecords(LoopConfig loop, ImportRequest request);

    /** Predicts every record of the dataset with the serving model version and stores the predictions. */
    StepResults.Scored score(LoopConfig loop);

    /** Fills the labeling queue with the records the strategy ranks first. */
    StepResults.Selected select(LoopConfig loop, LoopConfig.Selection selection);

    /** Trains a new version from the base model on all validated train-split records; one at a time per dataset. */
    StepResults.Trained train(LoopConfig loop, TrainingMode mode, long seed);

    /** Evaluates a version (the serving one when {@code version} is null) on the eval split. */
    StepResults.Evaluated evaluate(LoopConfig loop, String version);

    /** Promotes a trained version according to the policy, comparing {@code metric} for if-better. */
    StepResults.Promoted promote(LoopConfig loop, String candidate, PromotePolicy policy, String metric);

    /** Writes the validated records to a file (csv, jsonl or hf, the HuggingFace datasets JSON lines). */
    StepResults.Exported export(LoopConfig loop, Path file, String format);

    /** Validated labels that arrived since the last training started. */
    long labelsSinceLastTraining(LoopConfig loop);

    /**
     * Whether a dataset the loop reads (its own, or its {@link LoopConfig#EVAL_DATASET}) exists, so that routes over
     * a missing one refuse to start.
     */
    boolean hasDataset(LoopConfig loop, String dataset);

    /** Records waiting in the loop's labeling queue. */
    long queueDepth(LoopConfig loop);

    /** Whether a long step (scoring, training) of the loop runs now, so a refill would use half-done scores. */
    boolean busy(LoopConfig loop);

    /**
     * What to import.
     *
     * @param file        CSV or JSONL file
     * @param textColumn  column holding the text
     * @param labelColumn column holding a label, or null for unlabeled records
     * @param evalFraction share of records that go to the eval split (0 keeps the store's default)
     */
    record ImportRequest(Path file, String textColumn, String labelColumn, double evalFraction) {
    }
}
