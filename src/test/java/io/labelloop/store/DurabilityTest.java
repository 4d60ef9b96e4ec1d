package io.labelloop.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.labelloop.dataset.DatasetProperties;
import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.ImportFormat;
import io.labelloop.dataset.ImportOptions;
import io.labelloop.dataset.PredictedLabel;
import io.labelloop.dataset.RecordQuery;
import io.labelloop.dataset.RecordStatus;
import io.labelloop.dataset.TextRecord;
import io.labelloop.queue.LabelingQueueService;
import io.labelloop.queue.QueueItem;
import io.labelloop.queue.QueueProperties;
import io.labelloop.registry.ModelRegistry;
import io.labelloop.registry.ModelVersion;

/** What is acknowledged stays: across a clean restart and across a SIGKILL of the process. */
class DurabilityTest {

    private static final List<String> LABELS = List.of("negative", "neutral", "positive");

    @Test
    void aRestartKeepsRecordsPredictionsLabelsQueueAndRegistry() throws Exception {
        Path dir = StoreFixture.tempDir("labelloop-restart-");
        Path csv = dir.resolve("in.csv");
        Files.writeString(csv, "id,text,label\n1,card lost,negative\n2,card arrived,\n3,top up,\n4,fees,\n");
        OpenSearchProperties properties = OpenSearchProperties.embeddedAt(dir.resolve("os"));
        try (OpenSearchStore store = OpenSearchStore.open(properties)) {
            DatasetService datasets = new DatasetService(store, DatasetProperties.defaults());
            datasets.create("kept", LABELS);
            datasets.importFile("kept", csv, ImportOptions.of(ImportFormat.CSV).withId("id").withLabel("label"));
            datasets.storePredictions("kept", Map.of("2", List.of(new PredictedLabel("positive", 0.55))), "v1");
            LabelingQueueService queue = new LabelingQueueService(store, datasets, QueueProperties.defaults());
            queue.fill("kept", List.of(new QueueItem("2", 0.9), new QueueItem("3", 0.8), new QueueItem("4", 0.7)));
            queue.label(queue.claimNext("kept", "ann").orElseThrow(), "positive");
            ModelRegistry registry = new ModelRegistry(store);
            registry.register(new ModelVersion("loop", "v1", 0, "kept", "base", LABELS, 1, 1, "h", Map.of(),
                    Map.of(ModelVersion.ACCURACY, 0.7), "/m/v1", null, null));
            registry.promote("loop", "v1");
        }
        try (OpenSearchStore store = OpenSearchStore.open(properties)) {
            DatasetService datasets = new DatasetService(store, DatasetProperties.defaults());
            datasets.refresh("kept");
            assertThat(datasets.count("kept", RecordQuery.all())).isEqualTo(4);
            TextRecord two = datasets.record("kept", "2").orElseThrow();
            assertThat(two.label()).isEqualTo("positive");
            assertThat(two.predictionAgent()).isEqualTo("v1");
            assertThat(datasets.stats("kept", RecordQuery.all()).statuses()).containsEntry(RecordStatus.VALIDATED, 2L);
            LabelingQueueService queue = new LabelingQueueService(store, datasets, QueueProperties.defaults());
            queue.refresh("kept");
            assertThat(queue.depth("kept")).isEqualTo(2);
            assertThat(queue.claimNext("kept", "bob").orElseThrow().recordId()).isEqualTo("3");
            assertThat(new ModelRegistry(store).current("loop")).get().extracting(ModelVersion::version).isEqualTo("v1");
        }
    }

    @Test
    void aChildJvmKilledWithSigkillRightAfterAcknowledgingLabelsLosesNone() throws Exception {
        Path dir = StoreFixture.tempDir("labelloop-crash-");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LabelingChild.class.getName(),
                dir.toString(), "400")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Map<String, String> acknowledged = new HashMap<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null && acknowledged.size() < 60; line = out.readLine()) {
                if (line.startsWith("ACK ")) {
                    String[] parts = line.split(" ");
                    acknowledged.put(parts[1], parts[2]);
                }
            }
            child.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush, no clean node stop
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(acknowledged).as("the child acknowledged labels before it was killed").hasSize(60);

        try (OpenSearchStore store = OpenSearchStore.open(OpenSearchProperties.embeddedAt(dir))) {
            DatasetService datasets = new DatasetService(store, DatasetProperties.defaults());
            datasets.refresh(LabelingChild.DATASET);
            Map<String, String> stored = new HashMap<>();
            try (var records = datasets.stream(LabelingChild.DATASET, RecordQuery.all().withStatuses(RecordStatus.VALIDATED))) {
                records.forEach(r -> stored.put(r.id(), r.label()));
            }
            assertThat(stored).containsAllEntriesOf(acknowledged);
            assertThat(stored.size()).as("at most the label in flight when killed").isLessThanOrEqualTo(acknowledged.size() + 1);
        }
    }

    @Test
    void anExternalClusterThatIsDownIsNamedWithItsSetting() {
        assertThatThrownBy(() -> OpenSearchStore.open(OpenSearchProperties.external(List.of("http://127.0.0.1:1"))))
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("http://127.0.0.1:1").hasMessageContaining("labelloop.opensearch.uris");
        assertThatThrownBy(() -> OpenSearchStore.open(OpenSearchProperties.external(List.of("not a uri"))))
                .hasMessageContaining("labelloop.opensearch.uris").hasMessageContaining("not a uri");
    }
}
