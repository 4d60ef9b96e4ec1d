package io.labelloop.loop;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An enum constant with the lower-case, dashed name users type in loop files, routes and on the command line. */
public interface NamedOption {

    /** The name as users type it. */
    String id();

    /** Finds the constant by its name, ignoring case; the error lists every accepted name. */
    static <E extends Enum<E> & NamedOption> E parse(Class<E> type, String name, String what) {
        return parse(type, NamedOption::id, name, what);
    }

    /**
     * Finds the constant of an enum that cannot implement this interface (one of the model runtime's) by the name
     * {@code id} gives it, or by its constant name, ignoring case; the error lists every accepted name.
     */
    static <E extends Enum<E>> E parse(Class<E> type, Function<? super E, String> id, String name, String what) {
        E[] values = type.getEnumConstants();
        String wanted = name == null ? "" : name.trim();
        return Arrays.stream(values)
                .filter(v -> id.apply(v).equalsIgnoreCase(wanted) || v.name().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown " + what + " '" + name + "', expected one of "
                        + Arrays.stream(values).map(id).collect(Collectors.joining(", "))));
    }
}
