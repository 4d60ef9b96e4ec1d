package io.labelloop.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.labelloop.cli.BenchOptions;
import io.labelloop.cli.BenchSuite;

/** The fault bench's own checks; a real run (minutes per restart) is in docs/bench/faults.json, not in the tests. */
class FaultBenchSuiteTest {

    @TempDir
    Path dir;

    @Test
    void isFoundByTheBenchCommandAsFaults() {
        assertThat(ServiceLoader.load(BenchSuite.class).stream().map(p -> p.get().name())).contains("faults");
    }

    @Test
    void aMissingJarIsRefusedNamingWhereItWasLookedFor() {
        assertThatThrownBy(() -> new FaultBenchSuite().run(BenchOptions.parse(List.of("--suite", "faults", "--jar",
                dir.resolve("none.jar").toString())), System.err))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("none.jar");
    }

    @Test
    void clusterOptionsThatCannotWorkAreRefusedBeforeAnythingStarts() {
        assertThatThrownBy(() -> new FaultBenchSuite().run(BenchOptions.parse(List.of("--suite", "faults",
                "--cluster", "two-node", "--opensearch", "http://127.0.0.1:9200")), System.err))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pass one of them");
    }

    @Test
    void theUsageNamesTheClusterOptions() {
        assertThat(new FaultBenchSuite().usage()).contains("--cluster KIND", "--opensearch URL", "--stop-node-command",
                "--start-node-command", "--node-down-s");
    }

    @Test
    void importIdsAreStableSoThatAResentBatchAddsNothing() {
        assertThat(BulkImport.id(7)).isEqualTo("imp-000007").isEqualTo(BulkImport.id(7));
        assertThat(new BulkImport("d", 501, new NodeOutage()).batches()).isEqualTo(3);
    }
}
