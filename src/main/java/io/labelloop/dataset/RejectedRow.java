package io.labelloop.dataset;

/** A row that an import skipped: the file, the 1-based line where the row starts, and why. */
public record RejectedRow(String file, long line, String reason) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
