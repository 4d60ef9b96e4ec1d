package io.labelloop.dataset;

import java.util.List;

/**
 * How an import creates its dataset when none of that name exists yet.
 *
 * @param labels       the label set
 * @param evalFraction share of the records held out (by id hash) for evaluation, in [0, 1)
 */
public record NewDataset(List<String> labels, double evalFraction) {

    public NewDataset {
        labels = List.copyOf(labels);
    }

    /** This label set with the default held-out fraction. */
    public static NewDataset withLabels(List<String> labels) {
        return new NewDataset(labels, Dataset.DEFAULT_EVAL_FRACTION);
    }
}
