package io.labelloop.loop.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.vaadin.flow.dom.Element;

import io.labelloop.dataset.Annotation;
import io.labelloop.dataset.PredictedLabel;
import io.labelloop.dataset.RecordStatus;
import io.labelloop.dataset.TextRecord;
import io.labelloop.registry.ModelEvaluation;

class ConfusionMatrixTest {

    private static final List<String> LABELS = List.of("NEGATIVE", "POSITIVE");

    @Test
    void countsTrueLabelsAgainstPredictionsAndSkipsRecordsMissingEither() {
        ConfusionMatrix m = ConfusionMatrix.of(LABELS, Stream.of(
                record("NEGATIVE", "NEGATIVE"), record("NEGATIVE", "POSITIVE"), record("POSITIVE", "POSITIVE"),
                record("POSITIVE", "POSITIVE"), record(null, "POSITIVE"), record("NEGATIVE", null)));
        assertThat(m.records()).isEqualTo(4);
        assertThat(m.get("NEGATIVE", "NEGATIVE")).isEqualTo(1);
        assertThat(m.get("NEGATIVE", "POSITIVE")).isEqualTo(1);
        assertThat(m.get("POSITIVE", "NEGATIVE")).isZero();
        assertThat(m.get("POSITIVE", "POSITIVE")).isEqualTo(2);
        assertThat(m.accuracy()).isEqualTo(0.75);
    }

    @Test
    void theMatrixStoredWithAnEvaluationKeepsItsOwnLabelOrderAndCounts() {
        ModelEvaluation stored = new ModelEvaluation(List.of("POSITIVE", "NEGATIVE"), 20, 0.9, 0.899, List.of(),
                List.of(List.of(10, 1), List.of(1, 8)), "held-out", "h", null);
        ConfusionMatrix m = ConfusionMatrix.of(stored);
        assertThat(m.labels()).containsExactly("POSITIVE", "NEGATIVE");
        assertThat(m.get("POSITIVE", "NEGATIVE")).isEqualTo(1);
        assertThat(m.get("NEGATIVE", "NEGATIVE")).isEqualTo(8);
        assertThat(m.records()).isEqualTo(20);
        assertThat(m.accuracy()).isEqualTo(0.9);
    }

    @Test
    void theTopConfusionsAreTheLargestOffDiagonalCellsWithTheShareOfTheirTrueLabel() {
        ConfusionMatrix m = ConfusionMatrix.of(List.of("a", "b", "c"), Stream.of(record("a", "b"), record("a", "b"),
                record("a", "a"), record("b", "c"), record("c", "a"), record("c", "c"), record("b", "b")));

        assertThat(m.topConfusions(2)).containsExactly(new ConfusionMatrix.Confusion("a", "b", 2, 3),
                new ConfusionMatrix.Confusion("b", "c", 1, 2));
        assertThat(m.topConfusions(10)).hasSize(3).noneMatch(c -> c.truth().equals(c.predicted()));
    }

    @Test
    void seventySevenLabelsGetTheTopConfusionsInsteadOfTheMatrixWhileTwoKeepTheMatrix() {
        List<String> intents = IntStream.range(0, 77).mapToObj(i -> "intent_" + i).toList();
        ConfusionMatrix many = ConfusionMatrix.of(intents, IntStream.range(0, 77 * 20)
                .mapToObj(i -> record(intents.get(i % 77), intents.get((i % 77 + i / 77) % 77))));

        Element table = ConfusionTable.of(many);

        assertThat(table.getAttribute("data-top-confusions")).isEqualTo(String.valueOf(ConfusionTable.TOP_CONFUSIONS));
        assertThat(table.getChildCount()).as("a header and the top rows").isEqualTo(ConfusionTable.TOP_CONFUSIONS + 1);
        assertThat(ConfusionTable.describe(many)).contains("With 77 labels, the 15 most frequent confusions");
        Element two = ConfusionTable.of(ConfusionMatrix.of(LABELS, Stream.of(record("NEGATIVE", "POSITIVE"))));
        assertThat(two.getChildCount()).as("a header and a row per true label").isEqualTo(3);
        assertThat(ConfusionTable.describe(ConfusionMatrix.of(LABELS, Stream.empty()))).isEmpty();
    }

    @Test
    void anEmptyMatrixHasNoAccuracy() {
        assertThat(ConfusionMatrix.of(LABELS, Stream.empty()).accuracy()).isNull();
    }

    private static TextRecord record(String label, String predicted) {
        List<PredictedLabel> predictions = predicted == null ? List.of() : List.of(new PredictedLabel(predicted, 0.9));
        return new TextRecord("id", "text", Map.of(), predictions, "v1", predicted == null ? null : 0.9, predicted,
                label == null ? null : new Annotation(label, "a", null), RecordStatus.DEFAULT, null, null, 0, null, null);
    }
}
