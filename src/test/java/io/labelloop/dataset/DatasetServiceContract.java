package io.labelloop.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.labelloop.store.OpenSearchStore;
import io.labelloop.store.StoreFixture;

/** Dataset behaviour every store (embedded node, two-node cluster) must show. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DatasetServiceContract {

    private static final List<String> LABELS = List.of("negative", "neutral", "positive");
    private DatasetService datasets;

    protected abstract OpenSearchStore store();

    @BeforeAll
    void startServices() {
        datasets = new DatasetService(store(), DatasetProperties.defaults());
    }

    private String datasetWith(int records) {
        String name = StoreFixture.uniqueName("ds");
        datasets.create(name, LABELS);
        List<TextRecord> logged = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            logged.add(TextRecord.of("r" + i, "my card number " + i + (i % 2 == 0 ? " was lost" : " arrived"),
                    Map.of("intent", i % 2 == 0 ? "lost_card" : "card_arrival")));
        }
        datasets.log(name, logged);
        datasets.refresh(name);
        return name;
    }

    @Test
    public void createdDatasetsAreListedAndFoundWithTheirLabels() {
        String name = StoreFixture.uniqueName("ds");
        datasets.create(name, LABELS);

        assertThat(datasets.find(name)).get().extracting(Dataset::labels).isEqualTo(LABELS);
        assertThat(datasets.list()).extracting(Dataset::name).contains(name);
        assertThatThrownBy(() -> datasets.create(name, LABELS)).hasMessageContaining("already exists");
    }

    @Test
    public void anUnknownDatasetIsNamedInTheError() {
        assertThatThrownBy(() -> datasets.count("no-such-dataset", RecordQuery.all()))
                .isInstanceOf(DatasetNotFoundException.class).hasMessageContaining("no-such-dataset");
    }

    @Test
    public void searchFiltersByFreeTextAndMetadataAndPagesWithSearchAfter() {
        String name = datasetWith(50);

        assertThat(datasets.count(name, RecordQuery.all().withText("lost"))).isEqualTo(25);
        assertThat(datasets.count(name, RecordQuery.all().withMetadata("intent", "card_arrival"))).isEqualTo(25);
        assertThat(datasets.count(name, RecordQuery.all().withText("metadata.intent:lost_card AND number"))).isEqualTo(25);
        assertThatThrownBy(() -> datasets.search(name, RecordQuery.all().withText("card AND ("), 10, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'card AND ('");

        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            RecordPage page = datasets.search(name, RecordQuery.all(), 7, cursor);
            assertThat(page.total()).isEqualTo(50);
            page.records().forEach(r -> assertThat(seen.add(r.id())).as("no record twice: " + r.id()).isTrue());
            cursor = page.next();
            pages++;
        } while (cursor != null);
        assertThat(seen).hasSize(50);
        assertThat(pages).isEqualTo(8);
    }

    @Test
    public void predictionsAreStoredWithTheModelVersionAndFilterableByScore() {
        String name = datasetWith(20);
        Map<String, List<PredictedLabel>> predictions = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            double top = 0.35 + i * 0.03;
            predictions.put("r" + i, List.of(new PredictedLabel("neutral", (1 - top) / 2),
                    new PredictedLabel(i < 10 ? "negative" : "positive", top), new PredictedLabel("x", (1 - top) / 2)));
        }

        assertThat(datasets.storePredictions(name, predictions, "v1")).isEqualTo(20);
        datasets.refresh(name);

        TextRecord r3 = datasets.record(name, "r3").orElseThrow();
        assertThat(r3.predictedLabel()).isEqualTo("negative");
        assertThat(r3.maxScore()).isEqualTo(0.35 + 3 * 0.03);
        assertThat(r3.predictions().get(0).label()).isEqualTo("negative");
        assertThat(r3.predictionAgent()).isEqualTo("v1");
        RecordQuery uncertain = RecordQuery.all().withScoreBetween(0.0, 0.6).withModelVersion("v1");
        assertThat(datasets.count(name, uncertain)).isEqualTo(9);
        List<TextRecord> leastConfident = datasets.search(name, uncertain.sortedBy(RecordSort.SCORE_ASC), 3, null).records();
        assertThat(leastConfident).extracting(TextRecord::id).containsExactly("r0", "r1", "r2");
        assertThat(datasets.count(name, RecordQuery.all().withPredictedLabels("positive"))).isEqualTo(10);
    }

    @Test
    public void aLabelOnAnOutdatedRevisionIsRefusedAndTheFirstLabelKept() {
        String name = datasetWith(3);
        TextRecord seen = datasets.record(name, "r1").orElseThrow();

        TextRecord labeled = datasets.annotate(name, "r1", seen.revision(), "positive", "ann");
        assertThat(labeled.status()).isEqualTo(RecordStatus.VALIDATED);

        assertThatThrownBy(() -> datasets.annotate(name, "r1", seen.revision(), "negative", "bob"))
                .isInstanceOf(StaleWriteException.class).hasMessageContaining("labeled 'positive' by ann");
        assertThat(datasets.record(name, "r1").orElseThrow().label()).isEqualTo("positive");
        assertThatThrownBy(() -> datasets.annotate(name, "r2", 0, "angry", "ann"))
                .isInstanceOf(UnknownLabelException.class).hasMessageContaining("angry");
    }

    @Test
    public void reloggingExistingRecordsKeepsTheirAnnotationAndRaisesTheRevision() {
        String name = datasetWith(2);
        TextRecord seen = datasets.record(name, "r0").orElseThrow();
        datasets.annotate(name, "r0", seen.revision(), "positive", "ann");
        TextRecord unlabeled = datasets.record(name, "r1").orElseThrow();

        datasets.log(name, List.of(
                TextRecord.of("r0", "my card number 0 was stolen", Map.of("intent", "stolen_card")),
                TextRecord.of("r1", "my card number 1 came", Map.of()),
                TextRecord.of("r9", "a new one", Map.of())));

        TextRecord relogged = datasets.record(name, "r0").orElseThrow();
        assertThat(relogged.text()).isEqualTo("my card number 0 was stolen");
        assertThat(relogged.metadata()).containsEntry("intent", "stolen_card");
        assertThat(relogged.label()).isEqualTo("positive");
        assertThat(relogged.status()).isEqualTo(RecordStatus.VALIDATED);
        assertThat(relogged.revision()).isEqualTo(seen.revision() + 2);
        assertThat(relogged.createdAt()).isEqualTo(seen.createdAt());
        assertThatThrownBy(() -> datasets.annotate(name, "r1", unlabeled.revision(), "negative", "bob"))
                .as("the text changed since bob saw it").isInstanceOf(StaleWriteException.class);
        assertThat(datasets.record(name, "r9").orElseThrow().revision()).isZero();
    }

    @Test
    public void loggedPredictionsOutsideTheLabelSetOrNotProbabilitiesAreRefusedNamingTheRecordAndNothingIsWritten() {
        String name = datasetWith(1);
        TextRecord good = TextRecord.of("new-1", "fine", Map.of());
        TextRecord foreign = predicted("new-2", new PredictedLabel("FOO", 0.9));
        TextRecord tooHigh = predicted("new-3", new PredictedLabel("positive", 1.5));

        assertThatThrownBy(() -> datasets.log(name, List.of(good, foreign)))
                .hasMessageContaining("records[1].predictions").hasMessageContaining("'FOO' is not in the label set");
        assertThatThrownBy(() -> datasets.log(name, List.of(tooHigh)))
                .hasMessageContaining("records[0].predictions").hasMessageContaining("score 1.5");
        assertThatThrownBy(() -> datasets.annotate(name, "nope", 0, "positive", "ann"))
                .isInstanceOf(RecordNotFoundException.class);
        datasets.refresh(name);
        assertThat(datasets.record(name, "new-1")).as("nothing of a refused request is written").isEmpty();
    }

    private static TextRecord predicted(String id, PredictedLabel prediction) {
        return new TextRecord(id, "some text", Map.of(), List.of(prediction), "script", null, null, null, null, null,
                null, 0, null, null);
    }

    @Test
    public void bulkActionsChangeEveryMatchingRecordAndStatsCountThem() {
        String name = datasetWith(10);
        datasets.storePredictions(name, Map.of("r0", List.of(new PredictedLabel("positive", 0.9))), "v1");

        assertThat(datasets.annotate(name, RecordQuery.all().withMetadata("intent", "lost_card"), "negative", "ann")).isEqualTo(5);
        assertThat(datasets.discard(name, List.of("r1", "r3"), "ann")).isEqualTo(2);
        assertThat(datasets.validate(name, List.of("r0", "r5"), "ann")).as("r5 has no prediction").isEqualTo(1);
        datasets.refresh(name);

        assertThat(datasets.record(name, "r0").orElseThrow().label()).isEqualTo("positive");
        DatasetStats stats = datasets.stats(name, RecordQuery.all());
        assertThat(stats.total()).isEqualTo(10);
        assertThat(stats.statuses()).containsEntry(RecordStatus.VALIDATED, 5L).containsEntry(RecordStatus.DISCARDED, 2L)
                .containsEntry(RecordStatus.DEFAULT, 3L);
        assertThat(stats.labels()).containsEntry("negative", 4L).containsEntry("positive", 1L);
        assertThat(stats.scoreHistogram()).hasSize(10);
        assertThat(stats.scoreHistogram().get(9).count()).isEqualTo(1);
    }

    @Test
    public void aBulkActionOnRecordsReadEarlierSkipsTheOnesLabeledSince() {
        String name = datasetWith(4);
        datasets.storePredictions(name, Map.of("r2", List.of(new PredictedLabel("positive", 0.9))), "v1");
        datasets.refresh(name);
        Map<String, Long> seen = new LinkedHashMap<>();
        datasets.search(name, RecordQuery.all(), 10, null).records().forEach(r -> seen.put(r.id(), r.revision()));
        datasets.annotate(name, "r0", seen.get("r0"), "positive", "ann");
        datasets.annotate(name, "r2", seen.get("r2"), "neutral", "ann");

        assertThat(datasets.annotate(name, Map.of("r0", seen.get("r0"), "r1", seen.get("r1")), "negative", "bob"))
                .isEqualTo(new BulkOutcome(1, 1));
        assertThat(datasets.validate(name, Map.of("r2", seen.get("r2")), "bob")).isEqualTo(new BulkOutcome(0, 1));
        assertThat(datasets.discard(name, Map.of("r0", seen.get("r0"), "r3", seen.get("r3")), "bob"))
                .isEqualTo(new BulkOutcome(1, 1));

        assertThat(datasets.record(name, "r0").orElseThrow().label()).isEqualTo("positive");
        assertThat(datasets.record(name, "r0").orElseThrow().status()).isEqualTo(RecordStatus.VALIDATED);
        assertThat(datasets.record(name, "r1").orElseThrow().label()).isEqualTo("negative");
        assertThat(datasets.record(name, "r2").orElseThrow().label()).isEqualTo("neutral");
        assertThat(datasets.record(name, "r3").orElseThrow().status()).isEqualTo(RecordStatus.DISCARDED);
    }

    @Test
    public void splitsAreStableAndRoughlyTheConfiguredFraction() {
        String name = datasetWith(400);
        long eval = datasets.count(name, RecordQuery.all().withSplit(Split.EVAL));
        assertThat(eval).isBetween(50L, 110L);
        assertThat(Splits.of("r7", 0.2)).isEqualTo(datasets.record(name, "r7").orElseThrow().split());
    }

    @Test
    public void streamingReturnsEveryMatchingRecordOnce() {
        String name = datasetWith(2500);
        try (var stream = datasets.stream(name, RecordQuery.all().withText("arrived"))) {
            assertThat(stream.map(TextRecord::id).distinct().count()).isEqualTo(1250);
        }
    }
}
