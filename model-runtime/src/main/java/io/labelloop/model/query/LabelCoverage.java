package io.labelloop.model.query;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cold-start order of {@link QuerySelector#select}: candidates taken in turns over their predicted labels, so that
 * one batch reaches as many labels as it has picks. Labels with the fewest human labels take their turn first. A
 * label nobody has labeled yet offers the candidate the model is surest about (the record most likely to really be
 * it, so that its first label lands on it); a label that has labels offers its candidates in the strategy's order.
 */
final class LabelCoverage {

    private LabelCoverage() {
    }

    /**
     * @param ranked  candidates in the strategy's order, most useful first
     * @param labeled human labels so far per label; a label missing from it has none
     * @return the same candidates, interleaved over predicted labels
     */
    static List<Candidate> order(List<Candidate> ranked, Map<String, Long> labeled) {
        Map<String, Deque<Candidate>> byLabel = new LinkedHashMap<>();
        for (Candidate c : ranked) {
            byLabel.computeIfAbsent(c.prediction().label(), l -> new ArrayDeque<>()).addLast(c);
        }
        List<String> turns = new ArrayList<>(byLabel.keySet());
        // a stable sort: equally labeled labels keep the order of their most useful candidate
        turns.sort(Comparator.comparingLong(l -> labeled.getOrDefault(l, 0L)));
        List<Candidate> order = new ArrayList<>(ranked.size());
        boolean first = true;
        while (order.size() < ranked.size()) {
            for (String label : turns) {
                Deque<Candidate> queue = byLabel.get(label);
                if (!queue.isEmpty()) {
                    order.add(first && labeled.getOrDefault(label, 0L) == 0 ? surest(queue) : queue.pollFirst());
                }
            }
            first = false;
        }
        return order;
    }

    /** Removes and returns the candidate with the highest top score. */
    private static Candidate surest(Deque<Candidate> queue) {
        Candidate best = queue.stream().max(Comparator.comparingDouble(c -> c.prediction().maxScore())).orElseThrow();
        queue.remove(best);
        return best;
    }
}
