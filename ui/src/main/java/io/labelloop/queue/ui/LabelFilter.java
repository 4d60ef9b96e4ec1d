package io.labelloop.queue.ui;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Which labels match what the annotator typed: every word typed occurs in the label, case aside, with {@code _} and
 * {@code -} read as spaces (so "card arr" finds {@code card_arrival}); labels that begin with the first word come
 * first, the rest keep the label set's order.
 */
final class LabelFilter {

    private final List<String> labels;

    LabelFilter(List<String> labels) {
        this.labels = List.copyOf(labels);
    }

    List<String> matching(String typed) {
        String[] words = words(typed);
        if (words.length == 0) {
            return labels;
        }
        List<String> starting = new ArrayList<>();
        List<String> containing = new ArrayList<>();
        for (String label : labels) {
            String name = normalized(label);
            if (Arrays.stream(words).allMatch(name::contains)) {
                (name.startsWith(words[0]) ? starting : containing).add(label);
            }
        }
        starting.addAll(containing);
        return starting;
    }

    private static String[] words(String typed) {
        String t = typed == null ? "" : normalized(typed).trim();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }

    private static String normalized(String s) {
        return s.toLowerCase(Locale.ROOT).replace('_', ' ').replace('-', ' ');
    }
}
