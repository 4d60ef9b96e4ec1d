package io.labelloop.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labelloop.control.LoopControl;
import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.TextRecord;
import io.labelloop.model.Calibration;
import io.labelloop.model.TextClassifier;
import io.labelloop.model.train.Example;
import io.labelloop.model.train.TrainingMode;
import io.labelloop.registry.ModelEvaluation;
import io.labelloop.registry.ModelRegistry;
import io.labelloop.registry.ModelStatus;
import io.labelloop.registry.ModelVersion;
import io.labelloop.registry.Promotion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The loop services on the embedded node with the real MiniLM model and head-only training on a handful of our own
 * sentences: if-better on the same eval records, the stored evaluation, promotion by hand, model leases and the
 * retry after a failed training.
 */
class LoopServicesTest extends EmbeddedLoopApp {

    private static final AtomicInteger LOOPS = new AtomicInteger();
    private static final Map<String, String> TRAIN = texts(
            "NEGATIVE", "my card payment was declined at the shop",
            "NEGATIVE", "I was charged twice for one coffee",
            "NEGATIVE", "the transfer I sent on monday never arrived",
            "NEGATIVE", "the cash machine kept my card",
            "POSITIVE", "how do I order a new card for my son",
            "POSITIVE", "which currencies can I hold in the app",
            "POSITIVE", "can I change the pin of my card",
            "POSITIVE", "what are your opening hours on saturday");
    private static final Map<String, String> EVAL = texts(
            "NEGATIVE", "my refund still has not shown up",
            "POSITIVE", "how can I add money with a bank transfer",
            "NEGATIVE", "there is a payment on my statement I did not make",
            "POSITIVE", "do you support apple pay");
    private static final Map<String, String> MORE_EVAL = texts(
            "NEGATIVE", "the app charged me a fee for a top up",
            "POSITIVE", "where can I see my exchange rate",
            "NEGATIVE", "my virtual card stopped working",
            "POSITIVE", "is there a limit for cash withdrawals");

    @Autowired
    LoopStepService steps;
    @Autowired
    LoopModels models;
    @Autowired
    ModelRegistry registry;
    @Autowired
    DatasetService datasets;
    @Autowired
    LoopControl control;

    @Test
    void ifBetterComparesBothVersionsOnTheSameEvalRecordsAndStoresTheirConfusionMatrices() {
        LoopConfig loop = loop();
        String serving = steps.evaluate(loop, null).version();
        assertThat(registry.find(loop.name(), serving).orElseThrow().evaluation().count()).isEqualTo(4);
        label(loop.evalDataset(), MORE_EVAL);
        String candidate = steps.train(loop, TrainingMode.HEAD, 7).version();
        steps.evaluate(loop, candidate);

        StepResults.Promoted promoted = steps.promote(loop, candidate, PromotePolicy.IF_BETTER, "accuracy");

        assertThat(promoted.reason()).contains("on the same 8 eval records");
        ModelEvaluation servingEval = registry.find(loop.name(), serving).orElseThrow().evaluation();
        ModelEvaluation candidateEval = registry.find(loop.name(), candidate).orElseThrow().evaluation();
        assertThat(servingEval.count()).as("the serving version was evaluated again on the larger eval set").isEqualTo(8);
        assertThat(servingEval.evalIdsHash()).isEqualTo(candidateEval.evalIdsHash());
        assertThat(candidateEval.labels()).containsExactly("NEGATIVE", "POSITIVE");
        assertThat(candidateEval.confusion().stream().flatMap(List::stream).mapToInt(Integer::intValue).sum()).isEqualTo(8);
        int right = candidateEval.confusion("NEGATIVE", "NEGATIVE") + candidateEval.confusion("POSITIVE", "POSITIVE");
        assertThat(candidateEval.accuracy()).isEqualTo(right / 8.0);
        assertThat(candidateEval.perLabel()).extracting(ModelEvaluation.LabelScores::support).containsExactly(4, 4);
        assertThat(promoted.promoted()).isEqualTo(candidateEval.accuracy() > servingEval.accuracy());
    }

