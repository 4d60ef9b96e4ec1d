package io.labelloop.model;

import io.labelloop.model.core.ModelException;
import io.labelloop.model.core.Prediction;
import io.labelloop.model.infer.Classifier;
import io.labelloop.model.infer.Classifiers;
import io.labelloop.model.train.Example;
import io.labelloop.model.train.ProgressListener;
import io.labelloop.model.train.Training;
import io.labelloop.model.weights.HubDownloader;
import io.labelloop.model.weights.HuggingFaceModels;
import io.labelloop.model.weights.PretrainedEncoder;
import io.labelloop.model.weights.StoredModel;
import io.labelloop.model.weights.VersionFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The entry point of the model runtime: owns the PyTorch engine settings and the pretrained encoders
 * ({@link #baseModels()}: all-MiniLM-L6-v2 by default, each imported once from the ONNX file shipped in a Maven
 * Central jar and shared by every classifier made from it), and makes, trains, evaluates and loads
 * {@link TextClassifier}s.
 *
 * <pre>{@code
 * try (ModelRuntime runtime = ModelRuntime.builder().optThreads(2).build();
 *      TextClassifier zeroShot = runtime.zeroShot(LabelSetFile.read(Path.of("config/labels/banking-sentiment.yaml")))) {
 *     List<Prediction> predictions = zeroShot.predict(texts);
 * }
 * }</pre>
 *
 * <p>Thread safety: all methods may be called from several threads. Training runs on the calling thread.
 */
public final class ModelRuntime implements AutoCloseable {

    /** Default maximum tokens per text when scoring; longer texts are truncated. */
    public static final int DEFAULT_MAX_LENGTH = 256;
    /** The base model a loop uses unless its file names another: all-MiniLM-L6-v2, the fastest. */
    public static final String DEFAULT_BASE_MODEL = PretrainedEncoder.DEFAULT_NAME;
    /** Default texts per scoring batch. */
    public static final int DEFAULT_BATCH_SIZE = 64;
    /** Default cache directory for Hub downloads, under the user's home. */
    public static final Path DEFAULT_MODEL_CACHE_DIR = Path.of(System.getProperty("user.home"), ".cache", "labelloop", "models");

    private final Settings settings;
    private final Classifiers classifiers;

    private ModelRuntime(Builder b) {
        settings = new Settings(b.threads, b.interopThreads, b.modelCacheDir, b.maxLength, b.batchSize, b.hubEndpoint);
        classifiers = new Classifiers(settings.threads(), settings.interopThreads());
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The pretrained classifier before any label: the MiniLM encoder with a head made from the normalised,
     * averaged embeddings of each label's descriptions, scaled by a temperature and centred, so that it is
     * scored and fine-tuned like any other classifier.
     *
     * @param labels the labels with their descriptions, e.g. from {@link LabelSetFile#read(Path)}
     * @return a new classifier (the caller closes it)
     */
    public TextClassifier zeroShot(List<LabelDescription> labels) {
        return zeroShot(DEFAULT_BASE_MODEL, labels);
    }

    /**
     * The pretrained classifier before any label, on a named base encoder: as {@link #zeroShot(List)}, with that
     * encoder's own sentence pooling and text prefix. The encoder is imported on first use (seconds) and shared.
     *
     * @param baseModel one of {@link #baseModels()}, e.g. {@code bge-small-en-v1.5}
     * @param labels the labels with their descriptions
     * @return a new classifier (the caller closes it)
     * @throws ModelException for an unknown name (the message lists the known ones), or when its jar is not on the classpath
     */
    public TextClassifier zeroShot(String baseModel, List<LabelDescription> labels) {
        return ZeroShot.build(classifiers, PretrainedEncoder.named(baseModel), labels, scoringDefaults());
    }

    /** The names of the pretrained encoders that run offline, as a loop file's {@code base-model:} takes them; the first is the default. */
    public static List<String> baseModels() {
        return PretrainedEncoder.names();
    }

    /**
     * Loads a version directory written by {@link TextClassifier#save(Path)}.
     *
     * @param versionDir the directory
     * @return the classifier (the caller closes it)
     * @throws ModelException when a file is missing, corrupt, truncated or does not match the others; the message names it
     */
    public TextClassifier load(Path versionDir) {
        StoredModel stored = VersionFiles.read(versionDir);
        return VersionFiles.within(versionDir, () -> classifier(stored));
    }

    /**
     * Loads a HuggingFace DistilBERT or BERT model from the Hub: {@code config.json}, {@code tokenizer.json}
     * and {@code model.safetensors} are downloaded once into {@code <modelCacheDir>/<modelId>} and reused.
     * If the checkpoint has a sequence-classification head, it is used (its {@code id2label} gives the labels);
     * otherwise the head is new (mean pooling, seeded initialisation) and meant for fine-tuning. Repositories
     * without {@code tokenizer.json} get one generated from {@code vocab.txt}; a token in the environment
     * variable {@code HF_TOKEN} is sent for gated or private models.
     *
     * @param modelId a Hub model id such as {@code distilbert-base-uncased-finetuned-sst-2-english}
     * @param labels the label names, or an empty list to take them from the checkpoint's {@code id2label}
     * @return the classifier (the caller closes it)
     * @throws ModelException when offline and not cached (the message says so and names the URL and cache
     *     directory), or when the files are not a supported model
     */
    public TextClassifier fromHub(String modelId, List<String> labels) {
        Path dir = new HubDownloader(settings.hubEndpoint(), settings.modelCacheDir()).download(modelId);
        return fromCheckpoint(dir, "hf:" + modelId, labels);
    }

    /**
     * Loads a HuggingFace DistilBERT or BERT model from a local directory holding {@code config.json},
     * {@code tokenizer.json} and {@code model.safetensors}, as {@link #fromHub} does after downloading.
     *
     * @param dir the directory
     * @param labels the label names, or an empty list to take them from {@code id2label}
     * @return the classifier (the caller closes it)
     */
    public TextClassifier fromDirectory(Path dir, List<String> labels) {
        return fromCheckpoint(dir, "dir:" + dir.toAbsolutePath(), labels);
    }

    private TextClassifier fromCheckpoint(Path dir, String base, List<String> labels) {
        StoredModel stored = HuggingFaceModels.read(dir, base, labels);
        try {
            return classifier(stored);
        } catch (ModelException e) {
            throw new ModelException(dir + ": " + e.getMessage(), e);
        }
    }

    private DjlTextClassifier classifier(StoredModel stored) {
        Classifier classifier = stored.sharedEncoder() != null
                ? classifiers.sentenceClassifier(PretrainedEncoder.bySharedId(stored.sharedEncoder()), stored.labels(), stored.weights())
                : classifiers.ownClassifier(stored.encoder(), stored.head(), stored.weights(), stored.tokenizerJson(),
                        stored.textPrefix(), stored.labels(), stored.provenance().version());
        return new DjlTextClassifier(classifier, stored.provenance(), scoringDefaults());
    }

    private ScoringOptions scoringDefaults() {
        return new ScoringOptions(settings.batchSize(), settings.maxLength(), false);
    }

    /**
     * Trains a classifier, always starting from pretrained weights (the request's base, or the built-in
     * encoder). Deterministic for a seed on the same machine and thread count.
     *
     * <p>A batch whose loss is NaN or infinite is skipped (counted in {@link ProgressListener.EpochProgress#skippedBatches()}
     * and the provenance's {@code skipped_batches}).
     *
     * @param request what to train
     * @return the trained model, its evaluation on the request's eval examples, timing and provenance
     * @throws ModelException when training diverges: three batches in a row, or all of an
     *     epoch's, have a non-finite loss, or the eval loss is not finite; the message names the epoch and batch
     */
    public TrainingResult train(TrainingRequest request) {
        Classifier base = request.base() == null ? null : DjlTextClassifier.unwrap(request.base());
        String version = request.version() != null ? request.version() : TrainedVersions.name(request);
        Training.Result trained = new Training(classifiers, request, base).run();
        DjlTextClassifier model = new DjlTextClassifier(trained.model(),
                TrainedVersions.provenance(request, version, null, trained), scoringDefaults());
        try {
            Evaluation evaluation = request.evalExamples().isEmpty() ? null : evaluate(model, request.evalExamples());
            model.provenance(TrainedVersions.provenance(request, version, evaluation, trained));
            return new TrainingResult(model, evaluation, trained.seconds(), trained.history().size(), trained.history(),
                    model.provenance());
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /**
     * Evaluates a classifier on labelled examples.
     *
     * @param model the classifier
     * @param examples examples whose labels are all in {@code model.labels()}
     * @return accuracy, macro-F1, per-label precision and recall, confusion matrix
     * @throws IllegalArgumentException when an example's label is not in the model's label set
     */
    public Evaluation evaluate(TextClassifier model, List<Example> examples) {
        return evaluate(model, examples, model.predict(examples.stream().map(Example::text).toList()));
    }

    /**
     * As {@link #evaluate(TextClassifier, List)}, from predictions the caller already made with this model on these
     * examples (in their order); a calibration since then leaves them valid, as it changes no predicted label.
     */
    public Evaluation evaluate(TextClassifier model, List<Example> examples, List<Prediction> predictions) {
        return Evaluation.of(model.labels(), examples.stream().map(Example::label).toList(),
                predictions.stream().map(Prediction::label).toList());
    }

    /**
     * Calibrates a classifier's scores on held-out labels by temperature scaling ({@link Calibration}) and applies
     * the temperature to it in place: its predicted labels stay the same, its scores change, and its provenance's
     * hyper-parameters gain {@code temperature}. Save it again to keep the calibration. A classifier calibrated
     * before is scaled again on top (fit on its current scores).
     *
     * @param model the classifier (fine-tuned; the zero-shot head's temperature is chosen in {@code ZeroShot})
     * @param examples held-out examples whose labels are all in {@code model.labels()}
     * @return the temperature and the expected calibration error before and after
     */
    public Calibration calibrate(TextClassifier model, List<Example> examples) {
        return calibrate(model, examples, model.predict(examples.stream().map(Example::text).toList()));
    }

    /**
     * As {@link #calibrate(TextClassifier, List)}, from predictions the caller already made with this model on these
     * examples (in their order), so that one pass serves both calibration and {@link #evaluate(TextClassifier, List, List)}.
     */
    public Calibration calibrate(TextClassifier model, List<Example> examples, List<Prediction> predictions) {
        List<String> labels = model.labels();
        float[][] probabilities = new float[predictions.size()][];
        int[] gold = new int[predictions.size()];
        for (int i = 0; i < gold.length; i++) {
            gold[i] = labels.indexOf(examples.get(i).label());
            if (gold[i] < 0) {
                throw new IllegalArgumentException("example '" + examples.get(i).id() + "' has label '" + examples.get(i).label()
                        + "', which is not in the label set " + labels);
            }
            probabilities[i] = new float[labels.size()];
            for (int k = 0; k < labels.size(); k++) {
                probabilities[i][k] = predictions.get(i).scoreOf(labels.get(k));
            }
        }
        Calibration calibration = Calibration.fit(probabilities, gold);
        DjlTextClassifier.unwrap(model).divideLogits((float) calibration.temperature());
        DjlTextClassifier djl = (DjlTextClassifier) model;
        djl.provenance(djl.provenance().plus(Map.of(Calibration.TEMPERATURE, calibration.temperature()),
                Map.of(Calibration.ECE_BEFORE, calibration.eceBefore(), Calibration.ECE_AFTER, calibration.eceAfter())));
        return calibration;
    }

    /** NDArrays alive under this runtime (classifiers, batches), for leak tests. */
    int liveArrays() {
        return classifiers.liveArrays();
    }

    /** The settings this runtime was built with. */
    public Settings settings() {
        return settings;
    }

    /** Frees the shared encoder weights. Classifiers made by this runtime must not be used afterwards. */
    @Override
    public void close() {
        classifiers.close();
    }

    /**
     * The runtime's settings.
     *
     * @param threads intra-op threads of the engine (0 = the engine's default)
     * @param interopThreads inter-op threads of the engine (0 = the engine's default)
     * @param modelCacheDir where Hub downloads go
     * @param maxLength maximum tokens per text when scoring
     * @param batchSize texts per scoring batch
     * @param hubEndpoint the HuggingFace Hub base URL
     */
    public record Settings(int threads, int interopThreads, Path modelCacheDir, int maxLength, int batchSize,
                           String hubEndpoint) {
    }

    /** Builds a {@link ModelRuntime}; every value is optional. */
    public static final class Builder {
        private int threads;
        private int interopThreads;
        private Path modelCacheDir = DEFAULT_MODEL_CACHE_DIR;
        private int maxLength = DEFAULT_MAX_LENGTH;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private String hubEndpoint = "https://huggingface.co";

        private Builder() {
        }

        /**
         * Intra-op threads of the PyTorch engine (default: the engine's choice, usually the core count). Read
         * once when the engine starts in this JVM; a later runtime with another value logs a warning.
         */
        public Builder optThreads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Inter-op threads of the PyTorch engine (default: the engine's choice); read once like {@link #optThreads}. */
        public Builder optInteropThreads(int interopThreads) {
            this.interopThreads = interopThreads;
            return this;
        }

        /** The directory Hub downloads are cached in (default {@code ~/.cache/labelloop/models}). */
        public Builder optModelCacheDir(Path modelCacheDir) {
            this.modelCacheDir = Objects.requireNonNull(modelCacheDir, "modelCacheDir");
            return this;
        }

        /** Maximum tokens per text when scoring (default {@value ModelRuntime#DEFAULT_MAX_LENGTH}). */
        public Builder optMaxLength(int maxLength) {
            this.maxLength = maxLength;
            return this;
        }

        /** Texts per scoring batch (default {@value ModelRuntime#DEFAULT_BATCH_SIZE}). */
        public Builder optBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** The HuggingFace Hub base URL (default {@code https://huggingface.co}; a mirror or a test server otherwise). */
        public Builder optHubEndpoint(String hubEndpoint) {
            this.hubEndpoint = Objects.requireNonNull(hubEndpoint, "hubEndpoint");
            return this;
        }

        /** Builds the runtime: starts the engine and imports the pretrained encoder (a few seconds the first time). */
        public ModelRuntime build() {
            if (maxLength < 3 || batchSize < 1 || threads < 0 || interopThreads < 0) {
                throw new IllegalArgumentException("maxLength >= 3, batchSize >= 1 and non-negative thread counts are required");
            }
            return new ModelRuntime(this);
        }
    }
}
