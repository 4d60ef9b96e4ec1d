package io.labelloop.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.labelloop.model.core.ModelException;
import io.labelloop.model.core.Prediction;
import io.labelloop.model.train.Example;
import io.labelloop.model.train.ProgressListener;
import io.labelloop.model.train.TrainingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Head-only and full fine-tuning on banking77 sentiment, versions on disk. Runs are kept small. */
class TrainingTest {

    private static ModelRuntime runtime;
    private static TextClassifier zeroShot;
    private static List<Example> train;
    private static List<Example> eval;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        runtime = ModelRuntime.builder().optThreads(2).build();
        zeroShot = runtime.zeroShot(LabelSetFile.read(Path.of(System.getProperty("user.dir")).resolveSibling("config/labels/banking-sentiment.yaml")));
        List<Example> all = Banking77.shuffled(7);
        train = all.subList(0, 300);
        eval = all.subList(300, 600);
    }

    @AfterAll
    static void stop() {
        if (zeroShot != null) {
            zeroShot.close();
        }
        runtime.close();
    }

    private static TrainingRequest.Builder head() {
        return TrainingRequest.builder().setLabels(Banking77.LABELS).setTrainExamples(train).optEvalExamples(eval).optMode(TrainingMode.HEAD);
    }

    @Test
    void calibrationDividesTheLogitsByTheFittedTemperatureAndKeepsEveryPredictedLabel() {
        try (TrainingResult trained = runtime.train(head().optSeed(3).build())) {
            TextClassifier model = trained.model();
            List<String> texts = eval.stream().limit(50).map(Example::text).toList();
            List<Prediction> before = model.predict(texts);

            Calibration c = runtime.calibrate(model, eval);

            assertThat(c.count()).isEqualTo(eval.size());
            assertThat(c.temperature()).isBetween(Calibration.MIN_T, Calibration.MAX_T);
            assertThat(c.eceAfter()).as("cross-fitted ECE after").isLessThanOrEqualTo(c.eceBefore() + 0.02);
            assertThat(model.provenance().hyperParameters()).containsEntry(Calibration.TEMPERATURE, c.temperature());
            assertThat(model.provenance().metrics()).containsKeys(Calibration.ECE_BEFORE, Calibration.ECE_AFTER);
            List<Prediction> after = model.predict(texts);
            for (int i = 0; i < texts.size(); i++) {
                float[] p = {before.get(i).scoreOf("NEGATIVE"), before.get(i).scoreOf("POSITIVE")};
                assertThat(after.get(i).label()).isEqualTo(before.get(i).label());
                assertThat((double) after.get(i).scoreOf("POSITIVE")).isCloseTo(Calibration.scaled(p, c.temperature())[1], offset(1e-4));
            }
        }
    }

    @Test
    void headOnlyTrainingOn300LabelsReachesEightyFivePercentAndIsDeterministicForASeed() {
        List<ProgressListener.EpochProgress> progress = new ArrayList<>();
        try (TextClassifier first = runtime.train(head().optProgressListener(progress::add).optSeed(3).build()).model();
             TrainingResult again = runtime.train(head().optSeed(3).build())) {
            assertThat(again.evaluation().accuracy()).isGreaterThanOrEqualTo(0.85);
            assertThat(progress).isNotEmpty();
            assertThat(progress.get(progress.size() - 1).trainLoss()).isLessThan(progress.get(0).trainLoss());
            List<String> texts = eval.stream().limit(20).map(Example::text).toList();
            List<Prediction> a = first.predict(texts);
            List<Prediction> b = again.model().predict(texts);
            for (int i = 0; i < texts.size(); i++) {
                assertThat(a.get(i).maxScore()).isEqualTo(b.get(i).maxScore());
            }
        }
    }

    @Test
    void aTrainedVersionSavesWithProvenanceAndReloadsScoringTheSame() throws Exception {
        try (TrainingResult result = runtime.train(head().optVersion("v7").optEpochs(5).build())) {
            Path version = dir.resolve("v7");
            result.model().save(version);
            assertThat(Files.size(version.resolve("model.safetensors"))).as("head only, the shared encoder is not copied").isLessThan(10_000);
            String provenance = Files.readString(version.resolve("provenance.json"));
            assertThat(provenance).contains("\"version\" : \"v7\"", "\"trainingSize\" : 300", "fine-tuned:HEAD", "accuracy", "learning_rate",
                    "\"skipped_batches\" : 0");
            try (TextClassifier loaded = runtime.load(version)) {
                assertThat(loaded.provenance()).isEqualTo(result.provenance());
                List<String> texts = eval.stream().limit(10).map(Example::text).toList();
                List<Prediction> before = result.model().predict(texts);
                List<Prediction> after = loaded.predict(texts);
                for (int i = 0; i < texts.size(); i++) {
                    assertThat(after.get(i).maxScore()).isCloseTo(before.get(i).maxScore(), offset(1e-6f));
                    assertThat(after.get(i).agent()).isEqualTo("v7");
                }
            }
        }
    }

    @Test
    void fullFineTuningFromTheZeroShotBaseLearnsAndSurvivesASaveAndLoad() throws Exception {
        TrainingRequest request = TrainingRequest.builder().setLabels(Banking77.LABELS).setTrainExamples(train.subList(0, 96))
                .optEvalExamples(eval.subList(0, 100)).optMode(TrainingMode.FULL).optEpochs(2).optBase(zeroShot).build();
        try (TrainingResult result = runtime.train(request)) {
            assertThat(result.evaluation().accuracy()).isGreaterThanOrEqualTo(0.8);
            assertThat(result.provenance().base()).isEqualTo("builtin:all-MiniLM-L6-v2");
            assertThat(result.provenance().hyperParameters()).containsEntry("base_version", zeroShot.version());
            result.model().save(dir.resolve("full"));
            assertThat(Files.size(dir.resolve("full/model.safetensors"))).as("the fine-tuned encoder is saved").isGreaterThan(80_000_000);
            try (TextClassifier loaded = runtime.load(dir.resolve("full"))) {
                String text = eval.get(0).text();
                assertThat(loaded.predict(List.of(text)).get(0).maxScore())
                        .isCloseTo(result.model().predict(List.of(text)).get(0).maxScore(), offset(1e-5f));
            }
        }
        assertThat(zeroShot.predict(List.of("My card was declined")).get(0).label()).as("the base is untouched").isEqualTo("NEGATIVE");
    }

    @Test
    void trainingStopsEarlyWhenTheEvalLossStopsImprovingAndKeepsTheBestEpoch() {
        List<Example> small = train.subList(0, 40);
        List<Example> contrary = small.stream().map(e -> new Example(e.id(), e.text(),
                e.label().equals("NEGATIVE") ? "POSITIVE" : "NEGATIVE")).toList(); // the better it learns, the worse here
        TrainingRequest request = TrainingRequest.builder().setLabels(Banking77.LABELS).setTrainExamples(small)
                .optEvalExamples(contrary).optMode(TrainingMode.HEAD).optEpochs(30).optPatience(2).build();
        try (TrainingResult result = runtime.train(request)) {
            assertThat(result.epochsRun()).isEqualTo(3);
            assertThat(result.history().get(2).evalLoss()).isGreaterThan(result.history().get(0).evalLoss());
            List<Prediction> p = result.model().predict(contrary.stream().map(Example::text).toList());
            double crossEntropy = 0;
            for (int i = 0; i < p.size(); i++) {
                crossEntropy -= Math.log(p.get(i).scoreOf(contrary.get(i).label())) / p.size();
            }
            assertThat(crossEntropy).as("the returned model is the first epoch's").isCloseTo(result.history().get(0).evalLoss(), offset(1e-3));
        }
    }

    @Test
    void anUnknownLabelIsRejectedNamingTheExample() {
        List<Example> bad = List.of(new Example("x-1", "hello", "NEUTRAL"));
        assertThatThrownBy(() -> TrainingRequest.builder().setLabels(Banking77.LABELS).setTrainExamples(bad).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x-1").hasMessageContaining("NEUTRAL");
    }

    @Test
    void loadingAnIncompleteVersionDirectoryIsAClearError() throws Exception {
        try (TrainingResult result = runtime.train(head().optEpochs(1).build())) {
            result.model().save(dir.resolve("v"));
        }
        Files.delete(dir.resolve("v/model.safetensors"));
        assertThatThrownBy(() -> runtime.load(dir.resolve("v"))).isInstanceOf(ModelException.class).hasMessageContaining("model.safetensors");
    }
}
