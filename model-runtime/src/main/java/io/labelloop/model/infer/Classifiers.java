package io.labelloop.model.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.labelloop.model.core.TensorData;
import io.labelloop.model.nn.BertEncoderBlock;
import io.labelloop.model.nn.ClassifierBlock;
import io.labelloop.model.nn.ClassifierHeadBlock;
import io.labelloop.model.nn.EncoderConfig;
import io.labelloop.model.nn.HeadConfig;
import io.labelloop.model.text.TextTokenizer;
import io.labelloop.model.weights.OnnxWeights;
import io.labelloop.model.weights.PretrainedEncoder;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes {@link Classifier}s: on a pretrained encoder (imported once from the ONNX file in its jar and shared by
 * every classifier made on it), or on weights of their own. Owns the engine's root manager.
 */
public final class Classifiers implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Classifiers.class);

    private final NDManager manager;
    private final Map<PretrainedEncoder, Shared> shared = new EnumMap<>(PretrainedEncoder.class);

    /** A pretrained encoder imported into the root manager, with its tokenizer. */
    private record Shared(BertEncoderBlock encoder, TextTokenizer tokenizer) {
    }

    /**
     * Starts the engine and imports the default pretrained encoder (the others on first use).
     *
     * @param threads intra-op threads of the engine (0 = the engine's default)
     * @param interopThreads inter-op threads of the engine (0 = the engine's default)
     */
    public Classifiers(int threads, int interopThreads) {
        EngineSetup.configure(threads, interopThreads);
        manager = NDManager.newBaseManager();
        try {
            shared(PretrainedEncoder.ALL_MINILM_L6_V2);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private synchronized Shared shared(PretrainedEncoder base) {
        Shared s = shared.get(base);
        if (s == null) {
            long start = System.nanoTime();
            Map<String, TensorData> weights = OnnxWeights.read(base.resource(base.onnxResource()), base.onnxResource());
            BertEncoderBlock encoder = new BertEncoderBlock(base.config(), TensorData.toArrays(manager, weights.values()));
            TextTokenizer tokenizer = TextTokenizer.load(base.resource(base.tokenizerResource()), base.tokenizerResource(),
                    base.config(), base.textPrefix());
            s = new Shared(encoder, tokenizer);
            shared.put(base, s);
            LOG.info("base model {} imported in {} ms", base.modelName(), (System.nanoTime() - start) / 1_000_000);
        }
        return s;
    }

    /** A pretrained encoder, imported on first use. */
    public BertEncoderBlock sharedEncoder(PretrainedEncoder base) {
        return shared(base).encoder();
    }

    /** A pretrained encoder's tokenizer. */
    public TextTokenizer sharedTokenizer(PretrainedEncoder base) {
        return shared(base).tokenizer();
    }

    /** A classifier on a pretrained encoder with its sentence head of the given weights (owned by a new manager). */
    public Classifier sentenceClassifier(PretrainedEncoder base, List<String> labels, Map<String, TensorData> head) {
        Shared s = shared(base);
        NDManager m = manager.newSubManager();
        try {
            ClassifierHeadBlock headBlock = new ClassifierHeadBlock(base.sentenceHead(), TensorData.toArrays(m, head.values()),
                    base.config().hidden(), labels.size(), 0f);
            return new Classifier(m, new ClassifierBlock(s.encoder(), headBlock), s.tokenizer(), false, base.sharedId(), labels);
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    /** A classifier on a pretrained encoder whose head is all zeros: for the encoder's features and embeddings. */
    public Classifier probe(PretrainedEncoder base, List<String> labels) {
        return sentenceClassifier(base, labels, ClassifierHeadBlock.linearHead(new float[labels.size()][base.config().hidden()],
                new float[labels.size()]));
    }

    /**
     * A classifier that owns all its weights and its own tokenizer (fine-tuned or Hub models), so that it
     * outlives the classifier it was made from.
     *
     * @param textPrefix put before every text, as the encoder was trained ("" for none)
     * @param source names the tokenizer in errors
     */
    public Classifier ownClassifier(EncoderConfig config, HeadConfig headConfig, Map<String, TensorData> weights,
                                    byte[] tokenizerJson, String textPrefix, List<String> labels, String source) {
        NDManager m = manager.newSubManager();
        TextTokenizer tok = null;
        try {
            Map<String, NDArray> arrays = TensorData.toArrays(m, weights.values());
            ClassifierBlock block = new ClassifierBlock(new BertEncoderBlock(config, arrays),
                    new ClassifierHeadBlock(headConfig, arrays, config.hidden(), labels.size(), 0f));
            tok = TextTokenizer.load(tokenizerJson, "tokenizer.json of " + source, config, textPrefix);
            return new Classifier(m, block, tok, true, null, labels);
        } catch (RuntimeException e) {
            if (tok != null) {
                tok.close();
            }
            m.close();
            throw e;
        }
    }

    /** NDArrays alive under the root manager and all its sub-managers (classifiers, batches). */
    public int liveArrays() {
        return manager.getManagedArrays().size();
    }

    /** A manager under the root one, for a training run's arrays. */
    public NDManager newSubManager() {
        return manager.newSubManager();
    }

    @Override
    public synchronized void close() {
        shared.values().forEach(s -> s.tokenizer().close());
        manager.close();
        LOG.debug("model runtime closed");
    }
}
