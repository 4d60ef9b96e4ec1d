package io.labelloop.cli;

import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** Dispatches {@code ./labelloop <subcommand> [options]} to the matching {@link Subcommand}. */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        int code = run(List.of(args), System.out, System.err);
        if (code != 0 || !keepsRunning(args)) {
            System.exit(code);
        }
    }

    static int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        if (args.isEmpty() || args.get(0).equals("--help") || args.get(0).equals("-h") || args.get(0).equals("help")) {
            printHelp(out);
            return 0;
        }
        Optional<Subcommand> command = find(args.get(0));
        if (command.isEmpty()) {
            err.println("Unknown subcommand '" + args.get(0) + "'.");
            printHelp(err);
            return 2;
        }
        return command.get().run(args.subList(1, args.size()), out, err);
    }

    static List<Subcommand> all() {
        return ServiceLoader.load(Subcommand.class).stream()
                .map(ServiceLoader.Provider::get)
                .sorted(Comparator.comparing(Subcommand::name))
                .toList();
    }

    private static Optional<Subcommand> find(String name) {
        return all().stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** {@code serve} returns once the server is up; the JVM must then stay alive for it. */
    private static boolean keepsRunning(String[] args) {
        return args.length > 0 && args[0].equals("serve");
    }

    private static void printHelp(PrintStream out) {
        out.println("Usage: ./labelloop <subcommand> [options]   (./labelloop <subcommand> --help for its options)");
        out.println();
        for (Subcommand c : all()) {
            out.printf("  %-10s %s%n", c.name(), c.summary());
        }
    }
}
