package io.labelloop.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A {@link TextClassifier} running a {@link ClassifierBlock} on DJL's PyTorch engine.
 *
 * <p>Its manager owns the head and, unless the encoder is the runtime's shared pretrained one, the encoder
 * weights. Each batch runs in a sub-manager that is closed when the batch ends, so native memory stays flat.
 */
final class DjlTextClassifier implements TextClassifier {

    private final NDManager manager;
    private final ClassifierBlock block;
    private final TextTokenizer tokenizer;
    private final boolean ownsTokenizer;
    private final String sharedEncoder;
    private final List<String> labels;
    private volatile Provenance provenance;
    private final ScoringOptions defaults;
    private final Object lock = new Object();
    private volatile boolean closed;

    /**
     * @param manager owns this classifier's own weights; closed by {@link #close()}
     * @param sharedEncoder the id of the runtime's shared encoder used unchanged (e.g. {@code builtin:all-MiniLM-L6-v2}),
     *     or null when the encoder weights belong to this classifier
     */
    DjlTextClassifier(NDManager manager, ClassifierBlock block, TextTokenizer tokenizer, boolean ownsTokenizer,
                      String sharedEncoder, List<String> labels, Provenance provenance, ScoringOptions defaults) {
        this.manager = manager;
        this.block = block;
        this.tokenizer = tokenizer;
        this.ownsTokenizer = ownsTokenizer;
        this.sharedEncoder = sharedEncoder;
        this.labels = List.copyOf(labels);
        this.provenance = provenance;
        this.defaults = defaults;
    }

    /** Replaces the provenance while the model is being made (training adds its evaluation). */
    void provenance(Provenance provenance) {
        this.provenance = provenance;
    }

    /**
     * The head's input features (B, H) of already tokenised texts, computed without gradients: what head-only
     * training caches.
     */
    float[][] features(long[][] ids, int batchSize) {
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

    ClassifierBlock block() {
        return block;
    }

    TextTokenizer tokenizer() {
        return tokenizer;
    }

    String sharedEncoder() {
        return sharedEncoder;
    }

    ScoringOptions defaults() {
        return defaults;
    }

    @Override
    public List<String> labels() {
        return labels;
    }

    @Override
    public Provenance provenance() {
        return provenance;
    }

    @Override
    public List<Prediction> predict(List<String> texts) {
        return predict(texts, defaults);
    }

    @Override
    public List<Prediction> predict(List<String> texts, ScoringOptions options) {
        float[][] probs = run(texts, options, false);
        List<Prediction> out = new ArrayList<>(probs.length);
        for (float[] p : probs) {
            List<LabelScore> scores = new ArrayList<>(labels.size());
            for (int k = 0; k < labels.size(); k++) {
                scores.add(new LabelScore(labels.get(k), p[k]));
            }
            out.add(new Prediction(scores, provenance.version()));
        }
        return out;
    }

    @Override
    public float[][] embed(List<String> texts) {
        return run(texts, defaults, true);
    }

    /** Probabilities (or embeddings) per text in input order. */
    private float[][] run(List<String> texts, ScoringOptions options, boolean embeddings) {
        long[][] ids = tokenizer.encode(texts, options.maxLength());
        float[][] out = new float[ids.length][];
        int padTo = options.padToMaxLength() ? options.maxLength() : 0;
        List<int[]> plan = Batches.plan(ids, options.batchSize());
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

    @Override
    public int[] tokenCounts(List<String> texts) {
        return Arrays.stream(tokenizer.encode(texts, defaults.maxLength())).mapToInt(a -> a.length).toArray();
    }

    @Override
    public EncoderInfo encoderInfo() {
        EncoderConfig c = block.encoder().config();
        return new EncoderInfo(c.architecture(), c.layers(), c.hidden(), c.heads(), c.intermediate(), c.vocabSize(),
                c.maxPositions(), c.linearWeights());
    }

    /**
     * The current weights as host tensors, by canonical BERT name (fused query/key/value split back into three);
     * the encoder's only when it is not the shared one.
     */
    List<TensorData> weights(boolean includeSharedEncoder) {
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

    @Override
    public void save(Path dir) {
        VersionFiles.save(this, dir);
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("classifier " + provenance.version() + " is closed");
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
