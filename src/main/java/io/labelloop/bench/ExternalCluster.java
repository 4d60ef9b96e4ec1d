package io.labelloop.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import io.labelloop.store.OpenSearchProperties;

/**
 * The user's own cluster ({@code --opensearch URL[,URL...]}). The run's indices get a prefix of their own
 * ({@code faults-<epoch seconds>-}) so that nothing of the user's is touched. A data node is stopped and started
 * only through the user's shell commands ({@code sh -c}), whose output goes to {@code node-commands.log}.
 */
final class ExternalCluster implements BenchCluster {

    private static final long COMMAND_TIMEOUT_S = 300;
    /** One health wait stays under the 30 s timeout of a {@link Rest} call; the caller's deadline repeats it. */
    private static final int HEALTH_WAIT_S = 20;

    private final ClusterOptions options;
    private final String indexPrefix = "faults-" + Instant.now().getEpochSecond() + "-";
    private final Path commandLog;
    private int nodesBeforeStop;

    ExternalCluster(ClusterOptions options, Path home) {
        this.options = options;
        this.commandLog = home.resolve("node-commands.log");
    }

    @Override
    public Map<String, String> childProperties() {
        return Map.of("labelloop.opensearch.uris", String.join(",", options.uris()),
                "labelloop.opensearch.index-prefix", indexPrefix);
    }

    @Override
    public String indexPrefix() {
        return indexPrefix;
    }

    @Override
    public List<String> uris() {
        return options.uris();
    }

    /** The first address that answers (the stopped node's does not), else the first. */
    @Override
    public Rest openSearch() throws InterruptedException {
        for (String uri : options.uris()) {
            Rest rest = rest(uri);
            if (rest.json("GET", "/", null) != null) {
                return rest;
            }
        }
        return rest(options.uris().get(0));
    }

    @Override
    public void stopNode() throws IOException, InterruptedException {
        JsonNode health = openSearch().json("GET", "/_cluster/health", null);
        if (health == null) {
            throw new IllegalStateException("the cluster at " + options.uris() + " does not answer /_cluster/health");
        }
        nodesBeforeStop = health.path("number_of_nodes").asInt();
        run(options.stopCommand());
    }

    @Override
    public void startNode() throws IOException, InterruptedException {
        run(options.startCommand());
    }

    /** With {@code wait_for_nodes}: after a stop, replicas that auto-expand to 0 make one node alone green. */
    @Override
    public boolean awaitGreen(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            // A wait that times out answers 408, which json() turns into null: ask again.
            JsonNode health = openSearch().json("GET", "/_cluster/health?wait_for_status=green&wait_for_nodes="
                    + nodesBeforeStop + "&timeout=" + HEALTH_WAIT_S + "s", null);
            if (health != null && !health.path("timed_out").asBoolean() && "green".equals(health.path("status").asText())) {
                return true;
            }
            Thread.sleep(1000);
        }
        return false;
    }

    @Override
    public void close() {
        // The run's indices and templates stay for a look; their prefix keeps them apart from the user's.
    }

    private void run(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(commandLog.toFile())).start();
        if (!process.waitFor(COMMAND_TIMEOUT_S, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("'" + command + "' did not finish within " + COMMAND_TIMEOUT_S + " s; its "
                    + "output is in " + commandLog);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("'" + command + "' exited with " + process.exitValue() + "; its output is in "
                    + commandLog);
        }
    }

    /** Credentials as the application takes them, from the environment. */
    private static Rest rest(String uri) {
        String user = System.getenv(OpenSearchProperties.USER_ENV);
        String password = System.getenv(OpenSearchProperties.PASSWORD_ENV);
        return user == null || password == null ? new Rest(uri, null, null) : new Rest(uri, user, password);
    }
}
