package io.labelloop.loop.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import io.labelloop.dataset.TextRecord;
import io.labelloop.registry.ModelEvaluation;

/**
 * Counts of (human label, predicted label) over held-out records; rows are the true labels.
 *
 * @param labels  the label set, in display order
 * @param counts  {@code counts[true][predicted]}
 * @param records records counted (labeled and scored)
 */
record ConfusionMatrix(List<String> labels, long[][] counts, long records) {

    /**
     * One off-diagonal cell: {@code count} records of {@code truth} were predicted as {@code predicted}, out of the
     * {@code truthTotal} records of {@code truth}.
     */
    record Confusion(String truth, String predicted, long count, long truthTotal) {
    }

    static ConfusionMatrix of(List<String> labels, Stream<TextRecord> records) {
        long[][] counts = new long[labels.size()][labels.size()];
        long[] total = {0};
        records.forEach(r -> {
            // List.of(...).indexOf(null) throws: a record without label or prediction is simply not counted
            int truth = r.label() == null ? -1 : labels.indexOf(r.label());
            int guess = r.predictedLabel() == null ? -1 : labels.indexOf(r.predictedLabel());
            if (truth >= 0 && guess >= 0) {
                counts[truth][guess]++;
                total[0]++;
            }
        });
        return new ConfusionMatrix(List.copyOf(labels), counts, total[0]);
    }

    /** The matrix the loop stored with a version's evaluation (its own eval records, its own label order). */
    static ConfusionMatrix of(ModelEvaluation evaluation) {
        List<String> labels = evaluation.labels();
        long[][] counts = new long[labels.size()][labels.size()];
        long total = 0;
        for (int truth = 0; truth < labels.size(); truth++) {
            for (int guess = 0; guess < labels.size(); guess++) {
                counts[truth][guess] = evaluation.confusion().get(truth).get(guess);
                total += counts[truth][guess];
            }
        }
        return new ConfusionMatrix(labels, counts, total);
    }

    long get(String truth, String predicted) {
        return counts[labels.indexOf(truth)][labels.indexOf(predicted)];
    }

    /** Share of counted records on the diagonal, or null when nothing was counted. */
    Double accuracy() {
        if (records == 0) {
            return null;
        }
        long right = 0;
        for (int i = 0; i < labels.size(); i++) {
            right += counts[i][i];
        }
        return (double) right / records;
    }

    /** The {@code n} largest off-diagonal cells, largest first (ties in label order): what a large matrix hides. */
    List<Confusion> topConfusions(int n) {
        List<Confusion> cells = new ArrayList<>();
        for (int truth = 0; truth < labels.size(); truth++) {
            long total = 0;
            for (long c : counts[truth]) {
                total += c;
            }
            for (int guess = 0; guess < labels.size(); guess++) {
                if (guess != truth && counts[truth][guess] > 0) {
                    cells.add(new Confusion(labels.get(truth), labels.get(guess), counts[truth][guess], total));
                }
            }
        }
        // a stable sort keeps the label order among equal counts
        return cells.stream().sorted(Comparator.comparingLong(Confusion::count).reversed()).limit(n).toList();
    }
}
