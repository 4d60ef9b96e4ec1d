package io.labelloop.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The real application as a child process ({@code java -jar labelloop.jar serve}) on its own home and data, started,
 * killed with SIGKILL and started again on the same data. Its output goes to {@code child-N.log}. Public for the
 * integration tests that restart the application too.
 */
public final class ChildApp {

    /** The child's {@code admin} password. */
    public static final String ADMIN_PASSWORD = "faults-admin";
    /** The child's {@code annotator} password. */
    public static final String ANNOTATOR_PASSWORD = "faults-annotator";

    private final Path jar;
    private final Path home;
    private final int port;
    private final String heap;
    private final Map<String, String> properties;
    private final Rest anonymous;
    private Process process;
    private Path log;
    private int starts;

    /** {@code properties} become {@code -D} options of the child, e.g. {@code labelloop.opensearch.uris}. */
    public ChildApp(Path jar, Path home, String heap, Map<String, String> properties) throws IOException {
        this.jar = jar;
        this.home = home;
        this.heap = heap;
        this.properties = Map.copyOf(properties);
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
        this.anonymous = new Rest(baseUrl(), null, null);
    }

    /** Where the child's web server answers, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** The current run's log file. */
    public Path log() {
        return log;
    }

    /** Starts the child (again) on its home and data; its output goes to a new {@code child-N.log}. */
    public void start() throws IOException {
        starts++;
        log = home.resolve("child-" + starts + ".log");
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heap, "-Dai.djl.offline=true",
                "-Dspring.config.additional-location=optional:file:" + home.resolve("config") + "/"));
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-jar", jar.toString(), "serve", "--port", String.valueOf(port)));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("LABELLOOP_HOME", home.toString());
        builder.environment().put("LABELLOOP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().put("LABELLOOP_ANNOTATOR_PASSWORD", ANNOTATOR_PASSWORD);
        builder.environment().putIfAbsent("OMP_WAIT_POLICY", "PASSIVE");
        process = builder.start();
    }

    /** Seconds until {@code /actuator/health/readiness} answers UP; fails if the process dies or takes too long. */
    public double awaitReady(long timeoutSeconds) throws InterruptedException, IOException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(timeoutSeconds)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue() + "; see " + log);
            }
            if (isReady()) {
                return (System.nanoTime() - start) / 1e9;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("not ready after " + timeoutSeconds + " s; see " + log);
    }

    /** Whether {@code /actuator/health/readiness} answers UP now. */
    boolean isReady() throws InterruptedException {
        JsonNode health = anonymous.json("GET", "/actuator/health/readiness", null);
        return health != null && "UP".equals(health.path("status").asText());
    }

    /** SIGKILL: no shutdown hook, no flush; what was acknowledged must survive. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM, then waits for the exit: seconds it took (the application lets a running training finish first). */
    double terminate(long timeoutSeconds) throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            kill();
            return -1;
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** The log of the current run so far. */
    String logText() throws IOException {
        return Files.readString(log);
    }

    /** Whether the child process runs now. */
    public boolean isAlive() {
        return process != null && process.isAlive();
    }

    /** SIGTERM, and SIGKILL if it has not stopped within 90 s; nothing when it does not run. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
