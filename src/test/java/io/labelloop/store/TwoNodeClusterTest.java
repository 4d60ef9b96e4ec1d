package io.labelloop.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.opensearch.client.opensearch._types.HealthStatus;
import org.opensearch.common.settings.Settings;
import org.opensearch.node.Node;

import io.labelloop.dataset.DatasetProperties;
import io.labelloop.dataset.DatasetService;
import io.labelloop.dataset.DatasetServiceContract;
import io.labelloop.queue.LabelingQueueContract;

/**
 * Two embedded nodes form a cluster on loopback, and the store's tests run against it as an external cluster
 * ({@code labelloop.opensearch.uris}), the path for users who outgrow one machine.
 */
class TwoNodeClusterTest {

    private static final List<EmbeddedNode> nodes = new ArrayList<>();
    private static OpenSearchStore cluster;

    @BeforeAll
    static void formCluster() throws Exception {
        Path dir = StoreFixture.tempDir("labelloop-cluster-");
        int[] transport = {freePort(), freePort()};
        String seeds = "127.0.0.1:" + transport[0] + ",127.0.0.1:" + transport[1];
        List<Node> built = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            built.add(EmbeddedNode.construct(dir.resolve("node" + i), Settings.builder()
                    .put("node.name", "node" + i)
                    .put("http.port", 0)
                    .put("transport.port", transport[i])
                    .putList("discovery.seed_hosts", seeds.split(","))
                    .putList("cluster.initial_cluster_manager_nodes", "node0", "node1")
                    .build()));
        }
        List<CompletableFuture<Node>> starting = built.stream()
                .map(n -> CompletableFuture.supplyAsync(() -> start(n))).toList();
        for (CompletableFuture<Node> f : starting) {
            nodes.add(EmbeddedNode.started(f.get()));
        }
        cluster = OpenSearchStore.open(OpenSearchProperties.external(nodes.stream()
                .map(n -> "http://127.0.0.1:" + n.httpPort()).toList()));
    }

    private static Node start(Node node) {
        try {
            return node.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
        nodes.forEach(EmbeddedNode::close);
    }

    @Test
    void bothNodesJoinedOneClusterAndIndicesAreReplicated() throws IOException {
        // The catalog creates its index here: the nested contract classes may run after this test.
        new DatasetService(cluster, DatasetProperties.defaults());
        String index = cluster.index("datasets");
        var health = cluster.client().cluster().health(h -> h.waitForNodes("2").waitForStatus(
                HealthStatus.Green).timeout(t -> t.time("60s")));
        assertThat(health.numberOfNodes()).isEqualTo(2);
        var settings = cluster.client().indices().getSettings(s -> s.index(index)).get(index).settings().index();
        assertThat(settings.autoExpandReplicas()).isEqualTo("0-1");
        assertThat(health.activePrimaryShards()).isPositive();
        assertThat(health.activeShards()).isEqualTo(2 * health.activePrimaryShards());
    }

    @Nested
    class Datasets extends DatasetServiceContract {
        @Override
        protected OpenSearchStore store() {
            return cluster;
        }
    }

    @Nested
    class Queue extends LabelingQueueContract {
        @Override
        protected OpenSearchStore store() {
            return cluster;
        }

        @Override
        protected int labelsPerAnnotator() {
            return 40;
        }
    }
}
