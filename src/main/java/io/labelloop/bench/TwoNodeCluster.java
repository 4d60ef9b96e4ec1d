package io.labelloop.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.labelloop.store.LocalCluster;
import io.labelloop.store.OpenSearchProperties;

/**
 * A real two-node OpenSearch cluster inside the bench's JVM ({@link LocalCluster}): node 0 cluster manager and data,
 * node 1 data only. The child uses it as an external cluster; the bench stops node 1, so the cluster manager stays.
 */
final class TwoNodeCluster implements BenchCluster {

    /** The data-only node: stopping it keeps the cluster manager. */
    static final int DATA_NODE = 1;
    private static final int MANAGER_NODE = 0;

    private final LocalCluster cluster;

    TwoNodeCluster(Path dir) {
        this.cluster = LocalCluster.start(dir, 2);
    }

    @Override
    public Map<String, String> childProperties() {
        return Map.of("labelloop.opensearch.uris", String.join(",", cluster.httpUris()));
    }

    @Override
    public String indexPrefix() {
        return OpenSearchProperties.DEFAULT_INDEX_PREFIX;
    }

    @Override
    public List<String> uris() {
        return cluster.httpUris();
    }

    @Override
    public Rest openSearch() {
        return new Rest(cluster.httpUris().get(MANAGER_NODE), null, null);
    }

    @Override
    public void stopNode() {
        cluster.stopNode(DATA_NODE);
    }

    @Override
    public void startNode() {
        cluster.startNode(DATA_NODE);
    }

    @Override
    public boolean awaitGreen(Duration timeout) {
        return cluster.awaitGreen(timeout);
    }

    @Override
    public void close() {
        cluster.close();
    }
}
