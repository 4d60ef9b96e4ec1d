package io.labelloop.model;

import io.labelloop.model.train.Example;
import io.labelloop.model.train.ProgressListener;
import io.labelloop.model.train.TrainingMode;
import io.labelloop.model.train.TrainingPlan;
import io.labelloop.model.weights.PretrainedEncoder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What to train: the label set, examples and hyper-parameters. Build with {@link #builder()}: {@code setX}
 * for required values, {@code optX} for optional ones whose defaults are named constants here.
 */
public final class TrainingRequest implements TrainingPlan {

    /** Default number of epochs for {@link TrainingMode#FULL}. */
    public static final int DEFAULT_FULL_EPOCHS = 4;
    /** Default number of epochs for {@link TrainingMode#HEAD} (cheap: embeddings are cached). */
    public static final int DEFAULT_HEAD_EPOCHS = 30;
    /** Default peak learning rate of the encoder in full fine-tuning. */
    public static final float DEFAULT_LEARNING_RATE = 3e-5f;
    /** Default peak learning rate of the linear head. */
    public static final float DEFAULT_HEAD_LEARNING_RATE = 1e-3f;
    /** Default head learning rate in head-only training, where more steps are affordable. */
    public static final float DEFAULT_HEAD_ONLY_LEARNING_RATE = 3e-3f;
    /** Default examples per optimiser step. */
    public static final int DEFAULT_BATCH_SIZE = 16;
    /** Default maximum tokens per text during training (longer texts are truncated). */
    public static final int DEFAULT_MAX_LENGTH = 128;
    /** Default fraction of the steps spent warming the learning rate up linearly from 0. */
    public static final float DEFAULT_WARMUP_FRACTION = 0.1f;
    /** Default decoupled weight decay of AdamW. */
    public static final float DEFAULT_WEIGHT_DECAY = 0.01f;
    /** Default dropout before the head during training. */
    public static final float DEFAULT_DROPOUT = 0.1f;
    /**
     * Default dropout inside the encoder during full fine-tuning: 0, off. BERT and MiniLM were pretrained with
     * 0.1 ({@link #PRETRAINED_ENCODER_DROPOUT}), but on the banking77 sentiment curve (least-confidence, 50 labels
     * a step up to 300, one seed) 0.1 gave an area under the curve of 0.920 against 0.923 without, lower from
     * 150 to 250 labels and higher at 300 (0.944 against 0.941): not the clear gain that would justify the change.
     */
    public static final float DEFAULT_ENCODER_DROPOUT = 0f;
    /** The {@code hidden_dropout_prob} and {@code attention_probs_dropout_prob} BERT and MiniLM were pretrained with. */
    public static final float PRETRAINED_ENCODER_DROPOUT = 0.1f;
    /** Default number of epochs without a lower eval loss before training stops early. */
    public static final int DEFAULT_PATIENCE = 2;
    /** Default random seed. */
    public static final long DEFAULT_SEED = 42;

    private final List<String> labels;
    private final List<Example> trainExamples;
    private final List<Example> evalExamples;
    private final TrainingMode mode;
    private final long seed;
    private final int epochs;
    private final float learningRate;
    private final float headLearningRate;
    private final int batchSize;
    private final int maxLength;
    private final float warmupFraction;
    private final float weightDecay;
    private final float dropout;
    private final float encoderDropout;
    private final int patience;
    private final boolean trainWordEmbeddings;
    private final String version;
    private final TextClassifier base;
    private final PretrainedEncoder baseModel;
    private final ProgressListener progressListener;

    private TrainingRequest(Builder b) {
        labels = List.copyOf(Objects.requireNonNull(b.labels, "labels must be set"));
        trainExamples = List.copyOf(Objects.requireNonNull(b.trainExamples, "train examples must be set"));
        evalExamples = List.copyOf(b.evalExamples);
        mode = b.mode;
        seed = b.seed;
        epochs = b.epochs > 0 ? b.epochs : mode == TrainingMode.FULL ? DEFAULT_FULL_EPOCHS : DEFAULT_HEAD_EPOCHS;
        learningRate = b.learningRate;
        headLearningRate = b.headLearningRate > 0 ? b.headLearningRate
                : mode == TrainingMode.FULL ? DEFAULT_HEAD_LEARNING_RATE : DEFAULT_HEAD_ONLY_LEARNING_RATE;
        batchSize = b.batchSize;
        maxLength = b.maxLength;
        warmupFraction = b.warmupFraction;
        weightDecay = b.weightDecay;
        dropout = b.dropout;
        encoderDropout = b.encoderDropout;
        patience = b.patience;
        trainWordEmbeddings = b.trainWordEmbeddings;
        version = b.version;
        base = b.base;
        baseModel = PretrainedEncoder.named(b.baseModel);
        progressListener = b.progressListener;
        validate();
    }

    private void validate() {
        if (labels.isEmpty() || labels.stream().distinct().count() != labels.size()) {
            throw new IllegalArgumentException("labels must be non-empty and distinct: " + labels);
        }
        if (trainExamples.isEmpty()) {
            throw new IllegalArgumentException("at least one training example is needed");
        }
        checkLabels(trainExamples, "training");
        checkLabels(evalExamples, "evaluation");
        checkRate(dropout, "dropout");
        checkRate(encoderDropout, "encoderDropout");
        if (batchSize < 1 || maxLength < 3 || epochs < 1 || learningRate <= 0 || headLearningRate <= 0) {
            throw new IllegalArgumentException("batchSize >= 1, maxLength >= 3, epochs >= 1 and positive learning rates are required");
        }
    }

    private static void checkRate(float rate, String option) {
        if (!(rate >= 0 && rate < 1)) {
            throw new IllegalArgumentException(option + " must be at least 0 and below 1, got " + rate);
        }
    }

    private void checkLabels(List<Example> examples, String what) {
        for (Example e : examples) {
            if (!labels.contains(e.label())) {
                throw new IllegalArgumentException(what + " example '" + e.id() + "' has label '" + e.label()
                        + "', which is not in the label set " + labels);
            }
        }
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The label set, in the order of the head's outputs. */
    @Override
    public List<String> labels() {
        return labels;
    }

    /** The training examples. */
    @Override
    public List<Example> trainExamples() {
        return trainExamples;
    }

    /** Held-out examples for early stopping and the result's evaluation; may be empty. */
    @Override
    public List<Example> evalExamples() {
        return evalExamples;
    }

    /** Head-only or full fine-tuning. */
    @Override
    public TrainingMode mode() {
        return mode;
    }

    /** The random seed: the same request and seed give the same model on the same machine and thread count. */
    @Override
    public long seed() {
        return seed;
    }

    /** The maximum number of epochs (early stopping may stop sooner). */
    @Override
    public int epochs() {
        return epochs;
    }

    /** Peak learning rate of the encoder (full fine-tuning only). */
    @Override
    public float learningRate() {
        return learningRate;
    }

    /** Peak learning rate of the head. */
    @Override
    public float headLearningRate() {
        return headLearningRate;
    }

    /** Examples per optimiser step. */
    @Override
    public int batchSize() {
        return batchSize;
    }

    /** Maximum tokens per text; longer texts are truncated. */
    @Override
    public int maxLength() {
        return maxLength;
    }

    /** Fraction of steps of linear warm-up before the linear decay to 0. */
    @Override
    public float warmupFraction() {
        return warmupFraction;
    }

    /** Decoupled AdamW weight decay. */
    @Override
    public float weightDecay() {
        return weightDecay;
    }

    /** Dropout probability before the head during training. */
    @Override
    public float dropout() {
        return dropout;
    }

    /**
     * Dropout probability inside the encoder while it is fine-tuned ({@link TrainingMode#FULL} only): on the
     * embeddings' output, the attention probabilities, and the attention and feed-forward outputs before their
     * residual adds. 0 turns it off. Head-only training and inference never drop.
     */
    @Override
    public float encoderDropout() {
        return encoderDropout;
    }

    /** Epochs without improvement of the eval loss before stopping (needs eval examples). */
    @Override
    public int patience() {
        return patience;
    }

    /** Whether full fine-tuning also updates the word-embedding table (false: it stays as pretrained). */
    @Override
    public boolean trainWordEmbeddings() {
        return trainWordEmbeddings;
    }

    /** The version name of the result, or null to generate one. */
    public String version() {
        return version;
    }

    /** The classifier whose weights training starts from, or null for {@link #baseModel()} with a fresh head. */
    public TextClassifier base() {
        return base;
    }

    /** The pretrained encoder training starts from when {@link #base()} is null. */
    @Override
    public PretrainedEncoder baseModel() {
        return baseModel;
    }

    /** The progress listener, or null. */
    @Override
    public ProgressListener progressListener() {
        return progressListener;
    }

    /** The hyper-parameters as a map, as recorded in the provenance. */
    public Map<String, Object> hyperParameters() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mode", mode.name());
        m.put("seed", seed);
        m.put("epochs", epochs);
        m.put("learning_rate", learningRate);
        m.put("head_learning_rate", headLearningRate);
        m.put("batch_size", batchSize);
        m.put("max_length", maxLength);
        m.put("warmup_fraction", warmupFraction);
        m.put("weight_decay", weightDecay);
        m.put("dropout", dropout);
        m.put("encoder_dropout", mode == TrainingMode.FULL ? encoderDropout : 0f); // the rate applied: HEAD never drops
        m.put("patience", patience);
        m.put("train_word_embeddings", trainWordEmbeddings);
        return m;
    }

    /** Builds a {@link TrainingRequest}; labels and training examples are required. */
    public static final class Builder {
        private List<String> labels;
        private List<Example> trainExamples;
        private List<Example> evalExamples = List.of();
        private TrainingMode mode = TrainingMode.FULL;
        private long seed = DEFAULT_SEED;
        private int epochs;
        private float learningRate = DEFAULT_LEARNING_RATE;
        private float headLearningRate;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private int maxLength = DEFAULT_MAX_LENGTH;
        private float warmupFraction = DEFAULT_WARMUP_FRACTION;
        private float weightDecay = DEFAULT_WEIGHT_DECAY;
        private float dropout = DEFAULT_DROPOUT;
        private float encoderDropout = DEFAULT_ENCODER_DROPOUT;
        private int patience = DEFAULT_PATIENCE;
        private boolean trainWordEmbeddings;
        private String version;
        private TextClassifier base;
        private String baseModel = PretrainedEncoder.DEFAULT_NAME;
        private ProgressListener progressListener;

        private Builder() {
        }

        /** Sets the label set (required), in the order of the head's outputs. */
        public Builder setLabels(List<String> labels) {
            this.labels = labels;
            return this;
        }

        /** Sets the training examples (required); every label must be in the label set. */
        public Builder setTrainExamples(List<Example> trainExamples) {
            this.trainExamples = trainExamples;
            return this;
        }

        /** Held-out examples for early stopping and the result's evaluation (default none). */
        public Builder optEvalExamples(List<Example> evalExamples) {
            this.evalExamples = Objects.requireNonNull(evalExamples, "evalExamples");
            return this;
        }

        /** Head-only or full fine-tuning (default {@link TrainingMode#FULL}). */
        public Builder optMode(TrainingMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** The random seed (default {@value #DEFAULT_SEED}). */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Maximum epochs (default {@value #DEFAULT_FULL_EPOCHS} for FULL, {@value #DEFAULT_HEAD_EPOCHS} for HEAD). */
        public Builder optEpochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** Peak encoder learning rate (default {@value #DEFAULT_LEARNING_RATE}). */
        public Builder optLearningRate(float learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** Peak head learning rate (default {@value #DEFAULT_HEAD_LEARNING_RATE}, head-only {@value #DEFAULT_HEAD_ONLY_LEARNING_RATE}). */
        public Builder optHeadLearningRate(float headLearningRate) {
            this.headLearningRate = headLearningRate;
            return this;
        }

        /** Examples per step (default {@value #DEFAULT_BATCH_SIZE}). */
        public Builder optBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Maximum tokens per text (default {@value #DEFAULT_MAX_LENGTH}). */
        public Builder optMaxLength(int maxLength) {
            this.maxLength = maxLength;
            return this;
        }

        /** Warm-up fraction of the steps (default {@value #DEFAULT_WARMUP_FRACTION}). */
        public Builder optWarmupFraction(float warmupFraction) {
            this.warmupFraction = warmupFraction;
            return this;
        }

        /** AdamW weight decay (default {@value #DEFAULT_WEIGHT_DECAY}). */
        public Builder optWeightDecay(float weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        /** Dropout before the head (default {@value #DEFAULT_DROPOUT}). */
        public Builder optDropout(float dropout) {
            this.dropout = dropout;
            return this;
        }

        /**
         * Dropout probability inside the encoder during full fine-tuning (default {@value #DEFAULT_ENCODER_DROPOUT}:
         * off; {@value #PRETRAINED_ENCODER_DROPOUT} is the pretrained rate), applied where BERT applies
         * {@code hidden_dropout_prob} and {@code attention_probs_dropout_prob}: on the embeddings' output, the
         * attention probabilities, and the attention and feed-forward outputs before their residual adds. It may
         * regularise fine-tuning on small label sets. Head-only training keeps the frozen encoder's features
         * deterministic and ignores it, and inference never drops. Must be at least 0 and below 1.
         */
        public Builder optEncoderDropout(float encoderDropout) {
            this.encoderDropout = encoderDropout;
            return this;
        }

        /** Early-stopping patience in epochs (default {@value #DEFAULT_PATIENCE}). */
        public Builder optPatience(int patience) {
            this.patience = patience;
            return this;
        }

        /**
         * Whether full fine-tuning updates the word-embedding table too (default false). The table holds half of
         * MiniLM's weights and its optimiser update dominates a step; with a few hundred labels, keeping it
         * frozen makes steps about twice as fast at no measurable cost in accuracy.
         */
        public Builder optTrainWordEmbeddings(boolean trainWordEmbeddings) {
            this.trainWordEmbeddings = trainWordEmbeddings;
            return this;
        }

        /** The version name of the result (default generated from time and training-set hash). */
        public Builder optVersion(String version) {
            this.version = version;
            return this;
        }

        /**
         * The classifier to start from (default: the {@link #optBaseModel base model} with a fresh seeded head). Pass
         * the pretrained one (zero-shot or from the Hub), not a fine-tuned one, to train "from the base" each
         * time; when its label set equals the request's, its head is the starting head.
         */
        public Builder optBase(TextClassifier base) {
            this.base = base;
            return this;
        }

        /**
         * The pretrained encoder to start from when no {@link #optBase base} is given, by its loop-file name
         * (default {@code all-minilm-l6-v2}; see {@link ModelRuntime#baseModels()}). An unknown name fails {@link #build()}
         * with a {@code ModelException} that lists the known ones.
         */
        public Builder optBaseModel(String baseModel) {
            this.baseModel = Objects.requireNonNull(baseModel, "baseModel");
            return this;
        }

        /** Receives per-epoch progress (default none). */
        public Builder optProgressListener(ProgressListener progressListener) {
            this.progressListener = progressListener;
            return this;
        }

        /** Builds the request; throws IllegalArgumentException naming the offending example or setting. */
        public TrainingRequest build() {
            return new TrainingRequest(this);
        }
    }
}
