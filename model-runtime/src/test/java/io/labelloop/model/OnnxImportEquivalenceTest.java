package io.labelloop.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.labelloop.model.infer.Classifiers;
import io.labelloop.model.nn.EncoderConfig;
import io.labelloop.model.text.TextTokenizer;
import java.io.InputStream;
import java.nio.LongBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The DJL encoder built from imported ONNX initializers computes what onnxruntime computes on the same file. */
class OnnxImportEquivalenceTest {

    private static final List<String> SENTENCES = List.of(
            "My new card still has not been delivered, where is it?",
            "How do I top up my account with a cheque?",
            "Why was I charged an extra fee for my transfer?!",
            "ok",
            "What exchange rate will I get if I pay abroad in a currency other than euro, and how long does it take for the payment to show up?");

    private static ModelRuntime runtime;
    private static TextClassifier zeroShot;

    @BeforeAll
    static void start() {
        runtime = ModelRuntime.builder().optThreads(2).build();
        zeroShot = runtime.zeroShot(List.of(new LabelDescription("A", List.of("a problem")), new LabelDescription("B", List.of("a question"))));
    }

    @AfterAll
    static void stop() {
        zeroShot.close();
        runtime.close();
    }

    @Test
    void sentenceEmbeddingsEqualOnnxRuntimeWithinOneTenThousandth() throws Exception {
        float[][] djl = zeroShot.embed(SENTENCES);
        float[][] ort = onnxRuntimeEmbeddings(SENTENCES);
        for (int i = 0; i < SENTENCES.size(); i++) {
            assertThat(djl[i]).hasSize(384);
            for (int h = 0; h < 384; h++) {
                assertThat(djl[i][h]).as("sentence %d, dimension %d", i, h).isCloseTo(ort[i][h], org.assertj.core.data.Offset.offset(1e-4f));
            }
        }
    }

    @Test
    void embeddingsAreUnitLengthAndBatchingDoesNotChangeThem() {
        float[][] together = zeroShot.embed(SENTENCES);
        float[][] alone = zeroShot.embed(List.of(SENTENCES.get(4)));
        assertThat(ZeroShot.dot(together[4], together[4])).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        for (int h = 0; h < 384; h++) {
            assertThat(alone[0][h]).isCloseTo(together[4][h], org.assertj.core.data.Offset.offset(1e-5f));
        }
    }

    /** Tokenises with the same tokenizer, runs the ONNX file, pools like sentence-transformers. */
    private static float[][] onnxRuntimeEmbeddings(List<String> texts) throws Exception {
        long[][] ids;
        try (TextTokenizer tok = TextTokenizer.load(resource(Classifiers.TOKENIZER_RESOURCE), "tokenizer", EncoderConfig.MINILM_L6)) {
            ids = tok.encode(texts, 256);
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        float[][] result = new float[texts.size()][];
        try (OrtSession session = env.createSession(resource(Classifiers.ONNX_RESOURCE), new OrtSession.SessionOptions())) {
            for (int i = 0; i < texts.size(); i++) {
                long[] shape = {1, ids[i].length};
                Map<String, OnnxTensor> inputs = new HashMap<>();
                inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids[i]), shape));
                inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(ones(ids[i].length)), shape));
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[ids[i].length]), shape));
                try (OrtSession.Result out = session.run(inputs)) {
                    float[][][] hidden = (float[][][]) out.get(0).getValue(); // (1, S, H)
                    result[i] = meanNormalized(hidden[0]);
                }
                inputs.values().forEach(OnnxTensor::close);
            }
        }
        return result;
    }

    private static long[] ones(int n) {
        long[] a = new long[n];
        java.util.Arrays.fill(a, 1L);
        return a;
    }

    private static float[] meanNormalized(float[][] tokens) {
        float[] mean = new float[tokens[0].length];
        for (float[] t : tokens) {
            for (int h = 0; h < mean.length; h++) {
                mean[h] += t[h] / tokens.length;
            }
        }
        ZeroShot.normalize(mean);
        return mean;
    }

    private static byte[] resource(String name) throws Exception {
        try (InputStream in = OnnxImportEquivalenceTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