    @Test
    void anAdminPromotesAnEvaluatedVersionByHandAndTheRegistryRecordsWho() {
        LoopConfig loop = loop();
        steps.evaluate(loop, null);
        String candidate = steps.train(loop, TrainingMode.HEAD, 7).version();
        StepResults.Promoted waiting = steps.promote(loop, candidate, PromotePolicy.MANUAL, "accuracy");
        assertThat(waiting.promoted()).isFalse();

        assertThatThrownBy(() -> control.promote(loop.name(), candidate, "alice"))
                .hasMessageContaining("loop '" + loop.name() + "'").hasMessageContaining("not evaluated");
        assertThatThrownBy(() -> control.promote(loop.name(), "v99", "alice")).hasMessageContaining("no model version 'v99'");
        assertThatThrownBy(() -> control.promote("no-such-loop", candidate, "alice")).hasMessageContaining("no-such-loop");
        steps.evaluate(loop, candidate);
        assertThatThrownBy(() -> control.promote(loop.name(), candidate, " ")).hasMessageContaining("the user");

        ModelVersion promoted = control.promote(loop.name(), candidate, "alice");

        assertThat(promoted.status()).isEqualTo(ModelStatus.CURRENT);
        assertThat(promoted.promotion().by()).isEqualTo("alice");
        assertThat(registry.current(loop.name()).orElseThrow().version()).isEqualTo(candidate);
        assertThat(steps.score(loop).modelVersion()).as("the promoted version scores").isEqualTo(candidate);
    }

    @Test
    void anAdminCanPromoteAGoodVersionWhileTheServingVersionsWeightsAreGone() {
        LoopConfig loop = loop();
        registry.register(new ModelVersion(loop.name(), "v1", 1, loop.dataset(), "all-minilm-l6-v2",
                List.of("NEGATIVE", "POSITIVE"), 8, 8, "", Map.of(), Map.of(), "/nowhere/v1", null, ModelStatus.CANDIDATE));
        registry.promote(loop.name(), "v1");
        String candidate = steps.train(loop, TrainingMode.HEAD, 7).version();
        steps.evaluate(loop, candidate);

        ModelVersion promoted = control.promote(loop.name(), candidate, "alice");

        assertThat(promoted.promotion().by()).isEqualTo("alice");
        assertThat(steps.score(loop).modelVersion()).as("the promoted version scores").isEqualTo(candidate);
    }

    @Test
    void aFailedVersionCannotBePromotedByHand() {
        LoopConfig loop = loop();
        steps.evaluate(loop, null);
        String candidate = steps.train(loop, TrainingMode.HEAD, 7).version();
        steps.evaluate(loop, candidate);
        registry.setStatus(loop.name(), candidate, ModelStatus.FAILED);

        assertThatThrownBy(() -> control.promote(loop.name(), candidate, "alice")).hasMessageContaining("FAILED");
        assertThat(registry.find(loop.name(), candidate).orElseThrow().promotion()).isNull();
    }

