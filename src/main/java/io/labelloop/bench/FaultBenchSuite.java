package io.labelloop.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.labelloop.cli.BenchOptions;
import io.labelloop.cli.BenchSuite;

/**
 * The {@code faults} benchmark: the real application (the built jar) as a child process with simulated annotators
 * over REST and a bulk import in progress, killed with SIGKILL at chosen moments (during the import, during a
 * training, at a promotion, then at random), started again on the same data, and checked after each restart (see
 * {@link FaultChecks}). Then, on a cluster of several nodes ({@code --cluster two-node}, or {@code --opensearch}
 * with commands to stop and start a node), one data node is stopped under the same load and started again
 * ({@link NodePhase}), and the checks run once the cluster is green. At the end the loop must train again after the
 * last restart.
 */
public final class FaultBenchSuite implements BenchSuite {

    static final int DEFAULT_KILLS = 5;
    static final int DEFAULT_ANNOTATORS = 4;
    static final int DEFAULT_IMPORT_RECORDS = 20_000;
    static final String LOOP = "banking-sentiment";
    private static final long PHASE_TIMEOUT_S = 240;
    private static final long READY_TIMEOUT_S = 600;
    /** Longer than the application's own stop limit, so that the bench sees whether the stop kept it. */
    private static final long SIGTERM_WAIT_S = 120;
    private static final String TRAINING_LINE = "new labels, training";
    private static final String EVALUATED_LINE = " accuracy ";

    @Override
    public String name() {
        return "faults";
    }

    @Override
    public String usage() {
        return """
                    --kills N                SIGKILLs (default %d): during the import, a training, a promotion, then at random
                    --annotators N           concurrent REST annotators (default %d)
                    --import-records N       records of the bulk import over REST (default %d)
                    --jar FILE               the application jar (default $LABELLOOP_HOME/ui/target/labelloop.jar)
                    --home DIR               where config/ and routes/ are copied from (default $LABELLOOP_HOME or .)
                    --heap SIZE              the child's -Xmx (default 2g)
                    --seed N                 random moments of the later kills (default 42)
                    --dir DIR                working directory: the child's home and data (default: a new temp dir)
                    --cluster KIND           embedded (default): the child's own node, no node to stop; two-node: the
                                             bench runs a 2-node cluster in its own JVM (node0 cluster manager and data,
                                             node1 data only), the child uses it as an external cluster, and node1 is
                                             stopped under load after the kills and started again
                    --opensearch URL[,URL]   your own cluster instead (indices prefixed faults-<epoch seconds>-, left
                                             there afterwards); a data node is stopped only when both are given:
                    --stop-node-command CMD  shell command (sh -c) that stops one data node of it
                    --start-node-command CMD shell command that starts that node again
                    --node-down-s N          how long the data node stays down under load (default %d)"""
                .formatted(DEFAULT_KILLS, DEFAULT_ANNOTATORS, DEFAULT_IMPORT_RECORDS, ClusterOptions.DEFAULT_NODE_DOWN_S);
    }

    @Override
    public Map<String, Object> run(BenchOptions options, PrintStream log) throws Exception {
        ClusterOptions clusterOptions = ClusterOptions.parse(options);
        Path source = Path.of(options.get("home", System.getenv().getOrDefault("LABELLOOP_HOME", ".")));
        Path jar = options.getPath("jar", source.resolve("ui/target/labelloop.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no application jar at " + jar + ": build it (./mvnw -DskipTests package) "
                    + "or pass --jar");
        }
        Path home = options.get("dir") != null ? Path.of(options.get("dir")) : Files.createTempDirectory("labelloop-faults-");
        copyTree(source.resolve("config"), home.resolve("config"));
        copyTree(source.resolve("routes"), home.resolve("routes"));
        try (BenchCluster cluster = openCluster(clusterOptions, home, log)) {
            ChildApp child = new ChildApp(jar, home, options.get("heap", "2g"), cluster.childProperties());
            Run run = new Run(child, cluster, clusterOptions, options.getInt("kills", DEFAULT_KILLS),
                    options.getInt("annotators", DEFAULT_ANNOTATORS),
                    options.getInt("import-records", DEFAULT_IMPORT_RECORDS), new Random(options.getInt("seed", 42)), log);
            Map<String, Object> faults;
            try {
                faults = run.execute();
            } finally {
                child.stop(); // also when a check failed: no child left running on a cluster that closes
            }
            faults.put("conditions", conditions(options, run, faults, cluster, clusterOptions, jar, home));
            return faults;
        }
    }

    private static BenchCluster openCluster(ClusterOptions options, Path home, PrintStream log) {
        long start = System.nanoTime();
        BenchCluster cluster = BenchCluster.open(options, home);
        if (!cluster.uris().isEmpty()) {
            log.printf("faults bench: OpenSearch %s at %s (%.1f s)%n", options.kind().label, cluster.uris(),
                    (System.nanoTime() - start) / 1e9);
        }
        return cluster;
    }

