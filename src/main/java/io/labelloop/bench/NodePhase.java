package io.labelloop.bench;

import java.io.PrintStream;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One data node of the cluster stopped while the annotators and the import go on, kept down for a while, started
 * again, and waited for until the cluster is green; the figures of that time. Where the bench cannot stop a node
 * (the embedded node, an external cluster without commands) it says why and stops none.
 */
final class NodePhase {

    /** Replicas of every index are copied back to the restarted node: generous for 2 busy cores. */
    static final Duration GREEN_TIMEOUT = Duration.ofMinutes(5);
    private static final long READINESS_POLL_MS = 1000;

    private final BenchCluster cluster;
    private final ClusterOptions options;
    private final ChildApp child;
    private final Annotators annotators;
    private final BulkImport bulk;
    private final NodeOutage outage;
    private final PrintStream log;
    int stops;
    private long ackedWhileDown;
    private long notReadyPolls;
    private boolean importRunning;
    private Double downSeconds;
    private Double startSeconds;
    private Double greenSeconds;

    NodePhase(BenchCluster cluster, ClusterOptions options, ChildApp child, Annotators annotators, BulkImport bulk,
            NodeOutage outage, PrintStream log) {
        this.cluster = cluster;
        this.options = options;
        this.child = child;
        this.annotators = annotators;
        this.bulk = bulk;
        this.outage = outage;
        this.log = log;
    }

    /** Stops the node, keeps the load on it for {@code --node-down-s}, starts it and waits for green. */
    void run() throws Exception {
        String skipped = options.nodeStopSkipped();
        if (skipped != null) {
            log.println("faults bench: no data node stopped: " + skipped);
            return;
        }
        importRunning = !bulk.finished();
        outage.begin();
        long stopAt = System.nanoTime();
        cluster.stopNode();
        stops++;
        long acksBefore = annotators.acks.get();
        log.printf("faults bench: data node stopped in %.1f s; the load goes on for %d s%n", since(stopAt),
                options.nodeDownSeconds());
        keepLoad();
        ackedWhileDown = annotators.acks.get() - acksBefore;
        long startAt = System.nanoTime();
        downSeconds = (startAt - stopAt) / 1e9;
        cluster.startNode();
        startSeconds = since(startAt);
        boolean green = cluster.awaitGreen(GREEN_TIMEOUT);
        greenSeconds = green ? since(startAt) : null;
        outage.end();
        log.printf("faults bench: data node started in %.1f s, cluster %s; %d labels acknowledged while it was down, "
                + "%d answers 503, %d other 5xx, %d unanswered%n", startSeconds, green ? "green after "
                + round(greenSeconds) + " s" : "not green within " + GREEN_TIMEOUT.toSeconds() + " s", ackedWhileDown,
                outage.unavailable503.get(), outage.serverErrors.get(), outage.unanswered.get());
    }

    /** While the node is down: the application should stay ready (its store answers through the other node). */
    private void keepLoad() throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.nodeDownSeconds());
        while (System.nanoTime() < until) {
            if (!child.isReady()) {
                notReadyPolls++;
            }
            Thread.sleep(READINESS_POLL_MS);
        }
    }

    /** The phase's figures, for the {@code faults} object (zeros and nulls when no node was stopped). */
    Map<String, Object> figures() {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("node_stops", stops);
        f.put("node_stop_skipped", options.nodeStopSkipped());
        f.put("labels_acked_while_node_down", ackedWhileDown);
        f.put("unavailable_503_while_node_down", outage.unavailable503.get());
        f.put("server_errors_5xx_while_node_down", outage.serverErrors.get());
        f.put("unanswered_while_node_down", outage.unanswered.get());
        f.put("server_error_examples_while_node_down", List.copyOf(outage.examples));
        f.put("answers_while_node_down", outage.answered.get());
        f.put("readiness_not_up_polls_while_node_down", notReadyPolls);
        f.put("import_running_at_node_stop", importRunning);
        f.put("node_down_s", round(downSeconds));
        f.put("node_start_s", round(startSeconds));
        f.put("cluster_green_s", round(greenSeconds));
        return f;
    }

    private static double since(long nanos) {
        return (System.nanoTime() - nanos) / 1e9;
    }

    private static Double round(Double v) {
        return v == null ? null : Math.round(v * 10) / 10.0;
    }
}
