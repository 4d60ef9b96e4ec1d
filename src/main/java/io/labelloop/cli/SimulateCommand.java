package io.labelloop.cli;

import io.labelloop.LabelloopApplication;
import io.labelloop.loop.simulation.LearningCurve;
import io.labelloop.loop.simulation.Simulation;
import io.labelloop.loop.simulation.SimulationOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code ./labelloop simulate}: runs the example loop's routes on a fresh embedded store with a simulated annotator
 * and writes the learning curve; {@code ./labelloop simulate --compare a.json b.json --out both.png} plots several.
 */
public final class SimulateCommand implements Subcommand {

    @Override
    public String name() {
        return "simulate";
    }

    @Override
    public String summary() {
        return "run a loop with a simulated annotator and write its learning curve (JSON + PNG)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
            out.println(SimulationOptions.USAGE);
            return args.isEmpty() ? 2 : 0;
        }
        if (args.get(0).equals("--compare")) {
            return compare(args.subList(1, args.size()), out, err);
        }
        SimulationOptions options;
        try {
            options = SimulationOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("simulate: " + e.getMessage());
            err.println(SimulationOptions.USAGE);
            return 2;
        }
        return simulate(options, out);
    }

    private static int simulate(SimulationOptions options, PrintStream out) throws Exception {
        Path work = Files.createTempDirectory("labelloop-simulate-");
        try (ConfigurableApplicationContext context = start(work)) {
            LearningCurve curve = new Simulation(context).run(options, work);
            Path png = Simulation.write(curve, options.out());
            curve.iterations().forEach(p -> out.printf("labels %4d  accuracy %.4f  macro-F1 %.4f  train %.1f s  "
                    + "score %.1f s  forecast %s  kappa %s%n", p.labels(), p.accuracy(), p.macroF1(), p.trainSeconds(),
                    p.scoreSeconds(), figure(p.forecast()), figure(p.kappa())));
            curve.notes().forEach(n -> out.println("note: " + n));
            LearningCurve.ForecastSummary f = curve.forecast();
            out.printf("area under the accuracy curve %.4f%n+%d-label forecasts: %d checked, mean absolute error %s, "
                    + "%d inside their interval%nstopping: %s, first stop at %s labels%nwrote %s and %s%n",
                    curve.accuracyAuc(), f.labelsAhead(), f.checked(), figure(f.meanAbsoluteError()),
                    f.insideInterval(),
                    curve.stopping().finalSignal(), curve.stopping().firstStopAtLabels(), options.out(), png);
            return 0;
        } finally {
            deleteQuietly(work);
        }
    }

    private static String figure(Double value) {
        return value == null ? "-" : String.format("%.4f", value);
    }

    /**
     * The application on its own store and model folder, with the routes not yet started. The web server runs on a
     * free loopback port (the web app's security needs it when it is on the classpath), so /actuator/prometheus
     * can be watched during a run.
     */
    private static ConfigurableApplicationContext start(Path work) {
        return new SpringApplicationBuilder(LabelloopApplication.class)
                .web(WebApplicationType.SERVLET)
                .properties(
                        "server.port=0",
                        "server.address=127.0.0.1",
                        "labelloop.opensearch.data-dir=" + work.resolve("opensearch"),
                        "labelloop.loops.models-dir=" + work.resolve("models"),
                        "camel.main.auto-startup=false",
                        "labelloop.sample.enabled=false",
                        "spring.main.banner-mode=off")
                .run();
    }

    private static int compare(List<String> args, PrintStream out, PrintStream err) throws IOException {
        List<Path> jsons = new ArrayList<>();
        Path png = null;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--out") && i + 1 < args.size()) {
                png = Path.of(args.get(++i));
            } else {
                jsons.add(Path.of(args.get(i)));
            }
        }
        if (png == null || jsons.isEmpty()) {
            err.println("simulate --compare: usage: ./labelloop simulate --compare a.json b.json ... --out both.png");
            return 2;
        }
        Simulation.compare(jsons, png);
        out.println("wrote " + png);
        return 0;
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A left-over temp folder is harmless; the simulation's result is already written.
        }
    }
}
