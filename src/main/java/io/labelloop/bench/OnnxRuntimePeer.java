package io.labelloop.bench;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.labelloop.model.ModelRuntime;
import io.labelloop.model.infer.Batches;
import io.labelloop.model.text.TextTokenizer;
import io.labelloop.model.weights.PretrainedEncoder;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The runtime a user would otherwise pick for these encoders: onnxruntime on the same ONNX file (what
 * langchain4j's in-process embedding models run), fed the same token ids in the same length-sorted, dynamically
 * padded batches and with the same thread count as Labelloop's scoring, so that the ratio compares runtimes only.
 */
final class OnnxRuntimePeer implements AutoCloseable {

    private final OrtEnvironment env = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final TextTokenizer tokenizer;

    /**
     * @param threads onnxruntime intra-op threads (0 = all cores, as Labelloop's engine default)
     */
    OnnxRuntimePeer(PretrainedEncoder encoder, int threads) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = env.createSession(encoder.resource(encoder.onnxResource()), options);
        }
        tokenizer = TextTokenizer.load(encoder.resource(encoder.tokenizerResource()), encoder.tokenizerResource(),
                encoder.config(), encoder.textPrefix());
    }

    /** Token ids of the texts as Labelloop's scoring encodes them (prefix and truncation included). */
    long[][] tokenize(List<String> texts) {
        return tokenizer.encode(texts, ModelRuntime.DEFAULT_MAX_LENGTH);
    }

    /** Runs the encoder over every batch; returns the seconds it took (tokenisation excluded: it is done before). */
    double encodeSeconds(long[][] ids, int batchSize) throws OrtException {
        long start = System.nanoTime();
        for (int[] batch : Batches.plan(ids, batchSize)) {
            run(ids, batch);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private void run(long[][] ids, int[] batch) throws OrtException {
        int longest = 0;
        for (int i : batch) {
            longest = Math.max(longest, ids[i].length);
        }
        long[] flatIds = new long[batch.length * longest];
        long[] mask = new long[batch.length * longest];
        for (int b = 0; b < batch.length; b++) {
            long[] row = ids[batch[b]];
            System.arraycopy(row, 0, flatIds, b * longest, row.length);
            for (int s = 0; s < row.length; s++) {
                mask[b * longest + s] = 1;
            }
        }
        long[] shape = {batch.length, longest};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(flatIds), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[flatIds.length]), shape));
            try (OrtSession.Result out = session.run(inputs)) {
                out.get(0).getValue(); // (B, S, H) copied to the JVM, as a user of the embeddings would
            }
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() throws OrtException {
        tokenizer.close();
        session.close();
    }
}
