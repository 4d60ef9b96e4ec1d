package io.labelloop.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Arrays;

/**
 * Quality of a classifier on labelled examples.
 *
 * @param labels the label set, in the order of the confusion matrix rows and columns
 * @param count the number of examples evaluated
 * @param accuracy the fraction of examples whose predicted label equals the gold label
 * @param macroF1 the unweighted mean of the per-label F1 scores
 * @param perLabel precision, recall, F1 and support of each label, in label order
 * @param confusion {@code confusion[gold][predicted]} counts, indexed like {@code labels}
 */
public record Evaluation(List<String> labels, int count, double accuracy, double macroF1,
                         Map<String, LabelMetrics> perLabel, int[][] confusion) {

    /**
     * Precision, recall and F1 of one label.
     *
     * @param precision of the examples predicted as this label, the fraction that have it (0 when none predicted)
     * @param recall of the examples that have this label, the fraction predicted as it (0 when none have it)
     * @param f1 the harmonic mean of precision and recall
     * @param support the number of examples with this gold label
     */
    public record LabelMetrics(double precision, double recall, double f1, int support) {
    }

    /**
     * Computes the metrics from gold and predicted labels.
     *
     * @param labels the label set; every gold and predicted label must be in it
     * @param gold the gold label of each example
     * @param predicted the predicted label of each example, same order as {@code gold}
     * @return the evaluation
     * @throws IllegalArgumentException when the lists differ in length or hold a label outside the set
     */
    public static Evaluation of(List<String> labels, List<String> gold, List<String> predicted) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException("gold has " + gold.size() + " labels but predicted has " + predicted.size());
        }
        int[][] confusion = new int[labels.size()][labels.size()];
        int correct = 0;
        for (int i = 0; i < gold.size(); i++) {
            int g = indexOf(labels, gold.get(i), "gold", i);
            int p = indexOf(labels, predicted.get(i), "predicted", i);
            confusion[g][p]++;
            correct += g == p ? 1 : 0;
        }
        Map<String, LabelMetrics> perLabel = perLabel(labels, confusion);
        double macroF1 = perLabel.values().stream().mapToDouble(LabelMetrics::f1).average().orElse(0);
        double accuracy = gold.isEmpty() ? 0 : (double) correct / gold.size();
        return new Evaluation(List.copyOf(labels), gold.size(), accuracy, macroF1, perLabel, confusion);
    }

    private static int indexOf(List<String> labels, String label, String what, int row) {
        int index = labels.indexOf(label);
        if (index < 0) {
            throw new IllegalArgumentException(what + " label '" + label + "' of example " + row + " is not in the label set " + labels);
        }
        return index;
    }

    private static Map<String, LabelMetrics> perLabel(List<String> labels, int[][] confusion) {
        Map<String, LabelMetrics> result = new LinkedHashMap<>();
        for (int k = 0; k < labels.size(); k++) {
            int tp = confusion[k][k];
            int support = 0;
            int predicted = 0;
            for (int j = 0; j < labels.size(); j++) {
                support += confusion[k][j];
                predicted += confusion[j][k];
            }
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = support == 0 ? 0 : (double) tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            result.put(labels.get(k), new LabelMetrics(precision, recall, f1, support));
        }
        return result;
    }

    /** The metrics as a flat map ({@code accuracy}, {@code macro_f1}, {@code recall.LABEL}, ...) for provenance and dashboards. */
    public Map<String, Double> summary() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("accuracy", accuracy);
        m.put("macro_f1", macroF1);
        m.put("count", (double) count);
        perLabel.forEach((label, lm) -> {
            m.put("precision." + label, lm.precision());
            m.put("recall." + label, lm.recall());
        });
        return m;
    }

    /** The confusion matrix as nested lists, convenient for JSON. */
    public List<List<Integer>> confusionRows() {
        List<List<Integer>> rows = new ArrayList<>();
        for (int[] row : confusion) {
            rows.add(Arrays.stream(row).boxed().toList());
        }
        return rows;
    }
}
