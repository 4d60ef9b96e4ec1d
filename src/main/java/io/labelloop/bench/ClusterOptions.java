package io.labelloop.bench;

import java.util.Arrays;
import java.util.List;

import io.labelloop.cli.BenchOptions;

/**
 * Which OpenSearch the faults bench points the application at ({@code --cluster}, {@code --opensearch}) and how it
 * stops and starts a data node there ({@code --stop-node-command}, {@code --start-node-command}), checked before
 * anything starts.
 *
 * @param kind           embedded node, local two-node cluster or the user's external cluster
 * @param uris           the external cluster's addresses (empty otherwise)
 * @param stopCommand    shell command that stops one data node of the external cluster, or null
 * @param startCommand   shell command that starts it again, or null
 * @param nodeDownSeconds how long the data node stays down while the load goes on
 */
record ClusterOptions(Kind kind, List<String> uris, String stopCommand, String startCommand, int nodeDownSeconds) {

    static final String EMBEDDED = "embedded";
    static final String TWO_NODE = "two-node";
    /** Long enough for several training debounces and import batches against one node, short for a bench run. */
    static final int DEFAULT_NODE_DOWN_S = 25;

    /** The kinds of cluster, with the name the JSON's {@code conditions.opensearch} gives them. */
    enum Kind {
        EMBEDDED_NODE("embedded"), LOCAL_TWO_NODE("two-node (local)"), EXTERNAL("external");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    /**
     * The options of a run.
     *
     * @throws IllegalArgumentException naming the option for a value or a combination that cannot work
     */
    static ClusterOptions parse(BenchOptions options) {
        String cluster = options.get("cluster", EMBEDDED);
        String external = options.get("opensearch");
        String stop = options.get("stop-node-command");
        String start = options.get("start-node-command");
        int downSeconds = options.getInt("node-down-s", DEFAULT_NODE_DOWN_S);
        if (!cluster.equals(EMBEDDED) && !cluster.equals(TWO_NODE)) {
            throw new IllegalArgumentException("--cluster is " + EMBEDDED + " or " + TWO_NODE + ", not '" + cluster + "'");
        }
        if (downSeconds < 1) {
            throw new IllegalArgumentException("--node-down-s must be at least 1, got " + downSeconds);
        }
        if ((stop == null) != (start == null)) {
            throw new IllegalArgumentException("--stop-node-command and --start-node-command go together: the bench "
                    + "starts again the node it stopped");
        }
        if (external == null) {
            if (stop != null) {
                throw new IllegalArgumentException("--stop-node-command and --start-node-command are for an external "
                        + "cluster (--opensearch URL); --cluster " + TWO_NODE + " stops its own node");
            }
            Kind kind = cluster.equals(TWO_NODE) ? Kind.LOCAL_TWO_NODE : Kind.EMBEDDED_NODE;
            return new ClusterOptions(kind, List.of(), null, null, downSeconds);
        }
        if (cluster.equals(TWO_NODE)) {
            throw new IllegalArgumentException("--cluster " + TWO_NODE + " starts a cluster of its own and --opensearch "
                    + "points at yours: pass one of them");
        }
        return new ClusterOptions(Kind.EXTERNAL, uris(external), stop, start, downSeconds);
    }

    /** Why no data node is stopped in this run, or null when one is. */
    String nodeStopSkipped() {
        return switch (kind) {
            case EMBEDDED_NODE -> "a single embedded node: there is no second node to stop (--cluster " + TWO_NODE
                    + " or --opensearch URL with --stop-node-command and --start-node-command)";
            case LOCAL_TWO_NODE -> null;
            case EXTERNAL -> stopCommand != null ? null : "external cluster without --stop-node-command and "
                    + "--start-node-command: the bench cannot stop a node there";
        };
    }

    private static List<String> uris(String value) {
        List<String> uris = Arrays.stream(value.split(",")).map(String::strip).filter(u -> !u.isEmpty()).toList();
        for (String uri : uris) {
            if (!uri.matches("https?://[^/\\s]+/?")) {
                throw new IllegalArgumentException("--opensearch takes URL[,URL...] like http://127.0.0.1:9200, "
                        + "not '" + uri + "'");
            }
        }
        if (uris.isEmpty()) {
            throw new IllegalArgumentException("--opensearch needs at least one URL");
        }
        return uris.stream().map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u).toList();
    }
}
