package io.labelloop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.labelloop.store.OpenSearchProperties;
import io.labelloop.store.OpenSearchStore;

/**
 * The OpenSearch that the application under the faults bench uses: what points the child at it, where the checks
 * read registry and queue directly, and, where the bench can, one data node to stop and start again.
 */
interface BenchCluster extends AutoCloseable {

    /** Where the two-node cluster keeps its nodes, under the run's directory. */
    String TWO_NODE_DIR = "opensearch-cluster";

    /** The cluster these options name; a local two-node cluster is started here, under {@code home}. */
    static BenchCluster open(ClusterOptions options, Path home) {
        return switch (options.kind()) {
            case EMBEDDED_NODE -> new EmbeddedNodeCluster(home);
            case LOCAL_TWO_NODE -> new TwoNodeCluster(home.resolve(TWO_NODE_DIR));
            case EXTERNAL -> new ExternalCluster(options, home);
        };
    }

    /** System properties of the child that point it at this cluster (none for its own embedded node). */
    Map<String, String> childProperties();

    /** Prefix of the run's indices. */
    String indexPrefix();

    /** The cluster's HTTP addresses for the report; empty for the embedded node, whose port changes at each start. */
    List<String> uris();

    /** A client of a node that answers now, for the checks' direct reads. */
    Rest openSearch() throws IOException, InterruptedException;

    /** Stops one data node; returns once it is down. */
    void stopNode() throws IOException, InterruptedException;

    /** Starts the stopped node again. */
    void startNode() throws IOException, InterruptedException;

    /** Waits until the nodes of before the stop are all back and the cluster is green: whether it was in time. */
    boolean awaitGreen(Duration timeout) throws IOException, InterruptedException;

    @Override
    void close();

    /** The child's own embedded node, found through the port file it writes; a single node, nothing to stop. */
    record EmbeddedNodeCluster(Path home) implements BenchCluster {

        @Override
        public Map<String, String> childProperties() {
            return Map.of();
        }

        @Override
        public String indexPrefix() {
            return OpenSearchProperties.DEFAULT_INDEX_PREFIX;
        }

        @Override
        public List<String> uris() {
            return List.of();
        }

        @Override
        public Rest openSearch() throws IOException {
            Path portFile = home.resolve(OpenSearchProperties.DEFAULT_DATA_SUBDIR).resolve(OpenSearchStore.PORT_FILE);
            return new Rest("http://127.0.0.1:" + Files.readString(portFile).trim(), null, null);
        }

        @Override
        public void stopNode() {
            throw new UnsupportedOperationException("a single embedded node: nothing to stop");
        }

        @Override
        public void startNode() {
            throw new UnsupportedOperationException("a single embedded node: nothing to start");
        }

        @Override
        public boolean awaitGreen(Duration timeout) {
            throw new UnsupportedOperationException("a single embedded node is never green: its replicas have no node");
        }

        @Override
        public void close() {
            // the child stops its own node
        }
    }
}
