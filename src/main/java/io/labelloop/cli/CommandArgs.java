package io.labelloop.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options, value-less flags and positional words of a subcommand. */
final class CommandArgs {

    private final Map<String, String> options = new HashMap<>();
    private final Set<String> flags = new HashSet<>();
    private final List<String> positional = new ArrayList<>();

    /**
     * Parses the arguments; {@code flagNames} take no value.
     *
     * @throws IllegalArgumentException for an option without its value
     */
    static CommandArgs parse(List<String> args, String... flagNames) {
        Set<String> flagSet = Set.of(flagNames);
        CommandArgs parsed = new CommandArgs();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                parsed.positional.add(a);
            } else if (a.contains("=")) {
                parsed.options.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else if (flagSet.contains(a.substring(2))) {
                parsed.flags.add(a.substring(2));
            } else if (i + 1 < args.size()) {
                parsed.options.put(a.substring(2), args.get(++i));
            } else {
                throw new IllegalArgumentException("option " + a + " needs a value");
            }
        }
        return parsed;
    }

    String get(String name) {
        return options.get(name);
    }

    String get(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    String require(String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("option --" + name + " is required");
        }
        return value;
    }

    /** A comma-separated option as a list, empty when absent. */
    List<String> list(String name) {
        String value = options.get(name);
        return value == null || value.isBlank() ? List.of()
                : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    List<String> positional() {
        return positional;
    }
}
