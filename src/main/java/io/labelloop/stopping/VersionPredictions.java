package io.labelloop.stopping;

import java.time.Instant;
import java.util.Map;

/**
 * What one scored version predicted on its loop's stop set.
 *
 * @param loop      the loop
 * @param version   the model version
 * @param iteration its iteration in the registry, which orders the comparisons
 * @param predicted {@code record id -> predicted label}, for the stop-set records it scored
 * @param scoredAt  when its score finished
 */
record VersionPredictions(String loop, String version, int iteration, Map<String, String> predicted,
                          Instant scoredAt) {

    VersionPredictions {
        predicted = predicted == null ? Map.of() : Map.copyOf(predicted);
    }
}
