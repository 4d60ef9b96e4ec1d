package io.labelloop.stopping;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Cohen's kappa: the agreement of two labelings of the same records beyond what their label frequencies give. */
final class Kappa {

    private Kappa() {
    }

    /**
     * Kappa between two versions' predicted labels ({@code id -> label}), over the records both predicted; empty when
     * they share no record. When chance agreement is already total (both predict one and the same label for every
     * shared record) the predictions did not change, so it is 1 rather than 0/0.
     */
    static Optional<KappaStep> between(String from, Map<String, String> first, String to, Map<String, String> second) {
        Map<String, Integer> firstCounts = new HashMap<>();
        Map<String, Integer> secondCounts = new HashMap<>();
        int shared = 0;
        int agreed = 0;
        for (Map.Entry<String, String> e : first.entrySet()) {
            String other = second.get(e.getKey());
            if (other == null || e.getValue() == null) {
                continue;
            }
            shared++;
            agreed += e.getValue().equals(other) ? 1 : 0;
            firstCounts.merge(e.getValue(), 1, Integer::sum);
            secondCounts.merge(other, 1, Integer::sum);
        }
        if (shared == 0) {
            return Optional.empty();
        }
        double observed = (double) agreed / shared;
        double chance = 0;
        for (Map.Entry<String, Integer> e : firstCounts.entrySet()) {
            chance += (double) e.getValue() / shared * secondCounts.getOrDefault(e.getKey(), 0) / shared;
        }
        double kappa = chance >= 1 ? 1.0 : (observed - chance) / (1 - chance);
        return Optional.of(new KappaStep(from, to, kappa, shared));
    }
}
