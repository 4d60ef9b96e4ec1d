package io.labelloop.component;

import java.lang.reflect.Field;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.camel.spi.UriParam;
import org.apache.camel.spi.UriPath;

/** The option names of a {@code labelloop:} endpoint, to suggest the one a misspelt option probably meant. */
final class OptionNames {

    /** Edits (insert, delete, replace) within which a name counts as a misspelling of an option. */
    static final int MAX_EDITS = 2;

    private static final List<String> NAMES = Arrays.stream(LabelloopConfiguration.class.getDeclaredFields())
            .filter(f -> f.isAnnotationPresent(UriParam.class) || f.isAnnotationPresent(UriPath.class))
            .map(Field::getName).toList();

    private OptionNames() {
    }

    /** "unknown option 'stratgy' (did you mean 'strategy'?). " for each unknown name close to a real one. */
    static String suggest(Collection<String> unknown) {
        StringBuilder text = new StringBuilder();
        for (String name : unknown) {
            closest(name).ifPresent(known -> text.append("unknown option '").append(name)
                    .append("' (did you mean '").append(known).append("'?). "));
        }
        return text.toString();
    }

    static Optional<String> closest(String name) {
        return NAMES.stream().filter(known -> distance(name.toLowerCase(), known.toLowerCase()) <= MAX_EDITS)
                .min(Comparator.comparingInt(known -> distance(name.toLowerCase(), known.toLowerCase())));
    }

    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
