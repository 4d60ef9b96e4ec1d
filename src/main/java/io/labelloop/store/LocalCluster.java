package io.labelloop.store;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.opensearch.action.admin.cluster.health.ClusterHealthResponse;
import org.opensearch.cluster.health.ClusterHealthStatus;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.unit.TimeValue;
import org.opensearch.node.Node;
import org.opensearch.node.NodeValidationException;

/**
 * A real OpenSearch cluster of several nodes inside this JVM, on loopback, for benchmarks and tests that stop a data
 * node and start it again while an application uses the cluster as an external one ({@link #httpUris()} as
 * {@code labelloop.opensearch.uris}).
 *
 * <p>Node 0 is the only cluster-manager-eligible node (and holds data); the others hold data and run ingest only, so
 * stopping any of them never costs the cluster manager quorum. Stopping node 0 stops the cluster manager: the other
 * nodes then refuse writes until it is back. Each node keeps its HTTP and transport ports and its directory
 * ({@code dir/nodeN}) across a stop and a start, so clients find it again at the same address with its shards.
 * A stop is a graceful close of the node, as a service manager's stop would be; it is not a crash.
 */
public final class LocalCluster implements AutoCloseable {

    private static final String MANAGER = "node0";
    private static final List<String> MANAGER_ROLES = List.of("cluster_manager", "data", "ingest");
    private static final List<String> DATA_ROLES = List.of("data", "ingest");

    private final Path dir;
    private final int[] httpPorts;
    private final int[] transportPorts;
    private final EmbeddedNode[] nodes;

    private LocalCluster(Path dir, int size) {
        this.dir = dir;
        int[] ports = freePorts(2 * size);
        this.httpPorts = Arrays.copyOfRange(ports, 0, size);
        this.transportPorts = Arrays.copyOfRange(ports, size, 2 * size);
        this.nodes = new EmbeddedNode[size];
    }

    /**
     * Starts {@code size} nodes (at least 2) under {@code dir}, node 0 first so that it elects itself cluster
     * manager before the data nodes look for it. Returns once every node has joined; the cluster may still be yellow
     * while replicas are copied ({@link #awaitGreen}).
     */
    public static LocalCluster start(Path dir, int size) {
        if (size < 2) {
            throw new IllegalArgumentException("a local cluster has at least 2 nodes, not " + size);
        }
        LocalCluster cluster = new LocalCluster(dir, size);
        try {
            for (int i = 0; i < size; i++) {
                cluster.startNode(i);
            }
            return cluster;
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** The HTTP address of every node, e.g. {@code http://127.0.0.1:41234}, node 0 first; stable across restarts. */
    public List<String> httpUris() {
        return Arrays.stream(httpPorts).mapToObj(p -> "http://127.0.0.1:" + p).toList();
    }

    /** Number of nodes, running or stopped. */
    public int size() {
        return nodes.length;
    }

    /** Whether node {@code i} runs now. */
    public boolean isRunning(int i) {
        return nodes[i] != null;
    }

    /** Closes node {@code i} (its data stays on disk); a node that is not running is passed over. */
    public void stopNode(int i) {
        if (nodes[i] != null) {
            EmbeddedNode node = nodes[i];
            nodes[i] = null;
            node.close();
        }
    }

    /** Starts node {@code i} again on its own data, ports and settings; a running node is left alone. */
    public void startNode(int i) {
        if (nodes[i] != null) {
            return;
        }
        Node node = EmbeddedNode.construct(dir.resolve(name(i)), settings(i));
        try {
            nodes[i] = EmbeddedNode.started(node.start());
        } catch (NodeValidationException e) {
            throw new StoreUnavailableException("Could not start node " + i + " of the local cluster in " + dir + ": "
                    + e.getMessage(), e);
        }
    }

    /**
     * Waits until every node has joined and every shard, replicas included, is assigned (green).
     *
     * @return whether the cluster was green within the timeout
     */
    public boolean awaitGreen(Duration timeout) {
        EmbeddedNode any = Arrays.stream(nodes).filter(n -> n != null).findFirst()
                .orElseThrow(() -> new IllegalStateException("no node of the local cluster runs"));
        ClusterHealthResponse health = any.client().admin().cluster().prepareHealth()
                .setWaitForNodes(Integer.toString(nodes.length))
                .setWaitForGreenStatus()
                .setTimeout(TimeValue.timeValueMillis(timeout.toMillis()))
                .get();
        return !health.isTimedOut() && health.getStatus() == ClusterHealthStatus.GREEN;
    }

    /** Stops every running node, the data nodes first so that the cluster manager sees them leave. */
    @Override
    public void close() {
        List<RuntimeException> failures = new ArrayList<>();
        for (int i = nodes.length - 1; i >= 0; i--) {
            try {
                stopNode(i);
            } catch (RuntimeException e) {
                failures.add(e);
            }
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }

    private Settings settings(int i) {
        List<String> seeds = IntStream.of(transportPorts).mapToObj(p -> "127.0.0.1:" + p).toList();
        Settings.Builder settings = Settings.builder()
                .put("node.name", name(i))
                .put("http.port", httpPorts[i])
                .put("transport.port", transportPorts[i])
                .putList("discovery.seed_hosts", seeds)
                .putList("node.roles", i == 0 ? MANAGER_ROLES : DATA_ROLES);
        if (i == 0) {
            settings.putList("cluster.initial_cluster_manager_nodes", MANAGER);
        }
        return settings.build();
    }

    private static String name(int i) {
        return "node" + i;
    }

    private static int[] freePorts(int count) {
        int[] ports = new int[count];
        List<ServerSocket> held = new ArrayList<>();
        try {
            // Held open together, so that no two are the same.
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0);
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new StoreUnavailableException("No free port for the local cluster: " + e.getMessage(), e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException e) {
                    // closing a listening socket that never accepted: nothing to do
                }
            }
        }
    }
}