    @Test
    void aModelReplacedByAPromoteKeepsPredictingForItsLeaseHolderAndClosesWhenReleased() {
        LoopConfig loop = loop();
        String first = steps.train(loop, TrainingMode.HEAD, 7).version();
        steps.promote(loop, first, PromotePolicy.ALWAYS, "accuracy");
        String second = steps.train(loop, TrainingMode.HEAD, 8).version();
        ModelLease scoring = models.serving(loop);
        TextClassifier old = scoring.model();
        assertThat(old.version()).isEqualTo(first);

        steps.promote(loop, second, PromotePolicy.ALWAYS, "accuracy");

        assertThat(models.servingVersion(loop)).isEqualTo(second);
        assertThat(old.predict(List.of("my card was declined"))).hasSize(1);
        scoring.close();
        assertThatThrownBy(() -> old.predict(List.of("my card was declined")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void aCandidateThatIsNotPromotedIsLetGoButCanStillBePromotedLaterFromDisk() {
        LoopConfig loop = loop();
        steps.evaluate(loop, null);
        String candidate = steps.train(loop, TrainingMode.HEAD, 7).version();
        TextClassifier inMemory;
        try (ModelLease lease = models.version(loop, candidate)) {
            inMemory = lease.model();
        }
        assertThat(models.candidatesInMemory(loop)).isEqualTo(1);

        steps.promote(loop, candidate, PromotePolicy.MANUAL, "accuracy");

        assertThat(models.candidatesInMemory(loop)).isZero();
        assertThatThrownBy(() -> inMemory.predict(List.of("hello"))).hasMessageContaining("closed");
        steps.evaluate(loop, candidate);
        assertThat(control.promote(loop.name(), candidate, "bob").status()).isEqualTo(ModelStatus.CURRENT);
        assertThat(steps.score(loop).modelVersion()).isEqualTo(candidate);
    }

    @Test
    void aCandidatesFirstEvaluationCalibratesItsScoresAndSavesThemSoForEveryNode() throws Exception {
        LoopConfig loop = loop();
        // Half of these held-out labels contradict their text, so a model sure of its answers is over-confident on
        // them: the fitted temperature must soften its scores (T > 1) and lower the calibration error.
        Map<String, String> moreEval = new LinkedHashMap<>();
        for (int i = 0; i < 2 * Calibration.MIN_EXAMPLES; i++) {
            boolean complaint = i % 2 == 0;
            boolean contradicts = i % 4 >= 2;
            moreEval.put(complaint ? "payment number " + i + " to my landlord was refused twice" : "how do I get statement number " + i,
                    complaint != contradicts ? "NEGATIVE" : "POSITIVE");
        }
        label(loop.evalDataset(), moreEval);
        String candidate = steps.train(loop, TrainingMode.HEAD, 7).version();

        steps.evaluate(loop, candidate);

        ModelVersion version = registry.find(loop.name(), candidate).orElseThrow();
        Double temperature = version.metric(Calibration.TEMPERATURE);
        assertThat(temperature).isGreaterThan(1.0);
        assertThat(version.metric(Calibration.ECE_AFTER)).isLessThan(version.metric(Calibration.ECE_BEFORE));
        List<String> texts = List.of("my card was declined", "how do I top up");
        try (ModelLease lease = models.version(loop, candidate);
             TextClassifier fromDisk = models.runtime().load(Path.of(version.path()))) {
            assertThat(fromDisk.provenance().hyperParameters()).containsEntry(Calibration.TEMPERATURE, temperature);
            assertThat(fromDisk.predict(texts).get(0).maxScore()).isEqualTo(lease.model().predict(texts).get(0).maxScore());
        }
        steps.evaluate(loop, candidate);
        assertThat(registry.find(loop.name(), candidate).orElseThrow().metric(Calibration.TEMPERATURE))
                .as("calibrated once").isEqualTo(temperature);
    }

    @Test
    void aFailedTrainingLeavesItsLabelsCountingSoTheLoopRetriesAtOnce() throws Exception {
        LoopConfig loop = loop();
        steps.evaluate(loop, null);
        assertThat(steps.labelsSinceLastTraining(loop)).isEqualTo(8);
        String next = "v" + (registry.history(loop.name()).size() + 1);
        Path blocker = models.properties().versionDir(loop.name(), next);
        Files.createDirectories(blocker.getParent());
        Files.writeString(blocker, "a file where the version's folder should go");

        assertThatThrownBy(() -> steps.train(loop, TrainingMode.HEAD, 7)).hasMessageContaining("training " + next + " failed");

        assertThat(registry.find(loop.name(), next).orElseThrow().status()).isEqualTo(ModelStatus.FAILED);
        assertThat(steps.labelsSinceLastTraining(loop)).as("not a whole new batch to wait for").isEqualTo(8);
        Files.delete(blocker);
        steps.train(loop, TrainingMode.HEAD, 7);
        assertThat(steps.labelsSinceLastTraining(loop)).isZero();
    }

    @Test
    void theLoopsOwnPromotionsSayWhy() {
        LoopConfig loop = loop();
        String candidate = steps.train(loop, TrainingMode.HEAD, 7).version();

        steps.promote(loop, candidate, PromotePolicy.ALWAYS, "accuracy");

        Promotion promotion = registry.find(loop.name(), candidate).orElseThrow().promotion();
        assertThat(promotion.by()).isEqualTo(Promotion.BY_LOOP);
        assertThat(promotion.reason()).isEqualTo("policy always");
        assertThat(promotion.at()).isNotNull();
    }

    @Test
    void aPromotedVersionsProvenanceAndItsRegistryEntryNameTheSameTrainingIds() {
        LoopConfig loop = loop();
        String candidate = steps.train(loop, TrainingMode.HEAD, 7).version();
        steps.promote(loop, candidate, PromotePolicy.ALWAYS, "accuracy");

        ModelVersion entry = registry.current(loop.name()).orElseThrow();
        assertThat(entry.version()).isEqualTo(candidate);
        List<Example> trained = TRAIN.keySet().stream().map(text -> new Example(id(text), text, TRAIN.get(text))).toList();
        assertThat(entry.idsHash()).isEqualTo(Example.idsHash(trained));
        try (TextClassifier onDisk = models.runtime().load(Path.of(entry.path()))) {
            assertThat(onDisk.provenance().trainingIdsHash()).isEqualTo(entry.idsHash());
        }
    }

    @Test
    void theImportStepCreatesTheLoopsDatasetAndAFailedImportRemovesItAgain() throws Exception {
        String name = "services-import-" + ProcessHandle.current().pid() + "-" + LOOPS.incrementAndGet();
        LoopConfig loop = variant(name, name, Map.of());
        Path bad = Files.writeString(WORK.resolve(name + "-bad.csv"), "body\nno text column here\n");
        Path good = Files.writeString(WORK.resolve(name + "-good.csv"), "text\nmy card was declined\n");

        assertThatThrownBy(() -> steps.importRecords(loop, new LoopSteps.ImportRequest(bad, "text", null, 0)))
                .hasMessageContaining(bad + ":1: no column 'text'");
        assertThat(datasets.find(name)).isEmpty();

        assertThat(steps.importRecords(loop, new LoopSteps.ImportRequest(good, "text", null, 0)).imported()).isEqualTo(1);
        assertThat(datasets.require(name).labels()).containsExactly("NEGATIVE", "POSITIVE");
        assertThatThrownBy(() -> steps.importRecords(loop, new LoopSteps.ImportRequest(bad, "text", null, 0)))
                .hasMessageContaining("no column 'text'");
        assertThat(datasets.find(name)).as("an existing dataset stays").isPresent();
    }

    /** A fresh loop over its own train dataset (8 labels) and eval dataset (4 labels). */
    private LoopConfig loop() {
        String name = "services-" + ProcessHandle.current().pid() + "-" + LOOPS.incrementAndGet();
        String eval = name + "-eval";
        datasets.create(name, List.of("NEGATIVE", "POSITIVE"), 0.0);
        datasets.create(eval, List.of("NEGATIVE", "POSITIVE"), 0.0);
        label(name, TRAIN);
        label(eval, EVAL);
        return variant(name, name, Map.of(LoopConfig.EVAL_DATASET, eval));
    }

    private void label(String dataset, Map<String, String> textToLabel) {
        List<TextRecord> records = new ArrayList<>();
        textToLabel.keySet().forEach(text -> records.add(TextRecord.of(id(text), text, Map.of())));
        datasets.log(dataset, records);
        textToLabel.forEach((text, label) -> datasets.annotate(dataset, List.of(id(text)),
                label, "tester"));
        datasets.refresh(dataset);
    }

    private static String id(String text) {
        return Integer.toHexString(text.hashCode());
    }

    private static Map<String, String> texts(String... labelThenText) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < labelThenText.length; i += 2) {
            m.put(labelThenText[i + 1], labelThenText[i]);
        }
        return m;
    }
}
