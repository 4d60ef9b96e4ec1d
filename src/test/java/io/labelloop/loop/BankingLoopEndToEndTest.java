package io.labelloop.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.RecordQuery;
import io.labelloop.dataset.RecordStatus;
import io.labelloop.dataset.TextRecord;
import io.labelloop.loop.simulation.LearningCurve;
import io.labelloop.loop.simulation.SimulatedAnnotator;
import io.labelloop.loop.simulation.Simulation;
import io.labelloop.loop.simulation.SimulationOptions;
import io.labelloop.model.train.TrainingMode;
import io.labelloop.queue.LabelingQueueService;
import io.labelloop.registry.ModelRegistry;
import io.labelloop.registry.ModelVersion;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The shipped banking-sentiment loop end to end: its own routes on the embedded OpenSearch node with the real
 * MiniLM model, labeled by the simulated annotator through the labeling queue service, on a few hundred banking77
 * rows with head-only training.
 */
class BankingLoopEndToEndTest extends EmbeddedLoopApp {

    private static final Path BANKING = Path.of(System.getProperty("labelloop.datasets", "../../shared/datasets"))
            .resolve("banking77/train-sentiment.csv");

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    MeterRegistry meters;
    @Autowired
    ModelRegistry models;
    @Autowired
    DatasetService datasets;
    @Autowired
    LabelingQueueService queue;
    @Autowired
    LoopSteps steps;
    @Autowired
    PrometheusMeterRegistry prometheus;

    @Test
    void theLoopRetrainsAfterEachBatchPromotesRefillsTheQueueAndShowsItInTheMetrics(@TempDir Path out)
            throws Exception {
        assumeTrue(Files.exists(BANKING), "banking77 not found at " + BANKING + ": skipped (set labelloop.datasets)");
        SimulationOptions options = SimulationOptions.parse(List.of("--data", BANKING.toString(),
                "--pool-size", "300", "--batch", "20", "--budget", "40", "--train-mode", "head",
                "--promote", "always", "--out", out.resolve("curve.json").toString()));

        LearningCurve curve = new Simulation(context).run(options, Files.createDirectories(WORK.resolve("sim")));

        assertThat(curve.iterations()).extracting(LearningCurve.Point::labels).containsExactly(0, 20, 40);
        assertThat(curve.iterations()).allSatisfy(p -> assertThat(p.accuracy()).isBetween(0.3, 1.0));
        List<ModelVersion> history = models.history("banking-sentiment");
        assertThat(history).hasSize(3);
        String serving = models.current("banking-sentiment").orElseThrow().version();
        assertThat(serving).as("the version serving after two retrains").isEqualTo(history.get(2).version())
                .isNotEqualTo(history.get(0).version());
        assertThat(gauge("labelloop.model.serving.iteration")).isEqualTo(history.get(2).iteration());
        assertThat(meters.find("labelloop.training.duration").tag("loop", "banking-sentiment").timer().count())
                .isEqualTo(2);
        assertThat(meters.find("labelloop.model.accuracy").tag("version", serving).gauge().value())
                .isEqualTo(curve.iterations().get(2).accuracy());
        assertThat(queue.depth("banking-sentiment")).as("the queue refilled after the last retrain").isEqualTo(20);
        assertThat(gauge("labelloop.queue.depth")).isEqualTo(20);
        assertThat(labeledBy(SimulatedAnnotator.NAME)).isEqualTo(40);
        assertThat(prometheus.scrape()).as("what /actuator/prometheus serves")
                .contains("labelloop_model_serving_iteration{loop=\"banking-sentiment\"} " + history.get(2).iteration())
                .contains("labelloop_training_duration_seconds_count{loop=\"banking-sentiment\",mode=\"head\",outcome=\"success\"} 2")
                .contains("labelloop_queue_depth{loop=\"banking-sentiment\"} 20")
                .contains("camel_exchanges_total");

        Path png = out.resolve(Simulation.write(curve, out.resolve("curve.json")).getFileName());
        assertThat(png).exists();
        assertThat(Files.size(png)).isGreaterThan(1_000);
    }

