package io.labelloop.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.RecordQuery;
import io.labelloop.dataset.RecordStatus;
import io.labelloop.dataset.Split;
import io.labelloop.dataset.TextRecord;
import io.labelloop.loop.simulation.LearningCurve;
import io.labelloop.loop.simulation.Simulation;
import io.labelloop.loop.simulation.SimulationOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The shipped 77-intent loop simulated as {@code ./labelloop simulate --loop banking77-intents --label-column category}
 * does it, at a small size: its own routes, banking77's category column as the annotator's answers, one batch.
 */
class IntentsLoopSimulationTest extends EmbeddedLoopApp {

    private static final String LOOP = "banking77-intents";
    private static final Path BANKING77 = Path.of(System.getProperty("labelloop.datasets", "../../shared/datasets"))
            .resolve("banking77/train.csv");

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    CamelContext camel;
    @Autowired
    DatasetService datasets;

    @Test
    void theIntentsLoopRetrainsOnItsFirstBatchOfSeventySevenLabelsFromTheCategoryColumn(@TempDir Path out)
            throws Exception {
        assumeTrue(Files.exists(BANKING77), "banking77 not found at " + BANKING77 + ": skipped (set labelloop.datasets)");
        SimulationOptions options = SimulationOptions.parse(List.of("--loop", LOOP, "--data", BANKING77.toString(),
                "--label-column", "category", "--pool-size", "500", "--batch", "77", "--budget", "77",
                "--max-score", "1", "--train-mode", "head", "--promote", "always",
                "--out", out.resolve("curve.json").toString()));

        LearningCurve curve = new Simulation(context).run(options, Files.createDirectories(WORK.resolve("intents")));

        assertThat(curve.iterations()).extracting(LearningCurve.Point::labels).containsExactly(0, 77);
        // chance is 1/77: the one-line descriptions already classify, and 77 labels move the model
        assertThat(curve.iterations().get(0).accuracy()).isGreaterThan(0.2);
        assertThat(curve.iterations().get(1).version()).isNotEqualTo(curve.iterations().get(0).version());
        Set<String> intentsLabeled;
        try (Stream<TextRecord> labeled = datasets.stream(LOOP, RecordQuery.all().withSplit(Split.TRAIN)
                .withStatuses(RecordStatus.VALIDATED))) {
            intentsLabeled = labeled.map(TextRecord::label).collect(Collectors.toSet());
        }
        LoggerFactory.getLogger(IntentsLoopSimulationTest.class).info("first batch: {} intents labeled",
                intentsLabeled.size());
        // measured on these 400 pool records: 67 intents with the cold start, 43 with least confidence alone
        assertThat(intentsLabeled).as("the cold start's first batch takes turns over the predicted intents")
                .hasSizeGreaterThanOrEqualTo(60);
    }

    /** The context is shared with the other loop tests: the intents routes stop with this test. */
    @AfterEach
    void stopTheIntentsRoutes() throws Exception {
        for (Route route : camel.getRoutes()) {
            if (route.getRouteId().startsWith(LOOP + "-")) {
                camel.getRouteController().stopRoute(route.getRouteId());
            }
        }
    }
}
