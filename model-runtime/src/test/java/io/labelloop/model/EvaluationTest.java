package io.labelloop.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static final List<String> LABELS = List.of("NEGATIVE", "POSITIVE");

    @Test
    void computesAccuracyMacroF1PerLabelMetricsAndConfusion() {
        // gold N N N P P, predicted N N P P N
        Evaluation e = Evaluation.of(LABELS, List.of("NEGATIVE", "NEGATIVE", "NEGATIVE", "POSITIVE", "POSITIVE"),
                List.of("NEGATIVE", "NEGATIVE", "POSITIVE", "POSITIVE", "NEGATIVE"));
        assertThat(e.accuracy()).isCloseTo(0.6, offset(1e-9));
        assertThat(e.confusion()).isDeepEqualTo(new int[][] {{2, 1}, {1, 1}});
        assertThat(e.perLabel().get("NEGATIVE").precision()).isCloseTo(2.0 / 3, offset(1e-9));
        assertThat(e.perLabel().get("NEGATIVE").recall()).isCloseTo(2.0 / 3, offset(1e-9));
        assertThat(e.perLabel().get("POSITIVE").precision()).isCloseTo(0.5, offset(1e-9));
        assertThat(e.perLabel().get("POSITIVE").recall()).isCloseTo(0.5, offset(1e-9));
        assertThat(e.macroF1()).isCloseTo((2.0 / 3 + 0.5) / 2, offset(1e-9));
        assertThat(e.summary()).containsEntry("accuracy", 0.6).containsKey("recall.POSITIVE");
    }

    @Test
    void aLabelNeverPredictedHasZeroPrecisionInsteadOfNaN() {
        Evaluation e = Evaluation.of(LABELS, List.of("POSITIVE", "NEGATIVE"), List.of("NEGATIVE", "NEGATIVE"));
        assertThat(e.perLabel().get("POSITIVE").precision()).isZero();
        assertThat(e.perLabel().get("POSITIVE").f1()).isZero();
    }

    @Test
    void rejectsALabelOutsideTheSetNamingTheExample() {
        assertThatThrownBy(() -> Evaluation.of(LABELS, List.of("NEUTRAL"), List.of("NEGATIVE")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NEUTRAL").hasMessageContaining("example 0");
    }
}