    @Test
    void aLoopPointingAtAMissingDatasetFailsNamingTheLoopAndItsFile() {
        LoopConfig loop = variant("orphan", "no-such-dataset");

        assertThatThrownBy(() -> steps.score(loop))
                .isInstanceOf(LoopException.class)
                .hasMessageContaining("loop 'orphan'")
                .hasMessageContaining("dataset 'no-such-dataset'")
                .hasMessageContaining("banking-sentiment.yaml");
    }

    @Test
    void trainingWithoutLabelsOrWithOneClassIsRefusedAndNothingStoredChanges() {
        String dataset = "single-class-" + ProcessHandle.current().pid();
        LoopConfig loop = variant("single", dataset);
        datasets.create(dataset, List.of("NEGATIVE", "POSITIVE"), 0.2);
        datasets.log(dataset, List.of(TextRecord.of("a", "my card was declined", Map.of()),
                TextRecord.of("b", "the app crashed again", Map.of())));
        datasets.refresh(dataset);

        assertThatThrownBy(() -> steps.train(loop, TrainingMode.HEAD, 1))
                .hasMessageContaining("loop 'single'").hasMessageContaining("no validated records in the train split");

        datasets.annotate(dataset, List.of("a", "b"), "NEGATIVE", "tester");
        datasets.refresh(dataset);
        long labeled = datasets.count(dataset, RecordQuery.all().withStatuses(RecordStatus.VALIDATED));
        assertThatThrownBy(() -> steps.train(loop, TrainingMode.HEAD, 1))
                .hasMessageContaining("loop 'single'").hasMessageContaining("all have one label [NEGATIVE]");
        assertThat(models.history("single")).isEmpty();
        assertThat(datasets.count(dataset, RecordQuery.all().withStatuses(RecordStatus.VALIDATED))).isEqualTo(labeled);
    }

    @Test
    void aTrainingInterruptedByARestartIsMarkedFailedAndCountsAsNotDoneWhileTheCurrentVersionKeepsServing() {
        String dataset = "restarted-" + ProcessHandle.current().pid();
        LoopConfig loop = variant("restarted", dataset);
        datasets.create(dataset, List.of("NEGATIVE", "POSITIVE"), 0.0);
        datasets.log(dataset, List.of(TextRecord.of("a", "my card was declined", Map.of()),
                TextRecord.of("b", "how do I open an account", Map.of())));
        datasets.annotate(dataset, List.of("a"), "NEGATIVE", "tester");
        datasets.annotate(dataset, List.of("b"), "POSITIVE", "tester");
        datasets.refresh(dataset);
        models.register(version("restarted", "v1", 0));
        models.promote("restarted", "v1");
        // What a process that died in the middle of training v2 leaves behind: registered, never marked trained.
        models.register(version("restarted", "v2", 2));
        assertThat(steps.labelsSinceLastTraining(loop)).isZero();

        ((LoopStepService) steps).recoverInterruptedTrainings();

        assertThat(models.find("restarted", "v2").orElseThrow().status())
                .isEqualTo(io.labelloop.registry.ModelStatus.FAILED);
        assertThat(models.current("restarted").orElseThrow().version()).isEqualTo("v1");
        assertThat(steps.labelsSinceLastTraining(loop)).as("the labels count again, so the loop retrains").isEqualTo(2);
    }

    private static ModelVersion version(String loop, String version, int trainingSize) {
        return new ModelVersion(loop, version, 0, "ds", "all-minilm-l6-v2", List.of("NEGATIVE", "POSITIVE"),
                trainingSize, trainingSize, "", Map.of(), Map.of(), "/nowhere", null,
                io.labelloop.registry.ModelStatus.CANDIDATE);
    }

    private LoopConfig variant(String name, String dataset) {
        return variant(name, dataset, Map.of());
    }

    private double gauge(String name) {
        return meters.find(name).tag("loop", "banking-sentiment").gauge().value();
    }

    private long labeledBy(String annotator) {
        datasets.refresh("banking-sentiment");
        try (var records = datasets.stream("banking-sentiment", RecordQuery.all().withStatuses(RecordStatus.VALIDATED))) {
            return records.filter(r -> r.annotation() != null && annotator.equals(r.annotation().annotator())).count();
        }
    }
}
