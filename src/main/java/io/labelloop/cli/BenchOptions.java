package io.labelloop.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code --name value} options of {@code ./labelloop bench}, shared by every {@link BenchSuite}. */
public final class BenchOptions {

    private final Map<String, String> values;

    private BenchOptions(Map<String, String> values) {
        this.values = values;
    }

    /**
     * Parses {@code --name value} pairs.
     *
     * @throws IllegalArgumentException for a word that is not an option or an option without a value
     */
    public static BenchOptions parse(List<String> args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--") || a.length() < 3) {
                throw new IllegalArgumentException("unexpected argument '" + a + "' (options are --name value)");
            }
            if (a.contains("=")) {
                values.put(a.substring(2, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                values.put(a.substring(2), args.get(++i));
            } else {
                throw new IllegalArgumentException("option " + a + " needs a value");
            }
        }
        return new BenchOptions(values);
    }

    /** The option's value, or null. */
    public String get(String name) {
        return values.get(name);
    }

    /** The option's value, or the default. */
    public String get(String name, String defaultValue) {
        return values.getOrDefault(name, defaultValue);
    }

    /** The option's value; throws IllegalArgumentException naming the option when absent. */
    public String require(String name) {
        String v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("option --" + name + " is required");
        }
        return v;
    }

    /** The option as an integer, or the default; throws IllegalArgumentException naming the option when not a number. */
    public int getInt(String name, int defaultValue) {
        String v = values.get(name);
        try {
            return v == null ? defaultValue : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option --" + name + " must be a whole number, got '" + v + "'", e);
        }
    }

    /** The option as a path, or the default. */
    public Path getPath(String name, Path defaultValue) {
        String v = values.get(name);
        return v == null ? defaultValue : Path.of(v);
    }
}
