package io.labelloop.loop;

import java.util.Arrays;
import java.util.stream.Collectors;

/** An enum constant with the lower-case, dashed name users type in loop files, routes and on the command line. */
public interface NamedOption {

    /** The name as users type it. */
    String id();

    /** Finds the constant by its name, ignoring case; the error lists every accepted name. */
    static <E extends Enum<E> & NamedOption> E parse(Class<E> type, String name, String what) {
        E[] values = type.getEnumConstants();
        String wanted = name == null ? "" : name.trim();
        return Arrays.stream(values)
                .filter(v -> v.id().equalsIgnoreCase(wanted) || v.name().equalsIgnoreCase(wanted))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown " + what + " '" + name + "', expected one of "
                        + Arrays.stream(values).map(NamedOption::id).collect(Collectors.joining(", "))));
    }
}
