package io.labelloop.cli;

import java.io.PrintStream;
import java.util.List;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.health.HealthComponent;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.health.Status;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.labelloop.LabelloopApplication;
import java.time.Duration;

/**
 * {@code ./labelloop serve [--port 8080]}: starts the whole application with its web server and prints
 * the address to open. Returns once the server is up; the launcher keeps the JVM alive.
 */
public final class ServeCommand implements Subcommand {

    /** Port used when {@code --port} is not given. */
    static final int DEFAULT_PORT = 8080;
    /** Longest wait after the web server started for the loops to be ready. */
    static final Duration READY_TIMEOUT = Duration.ofMinutes(5);
    private static final long READY_POLL_MS = 200;

    @Override
    public String name() {
        return "serve";
    }

    @Override
    public String summary() {
        return "start the web app with embedded defaults and print the URL to open (--port " + DEFAULT_PORT + ")";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Integer port = parsePort(args, err);
        if (port == null) {
            return 2;
        }
        if (port < 0) {
            printUsage(out);
            return 0;
        }
        SpringApplication app = new SpringApplication(LabelloopApplication.class);
        ConfigurableApplicationContext context;
        try {
            context = app.run("--server.port=" + port);
        } catch (RuntimeException e) {
            // Spring Boot has logged why (a short report for a loop or route error); a second trace adds nothing
            err.println("serve: Labelloop did not start; the reason is logged above (" + e.getClass().getSimpleName()
                    + ")");
            return 1;
        }
        int actual = ((WebServerApplicationContext) context).getWebServer().getPort();
        if (!awaitReady(context, err)) {
            err.println("serve: Labelloop did not become ready within " + READY_TIMEOUT.toSeconds() + " s; see "
                    + "http://localhost:" + actual + "/actuator/health/readiness");
            return 1;
        }
        out.println();
        out.println("Labelloop is running: open http://localhost:" + actual + "/");
        out.println("(stop it with Ctrl+C)");
        return 0;
    }

    /**
     * Waits until the readiness group ({@code /actuator/health/readiness}: store, model runtime, every loop's routes)
     * is up, so that "running" is printed only when the loops serve.
     */
    static boolean awaitReady(ConfigurableApplicationContext context, PrintStream err) {
        HealthEndpoint health = context.getBean(HealthEndpoint.class);
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            HealthComponent readiness = health.healthForPath("readiness");
            if (readiness != null && Status.UP.equals(readiness.getStatus())) {
                return true;
            }
            try {
                Thread.sleep(READY_POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /** The port, -1 for {@code --help}, or null after printing what is wrong. */
    static Integer parsePort(List<String> args, PrintStream err) {
        int port = DEFAULT_PORT;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--help") || arg.equals("-h")) {
                return -1;
            }
            String value = arg.startsWith("--port=") ? arg.substring(7)
                    : arg.equals("--port") && i + 1 < args.size() ? args.get(++i) : null;
            if (arg.equals("--port") && value == null) {
                err.println("serve: --port needs a number from 0 to 65535");
                return null;
            }
            if (value == null) {
                err.println("serve: unknown option '" + arg + "'. Usage: ./labelloop serve [--port " + DEFAULT_PORT + "]");
                return null;
            }
            try {
                port = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                port = -2;
            }
            if (port < 0 || port > 65535) {
                err.println("serve: --port must be a number from 0 to 65535, got '" + value + "'");
                return null;
            }
        }
        return port;
    }

    private static void printUsage(PrintStream out) {
        out.println("Usage: ./labelloop serve [--port " + DEFAULT_PORT + "]");
        out.println("  Starts the store, the loops in routes/ and the web app; prints the URL to open.");
        out.println("  --port N   HTTP port (0 picks a free one); default " + DEFAULT_PORT);
    }
}
