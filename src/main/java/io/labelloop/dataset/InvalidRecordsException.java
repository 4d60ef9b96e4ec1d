package io.labelloop.dataset;

import java.util.List;

/**
 * Logged records refused before anything was written: each rejected record by its 0-based position in the request,
 * the field at fault and why, as an import report lists rejected rows by line.
 */
public class InvalidRecordsException extends IllegalArgumentException {

    /** Rejected records named in the message; {@link #rejected()} holds all. */
    private static final int NAMED_IN_MESSAGE = 5;

    private final transient List<Rejected> rejected;

    /**
     * One refused record.
     *
     * @param index  its 0-based position in the request
     * @param field  the field at fault, e.g. {@code id}
     * @param reason why, naming the field
     */
    public record Rejected(int index, String field, String reason) {

        /** The field as a path into the request body, e.g. {@code records[3].id}. */
        public String path() {
            return "records[" + index + "]." + field;
        }
    }

    public InvalidRecordsException(String dataset, int records, List<Rejected> rejected) {
        super("Dataset '" + dataset + "': " + rejected.size() + " of " + records + " logged records refused, nothing "
                + "written: " + String.join("; ", rejected.stream().limit(NAMED_IN_MESSAGE)
                .map(r -> r.path() + ": " + r.reason()).toList())
                + (rejected.size() > NAMED_IN_MESSAGE ? "; ..." : ""));
        this.rejected = List.copyOf(rejected);
    }

    /** Every refused record. */
    public List<Rejected> rejected() {
        return rejected;
    }

    /** The field of the first refused record, e.g. {@code records[3].id}. */
    public String field() {
        return rejected.get(0).path();
    }
}
