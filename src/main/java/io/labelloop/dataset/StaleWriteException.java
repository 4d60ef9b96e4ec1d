package io.labelloop.dataset;

/**
 * A write based on an outdated view of a record or claim was refused, so that nobody's label is silently replaced:
 * reload the record (or claim the next one) and try again.
 */
public class StaleWriteException extends RuntimeException {

    private final String dataset;
    private final String recordId;

    public StaleWriteException(String dataset, String recordId, String reason) {
        super("Record '" + recordId + "' of dataset '" + dataset + "': " + reason);
        this.dataset = dataset;
        this.recordId = recordId;
    }

    public String dataset() {
        return dataset;
    }

    public String recordId() {
        return recordId;
    }
}
