package io.labelloop.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.sun.net.httpserver.HttpServer;
import io.labelloop.model.core.LabelScore;
import io.labelloop.model.core.ModelException;
import io.labelloop.model.core.Prediction;
import io.labelloop.model.text.WordPieceTokenizerJson;
import io.labelloop.model.train.Example;
import io.labelloop.model.train.ProgressListener;
import io.labelloop.model.train.TrainingMode;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HuggingFace BERT and DistilBERT checkpoints: tiny random models written by the test, a local Hub. */
class HuggingFaceModelTest {

    private static final List<String> TEXTS = List.of("my card was declined!", "how do i open an account?", "where is my money",
            "can i use it abroad?", "the payment failed", "what fee", "i lost my card", "how do i top up");
    private static final List<String> GOLD = List.of("NEGATIVE", "POSITIVE", "NEGATIVE", "POSITIVE", "NEGATIVE", "POSITIVE", "NEGATIVE", "POSITIVE");

    private static ModelRuntime runtime;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        runtime = ModelRuntime.builder().optThreads(2).build();
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bert", "distilbert"})
    void aCheckpointLoadsPredictsFineTunesSavesAndReloads(String architecture) throws Exception {
        Path model = TinyHuggingFaceModel.write(dir.resolve(architecture), architecture, true);
        try (TextClassifier pretrained = runtime.fromDirectory(model, List.of())) {
            assertThat(pretrained.labels()).containsExactly("NEGATIVE", "POSITIVE");
            assertThat(pretrained.encoderInfo().architecture()).isEqualTo(architecture);
            List<Prediction> p = pretrained.predict(TEXTS);
            assertThat(p).hasSize(TEXTS.size()).allSatisfy(x ->
                    assertThat(x.scores().stream().mapToDouble(LabelScore::score).sum()).isCloseTo(1.0, offset(1e-5)));
            List<ProgressListener.EpochProgress> progress = new ArrayList<>();
            TrainingRequest request = TrainingRequest.builder().setLabels(pretrained.labels()).setTrainExamples(examples())
                    .optMode(TrainingMode.FULL).optEpochs(8).optBatchSize(4).optLearningRate(1e-3f).optHeadLearningRate(1e-2f)
                    .optTrainWordEmbeddings(true).optBase(pretrained).optProgressListener(progress::add).build();
            try (TrainingResult result = runtime.train(request)) {
                assertThat(progress.get(progress.size() - 1).trainLoss()).isLessThan(progress.get(0).trainLoss());
                assertThat(runtime.evaluate(result.model(), examples()).accuracy()).isGreaterThanOrEqualTo(0.75);
                result.model().save(dir.resolve("saved"));
                try (TextClassifier reloaded = runtime.load(dir.resolve("saved"))) {
                    float[] before = scores(result.model().predict(TEXTS));
                    float[] after = scores(reloaded.predict(TEXTS));
                    for (int i = 0; i < before.length; i++) {
                        assertThat(after[i]).isCloseTo(before[i], offset(1e-5f));
                    }
                }
            }
            assertThat(scores(pretrained.predict(TEXTS))).as("the base is untouched").containsExactly(scores(p));
            try (TrainingResult first = runtime.train(request); TrainingResult second = runtime.train(request)) {
                assertThat(scores(second.model().predict(TEXTS))).as("same seed, same model").containsExactly(scores(first.model().predict(TEXTS)));
            }
        }
    }

    @Test
    void aBareEncoderNeedsLabelsAndGetsANewHead() throws Exception {
        Path model = TinyHuggingFaceModel.write(dir.resolve("bare"), "bert", false);
        Files.writeString(model.resolve("config.json"), Files.readString(model.resolve("config.json")).replaceAll(", \"id2label\": \\{[^}]*}", ""));
        assertThatThrownBy(() -> runtime.fromDirectory(model, List.of())).isInstanceOf(ModelException.class).hasMessageContaining("labels");
        try (TextClassifier c = runtime.fromDirectory(model, List.of("A", "B", "C"))) {
            assertThat(c.predict(List.of("my card")).get(0).scores()).hasSize(3);
        }
    }

    @Test
    void theHubDownloadGoesToTheCacheOnceAndIsReusedOffline() throws Exception {
        Path served = TinyHuggingFaceModel.write(dir.resolve("served"), "distilbert", true);
        Files.delete(served.resolve("tokenizer.json")); // an older checkpoint: vocab.txt only
        Files.write(served.resolve("vocab.txt"), TinyHuggingFaceModel.VOCAB);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> requested = new ArrayList<>();
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath(); // /owner/tiny/resolve/main/<file>
            requested.add(path);
            Path file = served.resolve(path.substring(path.lastIndexOf('/') + 1));
            byte[] body = path.startsWith("/owner/tiny/resolve/main/") && Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
            exchange.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        Path cache = dir.resolve("cache");
        try (ModelRuntime online = ModelRuntime.builder().optModelCacheDir(cache)
                .optHubEndpoint("http://127.0.0.1:" + server.getAddress().getPort()).build();
             TextClassifier c = online.fromHub("owner/tiny", List.of())) {
            assertThat(c.predict(List.of("my card was declined")).get(0).scores()).hasSize(2);
            assertThat(c.provenance().base()).isEqualTo("hf:owner/tiny");
        } finally {
            server.stop(0);
        }
        assertThat(cache.resolve("owner--tiny")).isDirectoryContaining("glob:**/model.safetensors").isDirectoryContaining("glob:**/tokenizer.json");
        assertThat(requested).contains("/owner/tiny/resolve/main/vocab.txt");
        try (ModelRuntime offline = ModelRuntime.builder().optModelCacheDir(cache).optHubEndpoint("http://127.0.0.1:1").build();
             TextClassifier cached = offline.fromHub("owner/tiny", List.of())) {
            assertThat(cached.labels()).containsExactly("NEGATIVE", "POSITIVE");
        }
    }

