package io.labelloop.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * {@code ./labelloop bench --suite NAME [options] --out FILE.json}: runs a {@link BenchSuite} and writes its
 * figures as JSON. Speed targets live in these files, never in timed unit tests.
 */
public final class BenchCommand implements Subcommand {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String name() {
        return "bench";
    }

    @Override
    public String summary() {
        return "Runs a benchmark suite and writes its figures as JSON (--suite model ...)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.contains("--help") || args.contains("-h")) {
            usage(out);
            return 0;
        }
        BenchOptions options;
        Optional<BenchSuite> suite;
        try {
            options = BenchOptions.parse(args);
            String name = options.require("suite");
            suite = suites().stream().filter(s -> s.name().equals(name)).findFirst();
            if (suite.isEmpty()) {
                throw new IllegalArgumentException("unknown suite '" + name + "'");
            }
        } catch (IllegalArgumentException e) {
            err.println("bench: " + e.getMessage());
            usage(err);
            return 2;
        }
        Path target = options.getPath("out", Path.of("bench-" + suite.get().name() + ".json"));
        Map<String, Object> figures;
        try {
            figures = suite.get().run(options, err);
        } catch (IllegalArgumentException e) {
            err.println("bench: " + e.getMessage());
            usage(err);
            return 2;
        }
        Map<String, Object> document = document(suite.get().name(), figures, Instant.now());
        if (target.toAbsolutePath().getParent() != null) {
            Files.createDirectories(target.toAbsolutePath().getParent());
        }
        JSON.writeValue(target.toFile(), document);
        out.println(JSON.writeValueAsString(document));
        err.println("bench: wrote " + target.toAbsolutePath());
        return 0;
    }

    /** One shape for every suite: {@code {"<suite>": {"measured_at": ..., figures..., "conditions": {...}}}}. */
    static Map<String, Object> document(String suite, Map<String, Object> figures, Instant measuredAt) {
        Map<String, Object> measured = new LinkedHashMap<>();
        measured.put("measured_at", measuredAt.toString());
        measured.putAll(figures);
        return Map.of(suite, measured);
    }

    static List<BenchSuite> suites() {
        return ServiceLoader.load(BenchSuite.class).stream().map(ServiceLoader.Provider::get).toList();
    }

    private static void usage(PrintStream out) {
        out.println("Usage: ./labelloop bench --suite NAME [options] [--out FILE.json]   (default out: bench-NAME.json)");
        for (BenchSuite s : suites()) {
            out.println();
            out.println("  --suite " + s.name());
            out.println(s.usage());
        }
    }
}
