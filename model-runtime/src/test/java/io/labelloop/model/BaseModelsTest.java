package io.labelloop.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.labelloop.model.core.Prediction;
import io.labelloop.model.train.Example;
import io.labelloop.model.train.TrainingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Versions made on the added base encoders keep their encoder, pooling and prefix across a save and a load. */
class BaseModelsTest {

    private static final List<LabelDescription> LABELS = List.of(
            new LabelDescription("NEGATIVE", List.of("a complaint about a problem with the bank")),
            new LabelDescription("POSITIVE", List.of("a neutral or happy question to the bank")));

    private static ModelRuntime runtime;
    private static List<Example> train;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        runtime = ModelRuntime.builder().optThreads(2).build();
        train = Banking77.shuffled(11).subList(0, 24);
    }

    @AfterAll
    static void stop() {
        runtime.close();
    }

    @Test
    void aHeadTrainedOnBgeRunsOnTheSharedBgeEncoderBeforeAndAfterReloading() throws Exception {
        try (TextClassifier zeroShot = runtime.zeroShot("bge-small-en-v1.5", LABELS);
             TrainingResult trained = runtime.train(request(zeroShot, TrainingMode.HEAD))) {
            assertThat(zeroShot.version()).startsWith("zero-shot-bge-small-en-v1.5-");
            assertThat(trained.provenance().base()).isEqualTo("builtin:bge-small-en-v1.5");
            trained.model().save(dir);
            assertThat(Files.readString(dir.resolve("labelloop-model.json"))).contains("\"shared\" : \"builtin:bge-small-en-v1.5\"")
                    .contains("\"pooling\" : \"CLS_NORMALIZED\"");
            try (TextClassifier reloaded = runtime.load(dir)) {
                assertSameScores(trained.model(), reloaded);
            }
        }
    }

    @Test
    void aFullyFineTunedE5KeepsItsQueryPrefixInTheVersionFiles() throws Exception {
        try (TextClassifier zeroShot = runtime.zeroShot("e5-small-v2", LABELS);
             TrainingResult trained = runtime.train(request(zeroShot, TrainingMode.FULL))) {
            trained.model().save(dir);
            assertThat(Files.readString(dir.resolve("labelloop-model.json"))).contains("\"text_prefix\" : \"query: \"");
            try (TextClassifier reloaded = runtime.load(dir)) {
                assertSameScores(trained.model(), reloaded);
            }
        }
    }

    private static TrainingRequest request(TextClassifier base, TrainingMode mode) {
        return TrainingRequest.builder().setLabels(List.of("NEGATIVE", "POSITIVE")).setTrainExamples(train).optMode(mode)
                .optEpochs(1).optMaxLength(32).optBase(base).optSeed(5).build();
    }

    private static void assertSameScores(TextClassifier a, TextClassifier b) {
        List<String> texts = train.stream().limit(6).map(Example::text).toList();
        List<Prediction> before = a.predict(texts);
        List<Prediction> after = b.predict(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(after.get(i).scoreOf("POSITIVE")).as("text %d", i).isCloseTo(before.get(i).scoreOf("POSITIVE"), offset(1e-5f));
        }
    }
}
