package io.labelloop.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The cluster the faults bench stops a node of: with its data node down an index stays writable and readable through
 * the same addresses, and the node comes back on its own data until the cluster is green.
 */
class LocalClusterTest {

    private static final Duration GREEN = Duration.ofSeconds(60);
    private static LocalCluster cluster;
    private static OpenSearchStore store;

    @BeforeAll
    static void start() {
        cluster = LocalCluster.start(StoreFixture.tempDir("labelloop-local-cluster-"), 2);
        store = OpenSearchStore.open(OpenSearchProperties.external(cluster.httpUris()));
    }

    @AfterAll
    static void stop() {
        if (store != null) {
            store.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void anIndexStaysWritableWhileTheDataNodeIsDownAndIsGreenAgainOnceItIsBack() {
        String index = "local-cluster-test"; // no template: OpenSearch's default of one replica
        store.ensureIndex(index);
        store.documents().put(index, "before", Map.of("n", 1));
        assertThat(cluster.awaitGreen(GREEN)).as("green with a replica on each node").isTrue();
        List<String> uris = cluster.httpUris();

        cluster.stopNode(1);
        assertThat(cluster.isRunning(1)).isFalse();
        for (int i = 0; i < 10; i++) {
            store.documents().put(index, "during-" + i, Map.of("n", i));
        }
        assertThat(store.documents().get(index, "before", Map.class)).isPresent();
        assertThat(store.documents().get(index, "during-9", Map.class)).isPresent();

        cluster.startNode(1);
        assertThat(cluster.awaitGreen(GREEN)).as("green after the node's return").isTrue();
        assertThat(cluster.httpUris()).isEqualTo(uris);
        assertThat(store.documents().get(index, "during-0", Map.class)).isPresent();
        assertThat(store.documents().get(index, "before", Map.class)).isPresent();
    }
}
