package io.labelloop.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.labelloop.dataset.CsvTable;
import io.labelloop.model.LabelDescription;
import io.labelloop.model.LabelSetFile;
import io.labelloop.model.query.QueryStrategy;
import io.labelloop.model.train.TrainingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LoopConfigLoaderTest {

    private static final Path BANKING77 = Path.of(System.getProperty("labelloop.datasets", "../../shared/datasets"))
            .resolve("banking77/train.csv");

    @Test
    void theShippedBankingLoopLoadsWithTheTutorialsSettings() {
        LoopConfig loop = LoopConfigLoader.load(Path.of("../config/loops/banking-sentiment.yaml"));

        assertThat(loop.name()).isEqualTo("banking-sentiment");
        assertThat(loop.dataset()).isEqualTo("banking-sentiment");
        assertThat(loop.labelSet()).isEqualTo("config/labels/banking-sentiment.yaml");
        assertThat(loop.selection().strategy()).isEqualTo(QueryStrategy.LEAST_CONFIDENCE);
        assertThat(loop.selection().minScore()).isZero();
        assertThat(loop.selection().maxScore()).isEqualTo(0.6);
        assertThat(loop.training().everyLabels()).isEqualTo(50);
        assertThat(loop.promotion().policy()).isEqualTo(PromotePolicy.IF_BETTER);
        assertThat(loop.training().headEpochs()).isEqualTo(100);
    }

    @Test
    void theShippedIntentsLoopLoadsWithSeventySevenLabelsOfOneDescriptionEach() {
        LoopConfig loop = LoopConfigLoader.load(Path.of("../config/loops/banking77-intents.yaml"));
        List<LabelDescription> labels = LabelSetFile.read(Path.of("..").resolve(loop.labelSet()));

        assertThat(loop.dataset()).isEqualTo("banking77-intents");
        assertThat(loop.selection().batchSize()).isEqualTo(77);
        assertThat(loop.training().everyLabels()).isEqualTo(77);
        assertThat(loop.selection().coverLabelsBelow()).as("the cold start over the 77 intents").isEqualTo(2);
        assertThat(loop.evalDataset()).as("nothing shipped to evaluate on: the dataset's eval split").isNull();
        assertThat(labels).hasSize(77).allSatisfy(l -> assertThat(l.descriptions()).hasSize(1));
        assertThat(labels).extracting(LabelDescription::label).contains("Refund_not_showing_up",
                "reverted_card_payment?", "card_arrival", "country_support");
    }

    @Test
    void theIntentsLabelSetIsExactlyTheCategoriesOfBanking77() {
        assumeTrue(Files.exists(BANKING77), "banking77 not found at " + BANKING77 + ": skipped (set labelloop.datasets)");
        CsvTable table = CsvTable.read(BANKING77);
        int category = table.column("category", "category");
        Set<String> categories = table.rows().stream().map(row -> row.get(category)).collect(Collectors.toSet());

        List<LabelDescription> labels = LabelSetFile.read(Path.of("../config/labels/banking77-intents.yaml"));

        assertThat(labels).extracting(LabelDescription::label).containsExactlyInAnyOrderElementsOf(categories);
    }

    @Test
    void unsetFieldsTakeTheNamedDefaultsAndTheNameComesFromTheFile() {
        Path home = LoopFiles.home("tiny", "dataset: tiny-ds\n");

        LoopConfig loop = LoopConfigLoader.load(home.resolve("config/loops/tiny.yaml"));

        assertThat(loop.name()).isEqualTo("tiny");
        assertThat(loop.labelSet()).isEqualTo("config/labels/tiny.yaml");
        assertThat(loop.selection().batchSize()).isEqualTo(LoopConfig.Selection.DEFAULT_BATCH_SIZE);
        assertThat(loop.training().everyLabels()).isEqualTo(LoopConfig.Training.DEFAULT_EVERY_LABELS);
        assertThat(loop.training().mode()).isEqualTo(TrainingMode.HEAD);
        assertThat(loop.queueLow()).isEqualTo(LoopConfig.DEFAULT_QUEUE_LOW);
        assertThat(loop.selection().coverLabelsBelow()).as("no cold start unless asked for").isZero();
    }

    @Test
    void anUnknownFieldIsNamedWithTheFileAndLine() {
        Path home = LoopFiles.home("typo", "dataset: ds\nselection:\n  stratgy: margin\n");

        assertThatThrownBy(() -> LoopConfigLoader.load(home.resolve("config/loops/typo.yaml")))
                .isInstanceOf(LoopException.class)
                .hasMessageContaining("loop 'typo'")
                .hasMessageContaining("typo.yaml line 3")
                .hasMessageContaining("unknown field 'stratgy'");
    }

    @Test
    void anUnknownStrategyListsTheAcceptedOnes() {
        Path home = LoopFiles.home("strat", "dataset: ds\nselection:\n  strategy: most-fun\n");

        assertThatThrownBy(() -> LoopConfigLoader.load(home.resolve("config/loops/strat.yaml")))
                .hasMessageContaining("loop 'strat'")
                .hasMessageContaining("strat.yaml line 3: field 'selection.strategy'")
                .hasMessageContaining("unknown strategy 'most-fun'")
                .hasMessageContaining("least-confidence, margin, entropy, random");
    }

    @Test
    void anUnknownBaseModelIsRefusedListingTheAvailableOnes() {
        Path home = LoopFiles.home("base", "dataset: ds\nbase-model: bert-large\n");

        assertThatThrownBy(() -> LoopConfigLoader.load(home.resolve("config/loops/base.yaml")))
                .hasMessageContaining("base.yaml line 2: field 'base-model'")
                .hasMessageContaining("unknown base model 'bert-large'")
                .hasMessageContaining("all-minilm-l6-v2, bge-small-en-v1.5, e5-small-v2");
    }

    @Test
    void aBaseModelNameIsTakenInAnyCase() {
        Path home = LoopFiles.home("bge", "dataset: ds\nbase-model: BGE-Small-EN-v1.5\n");

        assertThat(LoopConfigLoader.load(home.resolve("config/loops/bge.yaml")).baseModel()).isEqualTo("bge-small-en-v1.5");
    }

    @Test
    void aThresholdOfZeroOrBelowIsRefusedNamingTheField() {
        Path home = LoopFiles.home("zero", "dataset: ds\ntraining:\n  every-labels: 0\n");

        assertThatThrownBy(() -> LoopConfigLoader.load(home.resolve("config/loops/zero.yaml")))
                .hasMessageContaining("loop 'zero'")
                .hasMessageContaining("zero.yaml line 3: field 'training.every-labels' must be greater than 0, got 0");
        Path negative = LoopFiles.home("cover", "dataset: ds\nselection:\n  cover-labels-below: -1\n");
        assertThatThrownBy(() -> LoopConfigLoader.load(negative.resolve("config/loops/cover.yaml")))
                .hasMessageContaining("cover.yaml line 3: field 'selection.cover-labels-below' must be 0 (never) or more");
    }

    @Test
    void theLineOfAFieldIsTheLineOfItsKeyAtAnyDepth() {
        Path file = LoopFiles.write(LoopFiles.home("lines", "dataset: ds\n"), "lines", """
                # a comment
                name: lines
                selection: {strategy: margin}
                properties:
                  import-file: data/x.csv
                  # the held-out set
                  eval-dataset: held-out
                dataset: ds
                """);

        assertThat(LoopConfigLoader.lineOf(file, "dataset")).isEqualTo(8);
        assertThat(LoopConfigLoader.lineOf(file, "properties.eval-dataset")).isEqualTo(7);
        assertThat(LoopConfigLoader.lineOf(file, "selection.strategy")).isEqualTo(3);
        assertThat(LoopConfigLoader.lineOf(file, "eval-dataset")).as("only at its own depth").isZero();
        assertThat(LoopConfigLoader.lineOf(file, "name.dataset")).isZero();
        assertThat(LoopConfigLoader.lineOf(file.resolveSibling("gone.yaml"), "dataset")).isZero();
    }

    @Test
    void aLoopWithoutDatasetIsRefused() {
        Path home = LoopFiles.home("nodata", "selection:\n  batch-size: 10\n");

        assertThatThrownBy(() -> LoopConfigLoader.load(home.resolve("config/loops/nodata.yaml")))
                .hasMessageContaining("loop 'nodata'").hasMessageContaining("field 'dataset' is required");
    }

    @Test
    void invalidYamlIsReportedWithTheFileAndLine() {
        Path home = LoopFiles.home("broken", "dataset: ds\nselection: [unclosed\n");

        assertThatThrownBy(() -> LoopConfigLoader.load(home.resolve("config/loops/broken.yaml")))
                .hasMessageContaining("broken.yaml line").hasMessageContaining("invalid YAML");
    }

    @Test
    void theCatalogNamesTheFolderWhenALoopIsMissing() {
        LoopCatalog catalog = LoopFiles.catalog(LoopFiles.home("one", LoopFiles.MINIMAL));

        assertThat(catalog.get("one").dataset()).isEqualTo("ds");
        assertThatThrownBy(() -> catalog.get("two"))
                .hasMessageContaining("loop 'two'").hasMessageContaining("config/loops/two.yaml")
                .hasMessageContaining("[one]");
    }
}
