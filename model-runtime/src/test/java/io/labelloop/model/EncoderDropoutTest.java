package io.labelloop.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import io.labelloop.model.core.Prediction;
import io.labelloop.model.infer.Batches;
import io.labelloop.model.nn.BertEncoderBlock;
import io.labelloop.model.train.Example;
import io.labelloop.model.train.TrainingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Dropout inside the encoder: on a tiny BERT written by the test, so that every pass and training run is fast.
 * Short texts take the widened-softmax path of the attention, the long one the plain path.
 */
class EncoderDropoutTest {

    private static final float RATE = TrainingRequest.PRETRAINED_ENCODER_DROPOUT;
    private static final List<String> SHORT = List.of("my card was declined!", "how do i open an account?", "what fee");
    private static final List<String> LONG = List.of("my card was declined and the payment failed , so how do i open a new "
            + "account , where is my money and what fee was charged twice ?");
    private static final List<String> TEXTS = List.of("my card was declined!", "how do i open an account?", "where is my money",
            "can i use it abroad?", "the payment failed", "what fee", "i lost my card", "how do i top up");

    private static ModelRuntime runtime;
    private static TextClassifier tinyBert;
    private static NDManager manager;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        runtime = ModelRuntime.builder().optThreads(2).build();
        tinyBert = runtime.fromDirectory(TinyHuggingFaceModel.write(dir.resolve("bert"), "bert", true), List.of());
        manager = NDManager.newBaseManager("PyTorch");
    }

    @AfterAll
    static void stop() {
        if (manager != null) {
            manager.close();
        }
        if (tinyBert != null) {
            tinyBert.close();
        }
        runtime.close();
    }

    @ParameterizedTest(name = "{0} texts")
    @MethodSource("shortAndLong")
    void aTrainingForwardWithEncoderDropoutDiffersBetweenTwoPassesOnTheSameInput(String length, List<String> texts) {
        try (NDManager m = manager.newSubManager()) {
            BertEncoderBlock dropping = copyOfTinyEncoder(m, RATE);
            NDList inputs = inputs(m, texts);

            float[] first = forward(m, dropping, inputs, true);

            assertThat(first).isNotEqualTo(forward(m, dropping, inputs, true));
            assertThat(first).isNotEqualTo(forward(m, dropping, inputs, false));
        }
    }

    @ParameterizedTest(name = "{0} texts")
    @MethodSource("shortAndLong")
    void anInferenceForwardOfAnEncoderWithDropoutIsDeterministicAndBitForBitTheEncoderWithout(String length, List<String> texts) {
        try (NDManager m = manager.newSubManager()) {
            NDList inputs = inputs(m, texts);
            float[] without = forward(m, DjlTextClassifier.unwrap(tinyBert).block().encoder(), inputs, false);

            BertEncoderBlock dropping = copyOfTinyEncoder(m, RATE);

            assertThat(forward(m, dropping, inputs, false)).containsExactly(without);
            assertThat(forward(m, dropping, inputs, false)).containsExactly(without);
        }
    }

    static Stream<Arguments> shortAndLong() {
        return Stream.of(Arguments.of("short", SHORT), Arguments.of("long", LONG));
    }

    @Test
    void aTrainingForwardWithEncoderDropoutZeroIsTheInferenceForward() {
        try (NDManager m = manager.newSubManager()) {
            BertEncoderBlock off = copyOfTinyEncoder(m, 0f);
            NDList inputs = inputs(m, SHORT);

            assertThat(forward(m, off, inputs, true)).containsExactly(forward(m, DjlTextClassifier.unwrap(tinyBert).block().encoder(), inputs, false));
        }
    }

    @Test
    void fullFineTuningDropsInsideTheEncoderAndTheSavedProvenanceRecordsTheRate(@TempDir Path dir) {
        try (TrainingResult dropped = runtime.train(request(TrainingMode.FULL, 0.25f));
             TrainingResult plain = runtime.train(request(TrainingMode.FULL, 0f))) {
            dropped.model().save(dir.resolve("dropped"));
            try (TextClassifier loaded = runtime.load(dir.resolve("dropped"))) {
                assertThat(loaded.provenance().hyperParameters()).containsEntry("encoder_dropout", 0.25);
            }
            assertThat(plain.provenance().hyperParameters()).containsEntry("encoder_dropout", 0.0);
            assertThat(scores(dropped.model())).as("same seed, no head dropout: only the encoder dropout differs")
                    .isNotEqualTo(scores(plain.model()));
        }
    }

    @Test
    void headOnlyTrainingIgnoresEncoderDropoutAndRecordsNone() {
        try (TrainingResult dropping = runtime.train(request(TrainingMode.HEAD, 0.5f));
             TrainingResult plain = runtime.train(request(TrainingMode.HEAD, 0f))) {
            assertThat(scores(dropping.model())).containsExactly(scores(plain.model()));
            assertThat(dropping.provenance().hyperParameters()).containsEntry("encoder_dropout", 0.0);
        }
    }

    @Test
    void theEncoderDropoutIsOffByDefaultAndMustBeBelowOne() {
        TrainingRequest request = TrainingRequest.builder().setLabels(tinyBert.labels()).setTrainExamples(examples()).build();

        assertThat(request.encoderDropout()).isEqualTo(TrainingRequest.DEFAULT_ENCODER_DROPOUT).isEqualTo(0f);
        assertThat(request.hyperParameters()).containsEntry("encoder_dropout", 0f);
        assertThatThrownBy(() -> TrainingRequest.builder().setLabels(tinyBert.labels()).setTrainExamples(examples())
                .optEncoderDropout(1f).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("encoderDropout must be at least 0 and below 1, got 1.0");
    }

    private static TrainingRequest request(TrainingMode mode, float encoderDropout) {
        return TrainingRequest.builder().setLabels(tinyBert.labels()).setTrainExamples(examples()).optMode(mode)
                .optEpochs(2).optBatchSize(4).optDropout(0f).optEncoderDropout(encoderDropout).optBase(tinyBert).build();
    }

    private static List<Example> examples() {
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < TEXTS.size(); i++) {
            examples.add(new Example("t-" + i, TEXTS.get(i), tinyBert.labels().get(i % 2)));
        }
        return examples;
    }

    private static float[] scores(TextClassifier model) {
        List<Prediction> predictions = model.predict(TEXTS);
        float[] scores = new float[predictions.size()];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = predictions.get(i).scoreOf(model.labels().get(0));
        }
        return scores;
    }

    /** A new encoder over copies of the tiny BERT's encoder weights, with the given dropout rate. */
    private static BertEncoderBlock copyOfTinyEncoder(NDManager m, float rate) {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        for (var pair : DjlTextClassifier.unwrap(tinyBert).block().encoder().getParameters()) {
            Parameter p = pair.getValue();
            NDArray copy = p.getArray().duplicate();
            copy.attach(m);
            arrays.put(p.getName(), copy);
        }
        return new BertEncoderBlock(DjlTextClassifier.unwrap(tinyBert).block().encoder().config(), arrays, rate);
    }

    /** Token ids (B, S) and attention mask (B, S) of the texts. */
    private static NDList inputs(NDManager m, List<String> texts) {
        long[][] ids = DjlTextClassifier.unwrap(tinyBert).tokenizer().encode(texts, TinyHuggingFaceModel.POSITIONS);
        int[] all = IntStream.range(0, ids.length).toArray();
        return new NDList(Batches.ids(m, ids, all, DjlTextClassifier.unwrap(tinyBert).tokenizer().padId(), 0), Batches.mask(m, ids, all, 0));
    }

    /** Last hidden states (B, S, H), flattened. */
    private static float[] forward(NDManager m, BertEncoderBlock encoder, NDList inputs, boolean training) {
        try (NDArray hidden = encoder.forward(new ParameterStore(m, false), inputs, training).singletonOrThrow()) {
            return hidden.toFloatArray();
        }
    }
}
