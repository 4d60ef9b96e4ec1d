package io.labelloop.dataset;

/** Thrown when a dataset name does not exist. */
public class DatasetNotFoundException extends RuntimeException {

    public DatasetNotFoundException(String name) {
        super("Unknown dataset '" + name + "' (create it first, e.g. ./labelloop import --dataset " + name
                + " --labels a,b FILE)");
    }
}
