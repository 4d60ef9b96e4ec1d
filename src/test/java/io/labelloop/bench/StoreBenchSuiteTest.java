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

        assertThat(metrics).containsKeys("import_records_per_s", "label_p50_ms", "label_p99_ms",
                "saturated_label_p99_ms", "label_write_p99_ms", "read_after_own_write_p99_ms");
        assertThat(metrics.get("import_records")).isEqualTo(2000L);
        assertThat(metrics.get("labels_acknowledged")).isEqualTo(4 * 20 + 4 * 5);
        assertThat(metrics.get("lost_labels")).isEqualTo(0L);
        assertThat(metrics.get("duplicate_labels")).isEqualTo(0L);
    }
}