    @Test
    void offlineWithoutACacheIsAClearError() {
        try (ModelRuntime offline = ModelRuntime.builder().optModelCacheDir(dir.resolve("empty")).optHubEndpoint("http://127.0.0.1:1").build()) {
            assertThatThrownBy(() -> offline.fromHub("distilbert-base-uncased-finetuned-sst-2-english", List.of()))
                    .isInstanceOf(ModelException.class).hasMessageContaining("offline").hasMessageContaining("config.json");
        }
    }

    @Test
    void aTruncatedWeightsFileIsAnErrorNamingIt() throws Exception {
        Path model = TinyHuggingFaceModel.write(dir.resolve("cut"), "bert", true);
        byte[] bytes = Files.readAllBytes(model.resolve("model.safetensors"));
        Files.write(model.resolve("model.safetensors"), Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> runtime.fromDirectory(model, List.of())).isInstanceOf(ModelException.class)
                .hasMessageContaining("model.safetensors").hasMessageContaining("truncated");
    }

    @Test
    void aTokenizerForAnotherVocabularyIsRejected() throws Exception {
        Path model = TinyHuggingFaceModel.write(dir.resolve("mismatch"), "bert", true);
        List<String> bigger = new ArrayList<>(TinyHuggingFaceModel.VOCAB);
        for (int i = 0; i < 100; i++) {
            bigger.add("extra" + i);
        }
        Files.writeString(model.resolve("tokenizer.json"), WordPieceTokenizerJson.fromVocab(bigger, true));
        assertThatThrownBy(() -> runtime.fromDirectory(model, List.of())).isInstanceOf(ModelException.class)
                .hasMessageContaining("tokenizer").hasMessageContaining("does not belong");
    }

    @Test
    void aCheckpointOfAnUnsupportedArchitectureIsRefusedNamingIt() throws Exception {
        Path model = TinyHuggingFaceModel.write(dir.resolve("roberta"), "bert", true);
        Files.writeString(model.resolve("config.json"), TinyHuggingFaceModel.config("bert", TinyHuggingFaceModel.VOCAB.size())
                .replace("\"model_type\": \"bert\"", "\"model_type\": \"roberta\""));
        assertThatThrownBy(() -> runtime.fromDirectory(model, List.of())).isInstanceOf(ModelException.class)
                .hasMessageContaining("config.json").hasMessageContaining("model_type 'roberta' is not supported");
    }

    @Test
    void aCheckpointWithoutItsTokenizerFileIsRefusedNamingTheFile() throws Exception {
        Path model = TinyHuggingFaceModel.write(dir.resolve("notok"), "bert", true);
        Files.delete(model.resolve("tokenizer.json"));
        assertThatThrownBy(() -> runtime.fromDirectory(model, List.of())).isInstanceOf(ModelException.class)
                .hasMessageContaining(model.resolve("tokenizer.json") + " is missing");
    }

    @Test
    void anUnknownBaseModelIsRefusedListingTheAvailableOnes() {
        assertThatThrownBy(() -> runtime.zeroShot("bert-large", List.of(new LabelDescription("A", List.of("a")))))
                .isInstanceOf(ModelException.class).hasMessageContaining("unknown base model 'bert-large'")
                .hasMessageContaining("all-minilm-l6-v2, bge-small-en-v1.5, e5-small-v2");
        assertThatThrownBy(() -> TrainingRequest.builder().setLabels(List.of("A")).setTrainExamples(List.of(new Example("1", "a", "A")))
                .optBaseModel("bert-large").build()).isInstanceOf(ModelException.class).hasMessageContaining("available are");
    }

    @Test
    void weightsThatDoNotFitTheConfigAreRejected() throws Exception {
        Path model = TinyHuggingFaceModel.write(dir.resolve("shape"), "distilbert", true);
        Files.writeString(model.resolve("config.json"), TinyHuggingFaceModel.config("distilbert", TinyHuggingFaceModel.VOCAB.size()).replace("\"dim\": 16", "\"dim\": 32"));
        assertThatThrownBy(() -> runtime.fromDirectory(model, List.of())).isInstanceOf(ModelException.class).hasMessageContaining("shape");
    }

    private static List<Example> examples() {
        List<Example> e = new ArrayList<>();
        for (int i = 0; i < TEXTS.size(); i++) {
            e.add(new Example("t" + i, TEXTS.get(i), GOLD.get(i)));
        }
        return e;
    }

    private static float[] scores(List<Prediction> predictions) {
        float[] s = new float[predictions.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = predictions.get(i).scoreOf("POSITIVE");
        }
        return s;
    }
}
