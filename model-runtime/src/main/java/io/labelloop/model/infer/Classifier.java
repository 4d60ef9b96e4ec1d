package io.labelloop.model.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import io.labelloop.model.core.TensorData;
import io.labelloop.model.nn.ClassifierBlock;
import io.labelloop.model.nn.ClassifierHeadBlock;
import io.labelloop.model.nn.FusedQkv;
import io.labelloop.model.text.TextTokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link ClassifierBlock} with its tokenizer, run on DJL's PyTorch engine in length-sorted batches.
 *
 * <p>Its manager owns the head and, unless the encoder is the runtime's shared pretrained one, the encoder
 * weights. Each batch runs in a sub-manager that is closed when the batch ends, so native memory stays flat.
 */
public final class Classifier implements AutoCloseable {

    private final NDManager manager;
    private final ClassifierBlock block;
    private final TextTokenizer tokenizer;
    private final boolean ownsTokenizer;
    private final String sharedEncoder;
    private final List<String> labels;
    private final Object lock = new Object();
    private volatile String name = "unnamed";
    private volatile boolean closed;

    /**
     * @param manager owns this classifier's own weights; closed by {@link #close()}
     * @param sharedEncoder the id of the runtime's shared encoder used unchanged (e.g. {@code builtin:all-MiniLM-L6-v2}),
     *     or null when the encoder weights belong to this classifier
     */
    Classifier(NDManager manager, ClassifierBlock block, TextTokenizer tokenizer, boolean ownsTokenizer,
               String sharedEncoder, List<String> labels) {
        this.manager = manager;
        this.block = block;
        this.tokenizer = tokenizer;
        this.ownsTokenizer = ownsTokenizer;
        this.sharedEncoder = sharedEncoder;
        this.labels = List.copyOf(labels);
    }

    /** Names this classifier in errors (its version). */
    public void name(String name) {
        this.name = name;
    }

    /**
     * The head's input features (B, H) of already tokenised texts, computed without gradients: what head-only
     * training caches.
     */
    public float[][] features(long[][] ids, int batchSize) {
        float[][] out = new float[ids.length][];
        synchronized (lock) {
            ensureOpen();
            for (int[] batch : Batches.plan(ids, batchSize)) {
                try (NDManager m = manager.newSubManager()) {
                    NDArray idArray = Batches.ids(m, ids, batch, tokenizer.padId(), 0); // (B, S)
                    NDArray mask = Batches.mask(m, ids, batch, 0); // (B, S)
                    NDArray f = block.features(new ParameterStore(m, false), idArray, mask, false); // (B, H)
                    copyRows(f, batch, out);
                }
            }
        }
        return out;
    }

    private static void copyRows(NDArray result, int[] batch, float[][] out) {
        float[] flat = result.toFloatArray();
        int width = (int) result.getShape().get(1);
        for (int b = 0; b < batch.length; b++) {
            out[batch[b]] = Arrays.copyOfRange(flat, b * width, (b + 1) * width);
        }
    }

    /** Divides this classifier's logits by {@code temperature} from now on (see {@link ClassifierHeadBlock#divideLogits}). */
    public void divideLogits(float temperature) {
        synchronized (lock) {
            ensureOpen();
            block.head().divideLogits(temperature);
        }
    }

    /** The encoder and head. */
    public ClassifierBlock block() {
        return block;
    }

    /** The tokenizer texts are encoded with. */
    public TextTokenizer tokenizer() {
        return tokenizer;
    }

    /** The id of the runtime's shared encoder this classifier uses unchanged, or null when it owns its encoder. */
    public String sharedEncoder() {
        return sharedEncoder;
    }

    /** The label set, in the order of the head's outputs. */
    public List<String> labels() {
        return labels;
    }

    /**
     * Label probabilities (or, with {@code embeddings}, sentence embeddings) per text, in input order.
     *
     * @param padTo pad every batch to at least this many tokens (0: to its longest member)
     */
    public float[][] run(List<String> texts, int batchSize, int maxLength, int padTo, boolean embeddings) {
        long[][] ids = tokenizer.encode(texts, maxLength);
        float[][] out = new float[ids.length][];
        List<int[]> plan = Batches.plan(ids, batchSize);
        synchronized (lock) {
            ensureOpen();
            ScoringWorkers.runAll(plan, batch -> runBatch(ids, batch, padTo, embeddings, out));
        }
        return out;
    }

    private void runBatch(long[][] ids, int[] batch, int padTo, boolean embeddings, float[][] out) {
        try (NDManager m = manager.newSubManager()) {
            NDArray idArray = Batches.ids(m, ids, batch, tokenizer.padId(), padTo); // (B, S)
            NDArray mask = Batches.mask(m, ids, batch, padTo); // (B, S)
            ParameterStore ps = new ParameterStore(m, false);
            NDArray result = embeddings
                    ? block.embedding(ps, idArray, mask) // (B, H)
                    : block.forward(ps, new NDList(idArray, mask), false).singletonOrThrow().softmax(-1); // (B, C)
            copyRows(result, batch, out);
        }
    }

    /** Tokens per text after tokenisation and truncation to {@code maxLength}, special tokens included. */
    public int[] tokenCounts(List<String> texts, int maxLength) {
        return Arrays.stream(tokenizer.encode(texts, maxLength)).mapToInt(a -> a.length).toArray();
    }

    /**
     * The current weights as host tensors, by canonical BERT name (fused query/key/value split back into three);
     * the encoder's only when it is not the shared one.
     */
    public List<TensorData> weights(boolean includeSharedEncoder) {
        List<TensorData> result = new ArrayList<>();
        synchronized (lock) {
            ensureOpen();
            for (var pair : block.getParameters()) {
                Parameter p = pair.getValue();
                boolean head = p.getName().startsWith("head.");
                if (head || sharedEncoder == null || includeSharedEncoder) {
                    NDArray a = p.getArray();
                    result.addAll(FusedQkv.split(new TensorData(p.getName(), a.getShape().getShape(), a.toFloatArray())));
                }
            }
        }
        return result;
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("classifier " + name + " is closed");
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (!closed) {
                closed = true;
                manager.close();
                if (ownsTokenizer) {
                    tokenizer.close();
                }
            }
        }
    }
}
