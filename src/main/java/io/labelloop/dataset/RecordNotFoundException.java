package io.labelloop.dataset;

/** A record id that the dataset does not hold. */
public class RecordNotFoundException extends IllegalArgumentException {

    public RecordNotFoundException(String dataset, String id) {
        super("Dataset '" + dataset + "' has no record '" + id + "'");
    }
}
