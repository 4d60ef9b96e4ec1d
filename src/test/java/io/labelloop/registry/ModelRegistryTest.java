package io.labelloop.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch._types.Refresh;

import io.labelloop.model.Evaluation;
import io.labelloop.store.StoreFixture;

class ModelRegistryTest {

    private static ModelRegistry registry;

    @BeforeAll
    static void startStore() {
        registry = new ModelRegistry(StoreFixture.store());
    }

    private static ModelVersion version(String loop, String version, long labels, double accuracy) {
        return new ModelVersion(loop, version, 0, "banking", "all-MiniLM-L6-v2", List.of("negative", "neutral", "positive"),
                labels, labels + labels / 4, "sha256:" + version, Map.of("epochs", "4"),
                Map.of(ModelVersion.ACCURACY, accuracy, ModelVersion.MACRO_F1, accuracy - 0.05,
                        ModelVersion.TRAIN_SECONDS, 12.5), "/models/" + version, null, null);
    }

    @Test
    void versionsAreNumberedInOrderAndPromotionRetiresThePreviousCurrent() {
        String loop = StoreFixture.uniqueName("loop");
        assertThat(registry.current(loop)).isEmpty();

        ModelVersion v1 = registry.register(version(loop, "v1", 100, 0.80));
        ModelVersion v2 = registry.register(version(loop, "v2", 300, 0.90));
        registry.promote(loop, "v1");
        registry.promote(loop, "v2");

        assertThat(v1.iteration()).isEqualTo(1);
        assertThat(v2.iteration()).isEqualTo(2);
        assertThat(v2.createdAt()).isNotNull();
        assertThat(registry.current(loop)).get().extracting(ModelVersion::version).isEqualTo("v2");
        assertThat(registry.history(loop)).extracting(ModelVersion::status)
                .containsExactly(ModelStatus.RETIRED, ModelStatus.CURRENT);
    }

    @Test
    void iterationsCarryTheMetricsTheDashboardsPlot() {
        String loop = StoreFixture.uniqueName("loop");
        registry.register(version(loop, "v1", 100, 0.80));
        registry.register(version(loop, "v2", 300, 0.91));
        registry.updateMetrics(loop, "v2", Map.of(ModelVersion.SCORE_SECONDS, 42.0));

        List<Iteration> iterations = registry.iterations(loop);

        assertThat(iterations).extracting(Iteration::iteration).containsExactly(1, 2);
        Iteration second = iterations.get(1);
        assertThat(second.accuracy()).isEqualTo(0.91);
        assertThat(second.macroF1()).isEqualTo(0.86, Offset.offset(1e-9));
        assertThat(second.labeledCount()).isEqualTo(375);
        assertThat(second.trainSeconds()).isEqualTo(12.5);
        assertThat(second.scoreSeconds()).isEqualTo(42.0);
        assertThat(iterations.get(0).scoreSeconds()).isNull();
    }

    @Test
    void duplicateVersionsUnknownVersionsAndFailedVersionsAreRefused() {
        String loop = StoreFixture.uniqueName("loop");
        registry.register(version(loop, "v1", 100, 0.8));
        registry.register(version(loop, "v2", 100, 0.8));
        registry.setStatus(loop, "v2", ModelStatus.FAILED);

        assertThatThrownBy(() -> registry.register(version(loop, "v1", 1, 0.1))).hasMessageContaining("already has");
        assertThatThrownBy(() -> registry.promote(loop, "v9")).hasMessageContaining("no model version 'v9'");
        assertThatThrownBy(() -> registry.promote(loop, "v2")).hasMessageContaining("FAILED");
        assertThat(registry.find(loop, "v1")).get().extracting(ModelVersion::hyperParameters)
                .isEqualTo(Map.of("epochs", "4"));
    }

    @Test
    void aVersionStoredBeforeEvaluationsAndPromotionsWereStoredStillLoads() throws Exception {
        String loop = StoreFixture.uniqueName("loop");
        Map<String, Object> old = new LinkedHashMap<>();
        old.put("loop", loop);
        old.put("version", "v1");
        old.put("iteration", 1);
        old.put("labels", List.of("negative", "positive"));
        old.put("trainingSize", 50);
        old.put("metrics", Map.of("accuracy", 0.9));
        old.put("path", "/models/v1");
        old.put("createdAt", "2026-11-01T10:00:00Z");
        old.put("status", "CURRENT");
        StoreFixture.store().client().index(i -> i.index(StoreFixture.store().index("models")).id(loop + ":v1")
                .document(old).refresh(Refresh.True));

        ModelVersion loaded = registry.find(loop, "v1").orElseThrow();

        assertThat(loaded.evaluation()).isNull();
        assertThat(loaded.promotion()).isNull();
        assertThat(loaded.evaluated()).as("its accuracy says it was evaluated").isTrue();
        assertThat(loaded.metric(ModelVersion.ACCURACY)).isEqualTo(0.9);
    }

