package io.labelloop.model.train;

import io.labelloop.model.weights.PretrainedEncoder;
import java.util.List;

/**
 * What a training run reads: the labels, the examples and the hyper-parameters. The public
 * {@code io.labelloop.model.TrainingRequest} is the one implementation; this interface lets the training room
 * read it without depending on the runtime's top package.
 */
public interface TrainingPlan {

    /** The label set, in the order of the head's outputs. */
    List<String> labels();

    /** The training examples. */
    List<Example> trainExamples();

    /** Held-out examples for early stopping; may be empty. */
    List<Example> evalExamples();

    /** Head-only or full fine-tuning. */
    TrainingMode mode();

    /** The random seed. */
    long seed();

    /** The maximum number of epochs. */
    int epochs();

    /** Peak learning rate of the encoder (full fine-tuning only). */
    float learningRate();

    /** Peak learning rate of the head. */
    float headLearningRate();

    /** Examples per optimiser step. */
    int batchSize();

    /** Maximum tokens per text. */
    int maxLength();

    /** Fraction of steps of linear warm-up. */
    float warmupFraction();

    /** Decoupled AdamW weight decay. */
    float weightDecay();

    /** Dropout probability before the head during training. */
    float dropout();

    /** Dropout probability inside the encoder during full fine-tuning. */
    float encoderDropout();

    /** Epochs without improvement of the eval loss before stopping. */
    int patience();

    /** Whether full fine-tuning also updates the word-embedding table. */
    boolean trainWordEmbeddings();

    /** The pretrained encoder training starts from when no base classifier is given. */
    PretrainedEncoder baseModel();

    /** The progress listener, or null. */
    ProgressListener progressListener();
}
