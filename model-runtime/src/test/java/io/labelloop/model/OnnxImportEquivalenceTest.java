package io.labelloop.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtSession;
import io.labelloop.model.nn.HeadConfig;
import io.labelloop.model.text.TextTokenizer;
import io.labelloop.model.train.Example;
import io.labelloop.model.weights.PretrainedEncoder;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every pretrained encoder, imported from its ONNX initializers into DJL blocks, computes what onnxruntime
 * computes on the same file: sentence vectors (each with its own pooling and prefix) within 1e-4 on 100 banking77
 * texts plus a few edge cases.
 */
class OnnxImportEquivalenceTest {

    private static final int TEXTS = 100;
    private static final List<String> EDGE_CASES = List.of("ok",
            "What exchange rate will I get if I pay abroad in a currency other than euro, and how long does it take for the payment to show up?");

    private static ModelRuntime runtime;
    private static List<String> texts;

    @BeforeAll
    static void start() throws Exception {
        runtime = ModelRuntime.builder().optThreads(2).build();
        texts = new ArrayList<>(Banking77.shuffled(7).stream().limit(TEXTS).map(Example::text).toList());
        texts.addAll(EDGE_CASES);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @ParameterizedTest
    @EnumSource(PretrainedEncoder.class)
    void sentenceVectorsEqualOnnxRuntimeWithinOneTenThousandth(PretrainedEncoder encoder) throws Exception {
        float[][] djl;
        try (TextClassifier zeroShot = runtime.zeroShot(encoder.modelName(), twoLabels())) {
            djl = zeroShot.embed(texts);
        }
        float[][] ort = onnxRuntimeVectors(encoder, texts);
        double worst = 0;
        for (int i = 0; i < texts.size(); i++) {
            assertThat(djl[i]).hasSize(encoder.config().hidden());
            for (int h = 0; h < djl[i].length; h++) {
                worst = Math.max(worst, Math.abs(djl[i][h] - ort[i][h]));
            }
        }
        assertThat(worst).as("max abs difference over %d texts of %s", texts.size(), encoder.modelName()).isLessThanOrEqualTo(1e-4);
    }

    @ParameterizedTest
    @EnumSource(PretrainedEncoder.class)
    void vectorsAreUnitLengthAndBatchingDoesNotChangeThem(PretrainedEncoder encoder) {
        try (TextClassifier zeroShot = runtime.zeroShot(encoder.modelName(), twoLabels())) {
            float[][] together = zeroShot.embed(texts.subList(0, 8));
            float[][] alone = zeroShot.embed(List.of(texts.get(5)));
            assertThat(ZeroShot.dot(together[5], together[5])).isCloseTo(1.0, Offset.offset(1e-5));
            for (int h = 0; h < alone[0].length; h++) {
                assertThat(alone[0][h]).isCloseTo(together[5][h], Offset.offset(1e-5f));
            }
        }
    }

    private static List<LabelDescription> twoLabels() {
        return List.of(new LabelDescription("A", List.of("a problem")), new LabelDescription("B", List.of("a question")));
    }

    /** Tokenises with the encoder's tokenizer and prefix, runs its ONNX file text by text, pools as its model card says. */
    private static float[][] onnxRuntimeVectors(PretrainedEncoder encoder, List<String> texts) throws Exception {
        long[][] ids;
        try (TextTokenizer tok = TextTokenizer.load(encoder.resource(encoder.tokenizerResource()), "tokenizer", encoder.config(),
                encoder.textPrefix())) {
            ids = tok.encode(texts, ModelRuntime.DEFAULT_MAX_LENGTH);
        }
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        float[][] result = new float[texts.size()][];
        try (OrtSession session = env.createSession(encoder.resource(encoder.onnxResource()), new OrtSession.SessionOptions())) {
            for (int i = 0; i < texts.size(); i++) {
                long[] shape = {1, ids[i].length};
                long[] ones = new long[ids[i].length];
                Arrays.fill(ones, 1L);
                Map<String, OnnxTensor> inputs = new HashMap<>();
                inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids[i]), shape));
                inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(ones), shape));
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[ids[i].length]), shape));
                try (OrtSession.Result out = session.run(inputs)) {
                    float[][] hidden = ((float[][][]) out.get(0).getValue())[0]; // (S, H)
                    result[i] = encoder.sentenceHead().pooling() == HeadConfig.Pooling.CLS_NORMALIZED ? hidden[0].clone() : mean(hidden);
                    ZeroShot.normalize(result[i]);
                }
                inputs.values().forEach(OnnxTensor::close);
            }
        }
        return result;
    }

    private static float[] mean(float[][] tokens) {
        float[] mean = new float[tokens[0].length];
        for (float[] t : tokens) {
            for (int h = 0; h < mean.length; h++) {
                mean[h] += t[h] / tokens.length;
            }
        }
        return mean;
    }
}
