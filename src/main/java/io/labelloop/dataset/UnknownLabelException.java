package io.labelloop.dataset;

import java.util.List;

/** Thrown when a label is not in the dataset's label set. */
public class UnknownLabelException extends IllegalArgumentException {

    public UnknownLabelException(String dataset, String label, List<String> labels) {
        super("Label '" + label + "' is not in the label set of dataset '" + dataset + "': " + labels);
    }
}