    private static Map<String, Object> conditions(BenchOptions options, Run run, Map<String, Object> faults,
            BenchCluster cluster, ClusterOptions clusterOptions, Path jar, Path home) {
        Map<String, Object> conditions = new LinkedHashMap<>();
        conditions.put("records", faults.get("records_at_end"));
        conditions.put("annotators", run.annotatorCount);
        conditions.put("kills", run.kills);
        conditions.put("import_records", run.importRecords);
        conditions.put("sample_records", run.sampleRecords);
        conditions.put("cores", Runtime.getRuntime().availableProcessors());
        conditions.put("heap", options.get("heap", "2g"));
        conditions.put("load_average_1m_at_end", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        conditions.put("jar", jar.toString());
        conditions.put("home", home.toString());
        conditions.put("opensearch", clusterOptions.kind().label);
        if (!cluster.uris().isEmpty()) {
            conditions.put("opensearch_uris", cluster.uris());
            conditions.put("index_prefix", cluster.indexPrefix());
            conditions.put("node_down_s_asked", clusterOptions.nodeDownSeconds());
        }
        return conditions;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!Files.exists(target)) {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** One run of the bench: the child, its annotators and import, the kills and the checks. */
    private static final class Run {
        final ChildApp child;
        final BenchCluster cluster;
        final int kills;
        final int annotatorCount;
        final int importRecords;
        final Random random;
        final PrintStream log;
        long sampleRecords;
        final NodeOutage outage = new NodeOutage();
        final Annotators annotators = new Annotators(LOOP, outage);
        final BulkImport bulk;
        final NodePhase node;
        final List<Double> recovery = new ArrayList<>();
        final List<String> phases = new ArrayList<>();
        final List<String> lostSeen = new ArrayList<>();
        long duplicates;
        long orphans;
        long doublePromotions;
        long maxClaims;
        boolean sigtermSeen;
        double sigtermStopSeconds;

        Run(ChildApp child, BenchCluster cluster, ClusterOptions clusterOptions, int kills, int annotators,
                int importRecords, Random random, PrintStream log) {
            this.child = child;
            this.cluster = cluster;
            this.kills = kills;
            this.annotatorCount = annotators;
            this.importRecords = importRecords;
            this.bulk = new BulkImport(LOOP, importRecords, outage);
            this.node = new NodePhase(cluster, clusterOptions, child, this.annotators, bulk, outage, log);
            this.random = random;
            this.log = log;
        }

        Map<String, Object> execute() throws Exception {
            Rest annotator = new Rest(child.baseUrl(), "annotator", ChildApp.ANNOTATOR_PASSWORD);
            Rest admin = new Rest(child.baseUrl(), "admin", ChildApp.ADMIN_PASSWORD);
            FaultChecks checks = new FaultChecks(annotator, LOOP, LOOP, cluster.indexPrefix());
            child.start();
            log.println("faults bench: first start of " + child.baseUrl() + " (log " + child.log() + ")");
            log.printf("faults bench: ready after %.1f s%n", child.awaitReady(READY_TIMEOUT_S));
            sampleRecords = checks.records();
            ExecutorService workers = Executors.newFixedThreadPool(annotatorCount + 1);
            for (int a = 0; a < annotatorCount; a++) {
                Rest own = new Rest(child.baseUrl(), "annotator", ChildApp.ANNOTATOR_PASSWORD);
                long seed = random.nextLong();
                workers.submit(() -> annotators.annotate(own, seed));
            }
            workers.submit(() -> bulk.run(admin));
            boolean continued;
            try {
                for (int k = 0; k < kills; k++) {
                    String phase = waitForMoment(k);
                    child.kill();
                    phases.add(phase);
                    log.println("faults bench: kill " + (k + 1) + " of " + kills + " (" + phase + "), restarting");
                    child.start();
                    double seconds = child.awaitReady(READY_TIMEOUT_S);
                    recovery.add(seconds);
                    check(checks);
                    log.printf("faults bench: ready again after %.1f s; %d labels acknowledged so far, %d lost%n",
                            seconds, annotators.acknowledged.size(), lostSeen.size());
                }
                sigtermDuringTraining(checks);
                nodeDown(checks);
                continued = loopContinues(checks);
                awaitImport();
            } finally {
                annotators.stop();
                bulk.stop();
                workers.shutdownNow();
                workers.awaitTermination(30, TimeUnit.SECONDS);
            }
            check(checks);
            long finalRecords = checks.records();
            child.stop();
            return figures(continued, finalRecords);
        }

        /** Waits for the moment of kill k: the import, a training, a promotion, then random. */
        private String waitForMoment(int k) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PHASE_TIMEOUT_S);
            int before = occurrences(child.logText(), k == 1 ? TRAINING_LINE : EVALUATED_LINE);
            while (System.nanoTime() < deadline) {
                switch (k) {
                    case 0 -> {
                        if (bulk.batchesAcknowledged.get() >= 3 && !bulk.finished()) {
                            return "during the bulk import (batch " + bulk.batchesSent.get() + " of " + bulk.batches() + ")";
                        }
                    }
                    case 1 -> {
                        if (occurrences(child.logText(), TRAINING_LINE) > before) {
                            Thread.sleep(random.nextInt(800));
                            return "during a training";
                        }
                    }
                    case 2 -> {
                        if (occurrences(child.logText(), EVALUATED_LINE) > before) {
                            return "at a promotion (after the evaluation, before the promote step)";
                        }
                    }
                    default -> {
                        long ms = 5_000 + random.nextInt(25_000);
                        Thread.sleep(ms);
                        return "at random (" + ms / 1000 + " s after the restart)";
                    }
                }
                Thread.sleep(50);
            }
            return "phase " + k + " not observed within " + PHASE_TIMEOUT_S + " s";
        }

        private static int occurrences(String text, String line) {
            int count = 0;
            for (int i = text.indexOf(line); i >= 0; i = text.indexOf(line, i + 1)) {
                count++;
            }
            return count;
        }

        private void check(FaultChecks checks) throws Exception {
            Rest openSearch = cluster.openSearch();
            List<String> lost = checks.lostLabels(annotators.acknowledged);
            lost.stream().filter(l -> !lostSeen.contains(l)).forEach(lostSeen::add);
            long sent = Math.min(importRecords, (long) bulk.batchesSent.get() * BulkImport.BATCH);
            duplicates = Math.max(duplicates, checks.records() - sampleRecords - sent);
            orphans = Math.max(orphans, checks.orphanClaims(openSearch));
            maxClaims = Math.max(maxClaims, checks.claims(openSearch));
            if (checks.servingVersions(openSearch) > 1) {
                doublePromotions++;
            }
        }

        /**
         * SIGTERM during a training: the stop waits for it (up to LABELLOOP_STOP_TIMEOUT_SECONDS, 60 by default); the
         * next start recovers a training that was cut off, as after a SIGKILL. Its checks count with the kills'.
         */
        private void sigtermDuringTraining(FaultChecks checks) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PHASE_TIMEOUT_S);
            int before = occurrences(child.logText(), TRAINING_LINE);
            while (occurrences(child.logText(), TRAINING_LINE) == before && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            sigtermSeen = occurrences(child.logText(), TRAINING_LINE) > before;
            sigtermStopSeconds = child.terminate(SIGTERM_WAIT_S);
            log.printf("faults bench: SIGTERM %s took %.1f s to stop; restarting%n",
                    sigtermSeen ? "during a training" : "(no training seen)", sigtermStopSeconds);
            child.start();
            recovery.add(child.awaitReady(READY_TIMEOUT_S));
            check(checks);
        }

