package io.labelloop.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.labelloop.cli.BenchOptions;
import io.labelloop.bench.ClusterOptions.Kind;

/** The faults bench's choice of cluster, refused before anything starts when it cannot work. */
class ClusterOptionsTest {

    private static ClusterOptions parse(String... args) {
        List<String> all = new ArrayList<>(List.of("--suite", "faults"));
        all.addAll(List.of(args));
        return ClusterOptions.parse(BenchOptions.parse(all));
    }

    @Test
    void withoutOptionsTheChildsOwnEmbeddedNodeIsUsedAndNoNodeIsStoppedSayingWhy() {
        ClusterOptions options = parse();
        assertThat(options.kind()).isEqualTo(Kind.EMBEDDED_NODE);
        assertThat(options.kind().label).isEqualTo("embedded");
        assertThat(options.nodeStopSkipped()).contains("single embedded node");
        assertThat(options.nodeDownSeconds()).isEqualTo(ClusterOptions.DEFAULT_NODE_DOWN_S);
    }

    @Test
    void twoNodeIsALocalClusterWhoseDataNodeIsStopped() {
        ClusterOptions options = parse("--cluster", "two-node", "--node-down-s", "20");
        assertThat(options.kind().label).isEqualTo("two-node (local)");
        assertThat(options.nodeStopSkipped()).isNull();
        assertThat(options.nodeDownSeconds()).isEqualTo(20);
    }

    @Test
    void anUnknownClusterKindIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> parse("--cluster", "three-node"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("embedded or two-node");
    }

    @Test
    void anExternalClusterWithoutCommandsIsUsedButItsNodesAreLeftAlone() {
        ClusterOptions options = parse("--opensearch", "http://10.0.0.1:9200/, https://10.0.0.2:9200");
        assertThat(options.kind()).isEqualTo(Kind.EXTERNAL);
        assertThat(options.uris()).containsExactly("http://10.0.0.1:9200", "https://10.0.0.2:9200");
        assertThat(options.nodeStopSkipped()).contains("without --stop-node-command");
    }

    @Test
    void anExternalClusterWithBothCommandsHasItsNodeStopped() {
        ClusterOptions options = parse("--opensearch", "http://10.0.0.1:9200", "--stop-node-command", "docker stop os2",
                "--start-node-command", "docker start os2");
        assertThat(options.nodeStopSkipped()).isNull();
        assertThat(options.stopCommand()).isEqualTo("docker stop os2");
        assertThat(options.startCommand()).isEqualTo("docker start os2");
    }

    @Test
    void aStopCommandWithoutAStartCommandIsRefused() {
        assertThatThrownBy(() -> parse("--opensearch", "http://10.0.0.1:9200", "--stop-node-command", "docker stop os2"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("go together");
    }

    @Test
    void nodeCommandsWithoutAnExternalClusterAreRefused() {
        assertThatThrownBy(() -> parse("--cluster", "two-node", "--stop-node-command", "x", "--start-node-command", "y"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--opensearch");
    }

    @Test
    void twoNodeAndAnExternalClusterTogetherAreRefused() {
        assertThatThrownBy(() -> parse("--cluster", "two-node", "--opensearch", "http://10.0.0.1:9200"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("pass one of them");
    }

    @Test
    void anExternalAddressThatIsNotAnHttpUrlIsRefused() {
        assertThatThrownBy(() -> parse("--opensearch", "10.0.0.1:9200"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("10.0.0.1:9200");
    }

    @Test
    void aNodeDownTimeUnderOneSecondIsRefused() {
        assertThatThrownBy(() -> parse("--cluster", "two-node", "--node-down-s", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--node-down-s");
    }
}
