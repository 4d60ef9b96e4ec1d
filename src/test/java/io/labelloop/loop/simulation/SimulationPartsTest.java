package io.labelloop.loop.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.labelloop.model.query.QueryStrategy;
import io.labelloop.model.train.TrainingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationPartsTest {

    @Test
    void optionsTakeTheIssuesDefaultsAndNameABadOption() {
        SimulationOptions o = SimulationOptions.parse(List.of("--data", "d.csv", "--out", "c.json",
                "--strategy", "random", "--train-mode", "full"));

        assertThat(o.strategy()).isEqualTo(QueryStrategy.RANDOM);
        assertThat(o.trainMode()).isEqualTo(TrainingMode.FULL);
        assertThat(o.batch()).isEqualTo(50);
        assertThat(o.budget()).isEqualTo(300);
        assertThat(o.evalFraction()).isEqualTo(0.2);
        assertThat(o.maxScore()).isEqualTo(0.6);
        assertThatThrownBy(() -> SimulationOptions.parse(List.of("--data", "d", "--out", "o", "--strategy", "luck")))
                .hasMessageContaining("--strategy").hasMessageContaining("unknown strategy 'luck'");
        assertThatThrownBy(() -> SimulationOptions.parse(List.of("--data", "d", "--out", "o", "--batch", "0")))
                .hasMessageContaining("--batch must be greater than 0");
        assertThatThrownBy(() -> SimulationOptions.parse(List.of("--data", "d", "--out", "o", "--bach", "5")))
                .hasMessageContaining("unknown option(s) [--bach]");
        assertThatThrownBy(() -> SimulationOptions.parse(List.of("--out", "o"))).hasMessageContaining("--data is required");
    }

    @Test
    void theAreaUnderTheCurveIsTheMeanAccuracyOverTheLabelRange() {
        LearningCurve c = LearningCurve.of(Map.of(), List.of(point(0, 0.6), point(100, 0.8), point(300, 0.9)),
                List.of(), null);

        // (100 * 0.7 + 200 * 0.85) / 300
        assertThat(c.accuracyAuc()).isCloseTo(0.8, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void curvesAreWrittenAsJsonWithAPngBeside(@TempDir Path dir) throws Exception {
        LearningCurve c = LearningCurve.of(Map.of("strategy", "random", "train_mode", "head"),
                List.of(point(0, 0.7), point(50, 0.85)), List.of("a note"), null);

        Path png = Simulation.write(c, dir.resolve("curve.json"));

        String json = Files.readString(dir.resolve("curve.json"));
        assertThat(json).contains("\"iterations\"", "\"labels\" : 50", "\"macro_f1\"", "\"train_seconds\"",
                "\"score_seconds\"", "\"accuracy_auc\"");
        assertThat(LearningCurve.read(dir.resolve("curve.json")).iterations()).hasSize(2);
        assertThat(png.getFileName().toString()).isEqualTo("curve.png");
        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void quotedCsvFieldsMayHoldCommasQuotesAndLineBreaks(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("d.csv"),
                "text,label\n\"card, \"\"lost\"\"\nagain\",NEGATIVE\nhow do I pay,POSITIVE\n");

        SimulationData data = SimulationData.read(file, "text", "label", 0, 1, "r");

        assertThat(data.texts()).containsEntry("r2", "card, \"lost\"\nagain").containsEntry("r3", "how do I pay");
        assertThat(data.truth()).containsEntry("r2", "NEGATIVE");
        assertThatThrownBy(() -> SimulationData.read(file, "body", "label", 0, 1, "r"))
                .hasMessageContaining("d.csv").hasMessageContaining("no column 'body' (--text-column)");
    }

    @Test
    void eachPointIsForecastOnlyFromThePointsAHundredLabelsBeforeItAndTheErrorsAreSummed() {
        List<LearningCurve.Point> measured = new ArrayList<>(List.of(point(0, 0.88)));
        for (int n = 50; n <= 400; n += 50) {
            measured.add(point(n, 0.95 - 0.6 * Math.pow(n, -0.5)));
        }

        LearningCurve c = LearningCurve.of(Map.of(), measured, List.of(), null);

        // 250 is the first point with three label counts (50, 100, 150) a hundred labels or more before it
        assertThat(c.iterations()).filteredOn(p -> p.forecast() != null).extracting(LearningCurve.Point::labels)
                .containsExactly(250, 300, 350, 400);
        assertThat(c.forecast().checked()).isEqualTo(4);
        assertThat(c.forecast().meanAbsoluteError()).as("points on the curve itself").isLessThan(0.002);
        assertThat(c.forecast().insideInterval()).isEqualTo(4);
    }

    private static LearningCurve.Point point(int labels, double accuracy) {
        return new LearningCurve.Point(labels, accuracy, accuracy - 0.01, 1, 2, "v", true, 1_000);
    }
}
