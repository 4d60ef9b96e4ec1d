package io.labelloop.stopping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.labelloop.dataset.DatasetProperties;
import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.PredictedLabel;
import io.labelloop.dataset.RecordQuery;
import io.labelloop.dataset.RecordStatus;
import io.labelloop.dataset.TextRecord;
import io.labelloop.registry.ModelRegistry;
import io.labelloop.registry.ModelVersion;
import io.labelloop.store.StoreFixture;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The stop set and the per-version predictions in a real embedded OpenSearch node, read back as a second node would. */
class StoppingServiceTest {

    private static final int RECORDS = 40;
    private static final List<String> LABELS = List.of("NEGATIVE", "POSITIVE");

    private static DatasetService datasets;
    private static ModelRegistry registry;
    private static StoppingService stopping;

    @BeforeAll
    static void startStore() {
        datasets = new DatasetService(StoreFixture.store(), DatasetProperties.defaults());
        registry = new ModelRegistry(StoreFixture.store());
        stopping = service();
    }

    private static StoppingService service() {
        return new StoppingService(new StopSets(StoreFixture.store(), datasets), registry,
                new StoppingMeters(new SimpleMeterRegistry()));
    }

    @Test
    void theStopSetIsDrawnFromThePoolAtTheFirstScoreAndComparedOnForEveryLaterVersion() {
        String loop = StoreFixture.uniqueName("stop");
        importPool(loop);
        score(loop, "v1", 0, 0.0, flipped(0));
        datasets.annotate(loop, List.of("r1", "r2"), "POSITIVE", "tester");
        datasets.refresh(loop);
        score(loop, "v2", 50, 0.85, flipped(0));

        WhenToStop status = service().status(loop);

        assertThat(status.stopSetSize()).isEqualTo(RECORDS);
        assertThat(status.kappas()).singleElement().satisfies(k -> {
            assertThat(k.from()).isEqualTo("v1");
            assertThat(k.to()).isEqualTo("v2");
            assertThat(k.records()).as("the two labeled since are no longer scored").isEqualTo(RECORDS - 2);
            assertThat(k.kappa()).isEqualTo(1.0);
        });
        assertThat(status.signal()).isEqualTo(WhenToStop.Signal.TOO_FEW_VERSIONS);
        assertThat(status.forecasts()).as("one trained version is not a curve").isEmpty();
    }

    @Test
    void fourVersionsThatPredictAlikeSignalStopAndThreeTrainedOnesGiveAForecast() {
        String loop = loopScoredBy(0, 0, 0, 0);

        WhenToStop status = stopping.status(loop);

        assertThat(status.kappas()).extracting(KappaStep::kappa).containsExactly(1.0, 1.0, 1.0);
        assertThat(status.signal()).isEqualTo(WhenToStop.Signal.STOP);
        assertThat(status.curvePoints()).as("the zero-shot version has no labels: not a point").isEqualTo(3);
        assertThat(status.forecasts()).extracting(Forecast::atLabels).containsExactly(250L, 650L);
        assertThat(status.forecast(100)).get().satisfies(f -> assertThat(f.accuracy()).isBetween(0.89, 1.0));
    }

    @Test
    void predictionsThatStillChangeKeepTheLoopGoing() {
        String loop = loopScoredBy(0, 6, 6, 0);

        WhenToStop status = stopping.status(loop);

        // 6 of 40 flipped on a 20/20 split: agreement 0.85, chance 0.5, kappa 0.7; v2 and v3 flipped the same ones
        assertThat(status.kappas()).extracting(KappaStep::kappa).satisfiesExactly(
                k -> assertThat(k).isCloseTo(0.7, within(1e-9)), k -> assertThat(k).isEqualTo(1.0),
                k -> assertThat(k).isCloseTo(0.7, within(1e-9)));
        assertThat(status.meanKappa()).isCloseTo(0.8, within(1e-9));
        assertThat(status.signal()).isEqualTo(WhenToStop.Signal.CONTINUE);
    }

    @Test
    void aLargePoolGivesAStopSetOfAThousandThatTheSameSeedDrawsAgainAndAnotherSeedDoesNot() {
        StopSets sets = new StopSets(StoreFixture.store(), datasets);
        List<String> pools = IntStream.range(0, 2).mapToObj(i -> StoreFixture.uniqueName("stop")).toList();
        pools.forEach(pool -> importPool(pool, StopSets.SIZE + 100));

        StopSet first = sets.stopSet(pools.get(0), pools.get(0), 42);
        StopSet sameSeed = sets.stopSet(pools.get(1), pools.get(1), 42);
        StopSet otherSeed = sets.stopSet(StoreFixture.uniqueName("other-loop"), pools.get(1), 43);

        assertThat(first.ids()).hasSize(StopSets.SIZE).doesNotHaveDuplicates();
        assertThat(sameSeed.ids()).isEqualTo(first.ids());
        assertThat(otherSeed.ids()).isNotEqualTo(first.ids());
        assertThat(sets.stopSet(pools.get(0), pools.get(0), 7).ids()).as("drawn once, then kept").isEqualTo(first.ids());
    }

    /**
     * A loop whose zero-shot v1 and trained v2, v3, v4 (50, 100, 150 labels; accuracy 0.85, 0.88, 0.89) scored its
     * pool, each with the first {@code flips[i]} records predicted the other way round.
     */
    private static String loopScoredBy(int... flips) {
        String loop = StoreFixture.uniqueName("stop");
        importPool(loop);
        double[] accuracies = {0, 0.85, 0.88, 0.89};
        for (int i = 0; i < flips.length; i++) {
            score(loop, "v" + (i + 1), 50L * i, accuracies[i], flipped(flips[i]));
        }
        return loop;
    }

    private static void importPool(String dataset) {
        importPool(dataset, RECORDS);
    }

    private static void importPool(String dataset, int records) {
        datasets.create(dataset, LABELS, 0.0);
        datasets.log(dataset, IntStream.range(0, records)
                .mapToObj(i -> TextRecord.of("r" + i, "text " + i, Map.of())).toList());
        datasets.refresh(dataset);
    }

    /** NEGATIVE for even records and POSITIVE for odd ones, the first {@code flips} records the other way round. */
    private static Map<String, String> flipped(int flips) {
        Map<String, String> labels = new HashMap<>();
        for (int i = 0; i < RECORDS; i++) {
            boolean even = i % 2 == 0;
            labels.put("r" + i, (i < flips) != even ? "NEGATIVE" : "POSITIVE");
        }
        return labels;
    }

    /** As the score step does: the version's predictions stored on the pool's records, then kept for stopping. */
    private static void score(String loop, String version, long trainingLabels, double accuracy,
                              Map<String, String> predicted) {
        registry.register(new ModelVersion(loop, version, 0, loop, "base", LABELS, trainingLabels, trainingLabels,
                "", Map.of(), accuracy > 0 ? Map.of(ModelVersion.ACCURACY, accuracy) : Map.of(), "/tmp/" + version,
                null, null));
        Map<String, List<PredictedLabel>> byId = new HashMap<>();
        try (Stream<TextRecord> pool = datasets.stream(loop, RecordQuery.all().withStatuses(RecordStatus.DEFAULT))) {
            pool.forEach(r -> byId.put(r.id(), List.of(new PredictedLabel(predicted.get(r.id()), 0.9))));
        }
        datasets.storePredictions(loop, byId, version);
        datasets.refresh(loop);
        stopping.recordScored(loop, loop, 42, version);
    }
}
