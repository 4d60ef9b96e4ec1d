package io.labelloop.dataset.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the explorer's metadata filter, {@code product:card channel:app,web}, into key to allowed values. */
final class MetadataTerms {

    private MetadataTerms() {
    }

    static Map<String, List<String>> parse(String input) {
        Map<String, List<String>> terms = new LinkedHashMap<>();
        if (input == null || input.isBlank()) {
            return terms;
        }
        for (String token : input.trim().split("\\s+")) {
            int colon = token.indexOf(':');
            if (colon <= 0 || colon == token.length() - 1) {
                throw new IllegalArgumentException("Metadata filter '" + token + "' is not key:value (e.g. product:card)");
            }
            List<String> values = terms.computeIfAbsent(token.substring(0, colon), k -> new ArrayList<>());
            for (String value : token.substring(colon + 1).split(",")) {
                if (!value.isBlank()) {
                    values.add(value);
                }
            }
        }
        return terms;
    }
}
