package io.labelloop.cli;

import java.io.PrintStream;
import java.util.Map;

/**
 * One benchmark suite of {@code ./labelloop bench --suite NAME}. Suites are found with
 * {@link java.util.ServiceLoader} (listed in {@code META-INF/services/io.labelloop.cli.BenchSuite}), so a
 * feature adds its suite (e.g. {@code store}) without touching {@link BenchCommand}.
 */
public interface BenchSuite {

    /** The value of {@code --suite}. */
    String name();

    /** Lines describing the suite's own options, for {@code ./labelloop bench --help}. */
    String usage();

    /**
     * Runs the suite.
     *
     * @param options all command-line options ({@code --suite} and {@code --out} included)
     * @param log progress lines
     * @return the figures, unprefixed, with a {@code conditions} object (records, cores, threads); the command writes
     *         them to {@code --out} as {@code {"<name>": {"measured_at": ..., figures}}}
     * @throws IllegalArgumentException for bad options (the command prints usage and exits with 2)
     * @throws Exception when the benchmark itself fails
     */
    Map<String, Object> run(BenchOptions options, PrintStream log) throws Exception;
}
