package io.labelloop.cli;

import java.io.PrintStream;
import java.util.List;

/**
 * One subcommand of the {@code ./labelloop} launcher ({@code serve}, {@code simulate}, {@code bench}, ...).
 *
 * <p>Implementations are found with {@link java.util.ServiceLoader} (listed in
 * {@code META-INF/services/io.labelloop.cli.Subcommand}) so that a feature adds its command without
 * touching the dispatcher. A command that needs the application context starts it itself, with the
 * web server off unless it serves pages.
 */
public interface Subcommand {

    /** The word typed after {@code ./labelloop}. */
    String name();

    /** One line for {@code ./labelloop --help}. */
    String summary();

    /** Runs the command and returns the process exit code; bad arguments return 2 after printing usage to {@code err}. */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