        /** A data node down and back (where the cluster has one to stop), then the checks, as after a restart. */
        private void nodeDown(FaultChecks checks) throws Exception {
            node.run();
            if (node.stops > 0) {
                child.awaitReady(READY_TIMEOUT_S); // fails if the application died while the node was down
                check(checks);
                log.printf("faults bench: checked after the node's return; %d labels acknowledged so far, %d lost%n",
                        annotators.acknowledged.size(), lostSeen.size());
            }
        }

        /** After the last restart the loop trains again: a new version is registered. */
        private boolean loopContinues(FaultChecks checks) throws Exception {
            Rest openSearch = cluster.openSearch();
            long before = checks.versions(openSearch);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PHASE_TIMEOUT_S);
            while (System.nanoTime() < deadline) {
                if (checks.versions(openSearch) > before) {
                    return true;
                }
                Thread.sleep(1000);
            }
            return false;
        }

        private void awaitImport() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PHASE_TIMEOUT_S);
            while (!bulk.finished() && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
        }

        private Map<String, Object> figures(boolean continued, long finalRecords) {
            List<Double> sorted = recovery.stream().sorted().toList();
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("kills", phases.size());
            f.put("acked_labels", annotators.acknowledged.size());
            f.put("lost_labels", lostSeen.size());
            f.put("duplicate_records", duplicates + Math.max(0, finalRecords - sampleRecords - importRecords));
            f.put("orphan_claims", orphans);
            f.put("double_promotions", doublePromotions);
            f.put("recovery_s_p95", sorted.isEmpty() ? null
                    : round(sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(0.95 * sorted.size()) - 1))));
            f.put("bad_requests", annotators.badRequests.get());
            f.put("bad_requests_5xx", annotators.badRequests5xx.get());
            f.putAll(node.figures());
            f.put("recovery_s", sorted.stream().map(Run::round).toList());
            f.put("kill_moments", phases);
            f.put("sigterm_during_training", sigtermSeen);
            f.put("sigterm_stop_s", round(sigtermStopSeconds));
            f.put("loop_trained_after_last_restart", continued);
            f.put("import_finished", bulk.finished());
            f.put("import_batches_resent", bulk.resends.get());
            f.put("records_at_end", finalRecords);
            f.put("records_expected_at_end", sampleRecords + importRecords);
            f.put("stale_label_conflicts_409", annotators.conflicts.get());
            f.put("queue_claims_seen", maxClaims);
            f.put("lost_label_examples", lostSeen.stream().limit(10).toList());
            return f;
        }

        private static double round(double v) {
            return Math.round(v * 10) / 10.0;
        }
    }
}