    @Test
    void theFullEvaluationAndWhoPromotedAreStoredWithTheVersion() {
        String loop = StoreFixture.uniqueName("loop");
        registry.register(version(loop, "v1", 100, 0.5));
        Evaluation evaluation = Evaluation.of(List.of("negative", "positive"),
                List.of("negative", "negative", "positive", "positive", "positive"),
                List.of("negative", "positive", "positive", "positive", "negative"));

        registry.updateEvaluation(loop, "v1", ModelEvaluation.of(evaluation, "held-out", "hash-1", Instant.now()));
        registry.promote(loop, "v1", new Promotion("alice", Instant.now(), "by hand"));

        ModelVersion stored = registry.find(loop, "v1").orElseThrow();
        assertThat(stored.evaluation().confusion()).containsExactly(List.of(1, 1), List.of(1, 2));
        assertThat(stored.evaluation().confusion("positive", "negative")).isEqualTo(1);
        assertThat(stored.evaluation().perLabel()).extracting(ModelEvaluation.LabelScores::recall)
                .containsExactly(0.5, 2.0 / 3);
        assertThat(stored.metric(ModelVersion.ACCURACY)).isEqualTo(0.6, Offset.offset(1e-9));
        assertThat(stored.promotion().by()).isEqualTo("alice");
        assertThat(stored.status()).isEqualTo(ModelStatus.CURRENT);
    }

    @Test
    void aReEvaluationOnALargerEvalSetKeepsTheFirstFigureWithItsEvalSetAndIsMarked() {
        String loop = StoreFixture.uniqueName("loop");
        registry.register(version(loop, "v1", 100, 0.5));
        registry.register(version(loop, "v2", 200, 0.5));
        Instant first = Instant.parse("2026-12-01T10:00:00Z");
        registry.updateEvaluation(loop, "v1", evaluation(4, 5, "small", first));
        registry.updateEvaluation(loop, "v2", evaluation(5, 5, "small", first.plusSeconds(60)));

        registry.updateEvaluation(loop, "v1", evaluation(15, 20, "large", first.plusSeconds(120)));

        List<EvaluationEntry> history = registry.evaluations(loop);
        assertThat(history).extracting(EvaluationEntry::version, EvaluationEntry::evalSet, EvaluationEntry::count,
                        EvaluationEntry::accuracy, EvaluationEntry::reEvaluation)
                .containsExactly(
                        tuple("v1", "small", 5, 0.8, false),
                        tuple("v2", "small", 5, 1.0, false),
                        tuple("v1", "large", 20, 0.75, true));
        EvaluationEntry again = history.get(2);
        assertThat(again.previousEvalSet()).isEqualTo("small");
        assertThat(again.previousCount()).isEqualTo(5);
        assertThat(again.previousAccuracy()).isEqualTo(0.8);
        assertThat(again.evaluatedAt()).isEqualTo(first.plusSeconds(120));
        assertThat(registry.find(loop, "v1").orElseThrow().metric(ModelVersion.ACCURACY))
                .as("the version itself carries its latest figure").isEqualTo(0.75);
    }

    @Test
    void anEvaluationRepeatingTheLastMeasurementAddsNoEntry() {
        String loop = StoreFixture.uniqueName("loop");
        registry.register(version(loop, "v1", 100, 0.5));
        Instant first = Instant.parse("2026-12-01T10:00:00Z");
        registry.updateEvaluation(loop, "v1", evaluation(4, 5, "held-out", first));

        registry.updateEvaluation(loop, "v1", evaluation(4, 5, "held-out", first.plusSeconds(600)));

        assertThat(registry.evaluations(loop)).singleElement()
                .extracting(EvaluationEntry::evaluatedAt).isEqualTo(first);
        assertThat(registry.evaluations(StoreFixture.uniqueName("other"))).as("per loop").isEmpty();
    }

    /** {@code right} of {@code count} binary examples predicted right, on eval set {@code set} (its ids hash). */
    private static ModelEvaluation evaluation(int right, int count, String set, Instant at) {
        List<String> gold = IntStream.range(0, count).mapToObj(i -> "positive").toList();
        List<String> predicted = IntStream.range(0, count)
                .mapToObj(i -> i < right ? "positive" : "negative").toList();
        return ModelEvaluation.of(Evaluation.of(List.of("negative", "positive"), gold, predicted), set,
                "hash-" + set + "-" + count, at);
    }
}
