package io.labelloop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.labelloop.cli.BenchOptions;

class StoreBenchSuiteTest {

    @Test
    void aSmallRunReportsEveryMetricWithNoLostOrDuplicatedLabel() throws Exception {
        Map<String, Object> metrics = new StoreBenchSuite().run(
                BenchOptions.parse(List.of("--records", "2000", "--annotators", "4", "--labels", "20", "--paced-labels", "5", "--think-ms", "20")), System.err);
        System.out.println(metrics);

        assertThat(metrics).containsKeys("store.import_records_per_s", "store.label_p50_ms", "store.label_p99_ms",
                "store.saturated_label_p99_ms", "store.label_write_p99_ms", "store.read_after_own_write_p99_ms");
        assertThat(metrics.get("store.import_records")).isEqualTo(2000L);
        assertThat(metrics.get("store.labels_acknowledged")).isEqualTo(4 * 20 + 4 * 5);
        assertThat(metrics.get("store.lost_labels")).isEqualTo(0L);
        assertThat(metrics.get("store.duplicate_labels")).isEqualTo(0L);
    }
}
