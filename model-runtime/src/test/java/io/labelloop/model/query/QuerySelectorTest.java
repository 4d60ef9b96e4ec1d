package io.labelloop.model.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labelloop.model.core.LabelScore;
import io.labelloop.model.core.Prediction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuerySelectorTest {

    private static Candidate candidate(String id, float positive, float... embedding) {
        Prediction p = new Prediction(List.of(new LabelScore("NEGATIVE", 1 - positive), new LabelScore("POSITIVE", positive)), "v1");
        return new Candidate(id, p, embedding.length == 0 ? null : embedding);
    }

    @Test
    void leastConfidencePicksInsideTheDefaultWindowLowestTopScoreFirst() {
        List<Candidate> c = List.of(candidate("sure", 0.99f), candidate("a", 0.55f), candidate("b", 0.5f), candidate("c", 0.42f));
        QuerySelection s = QuerySelector.builder().setStrategy(QueryStrategy.LEAST_CONFIDENCE).optBatchSize(2).build().select(c);
        assertThat(s.ids()).containsExactly("b", "a");
        assertThat(s.outsideWindow()).isZero();
    }

    @Test
    void whenTheWindowHoldsTooFewTheNextMostUncertainFillTheBatchAndAreCounted() {
        List<Candidate> c = List.of(candidate("sure", 0.99f), candidate("a", 0.5f), candidate("fairly", 0.8f), candidate("very", 0.97f));
        QuerySelection s = QuerySelector.builder().setStrategy(QueryStrategy.LEAST_CONFIDENCE).optBatchSize(3).build().select(c);
        assertThat(s.ids()).containsExactly("a", "fairly", "very");
        assertThat(s.outsideWindow()).isEqualTo(2);
        assertThat(s.filledFromOutsideWindow()).isTrue();
    }

    @Test
    void marginAndEntropyRankTheClosestCallFirst() {
        List<Candidate> c = List.of(candidate("clear", 0.9f), candidate("close", 0.52f), candidate("mid", 0.7f));
        for (QueryStrategy s : List.of(QueryStrategy.MARGIN, QueryStrategy.ENTROPY)) {
            assertThat(QuerySelector.builder().setStrategy(s).optBatchSize(3).build().select(c).ids()).containsExactly("close", "mid", "clear");
        }
    }

    @Test
    void randomIsReproducibleForASeedAndDiffersAcrossSeeds() {
        List<Candidate> c = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            c.add(candidate("r" + i, 0.5f + i / 250f));
        }
        QuerySelector a = QuerySelector.builder().setStrategy(QueryStrategy.RANDOM).optBatchSize(10).optSeed(1).build();
        QuerySelector b = QuerySelector.builder().setStrategy(QueryStrategy.RANDOM).optBatchSize(10).optSeed(2).build();
        List<Candidate> reversed = new ArrayList<>(c);
        java.util.Collections.reverse(reversed);
        assertThat(a.select(c).ids()).isEqualTo(a.select(reversed).ids()).isNotEqualTo(b.select(c).ids());
    }

    @Test
    void diversitySkipsNearDuplicates() {
        List<Candidate> c = List.of(candidate("a", 0.5f, 1, 0), candidate("a-copy", 0.51f, 0.999f, 0.04f), candidate("b", 0.55f, 0, 1));
        QuerySelection s = QuerySelector.builder().setStrategy(QueryStrategy.LEAST_CONFIDENCE).optBatchSize(2)
                .optDiversity(Diversity.SKIP_NEAR_DUPLICATES).build().select(c);
        assertThat(s.ids()).containsExactly("a", "b");
        assertThat(s.skippedNearDuplicates()).isEqualTo(1);
    }

    @Test
    void maxMinCosinePicksTheFarthestAfterTheMostUncertain() {
        List<Candidate> c = List.of(candidate("first", 0.5f, 1, 0, 0), candidate("near", 0.51f, 0.9f, 0.43f, 0),
                candidate("far", 0.55f, -1, 0.1f, 0), candidate("side", 0.56f, 0, 0, 1));
        QuerySelection s = QuerySelector.builder().setStrategy(QueryStrategy.LEAST_CONFIDENCE).optBatchSize(3)
                .optDiversity(Diversity.MAX_MIN_COSINE).build().select(c);
        assertThat(s.ids()).containsExactly("first", "far", "side");
    }

    @Test
    void diversityWithoutEmbeddingsNamesTheCandidate() {
        List<Candidate> c = List.of(candidate("x", 0.5f));
        assertThatThrownBy(() -> QuerySelector.builder().setStrategy(QueryStrategy.ENTROPY).optDiversity(Diversity.SKIP_NEAR_DUPLICATES)
                .build().select(c)).hasMessageContaining("'x'");
    }
    /** A prediction of {@code label} at {@code top} (at least 0.3), the rest shared by three other labels. */
    private static Candidate predicted(String id, String label, float top) {
        float rest = (1 - top) / 3;
        Prediction p = new Prediction(List.of(new LabelScore(label, top), new LabelScore("x", rest),
                new LabelScore("y", rest), new LabelScore("z", rest)), "v1");
        return new Candidate(id, p, null);
    }

    @Test
    void withLabelCoverageABatchTakesTurnsOverThePredictedLabelsSoThatEveryLabelGetsAPick() {
        List<Candidate> c = List.of(predicted("a1", "a", 0.30f), predicted("a2", "a", 0.31f), predicted("a3", "a", 0.32f),
                predicted("a4", "a", 0.33f), predicted("b1", "b", 0.50f), predicted("c1", "c", 0.55f));
        QuerySelector.Builder leastConfidence = QuerySelector.builder().setStrategy(QueryStrategy.LEAST_CONFIDENCE)
                .optBatchSize(3).optScoreWindow(0, 1);

        assertThat(leastConfidence.build().select(c).ids()).as("without coverage: all three on label a")
                .containsExactly("a1", "a2", "a3");
        assertThat(leastConfidence.optLabelCoverage(Map.of("a", 2L, "b", 2L, "c", 2L)).build().select(c).ids())
                .containsExactly("a1", "b1", "c1");
    }

    @Test
    void labelsWithFewerHumanLabelsComeFirstAndAnUnlabeledLabelOffersTheRecordTheModelIsSurestAbout() {
        List<Candidate> c = List.of(predicted("a1", "a", 0.30f), predicted("a2", "a", 0.31f), predicted("b1", "b", 0.40f),
                predicted("b2", "b", 0.45f), predicted("c-unsure", "c", 0.50f), predicted("c-sure", "c", 0.90f));

        QuerySelection s = QuerySelector.builder().setStrategy(QueryStrategy.LEAST_CONFIDENCE).optBatchSize(5)
                .optScoreWindow(0, 1).optLabelCoverage(Map.of("a", 5L, "b", 1L)).build().select(c);

        assertThat(s.ids()).containsExactly("c-sure", "b1", "a1", "c-unsure", "b2");
    }
}
