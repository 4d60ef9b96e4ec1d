package io.labelloop.dataset;

import java.util.List;

/**
 * A file that cannot be imported at all (unbalanced quote, missing column, empty file, unreadable): the message
 * names the file and line, and nothing was written.
 */
public class ImportException extends RuntimeException {

    private final String file;
    private final long line;
    private final transient List<RejectedRow> rejected;
    private final long rejectedCount;

    public ImportException(String file, long line, String reason) {
        this(file, line, reason, List.of(), 0);
    }

    /**
     * A file refused because of its rows (every row bad, or a bad row under strict): {@code rejected} lists them with
     * line and reason (the first {@link ImportReport#MAX_LISTED_REJECTS}), so that all can be fixed in one go.
     */
    public ImportException(String file, long line, String reason, List<RejectedRow> rejected, long rejectedCount) {
        super(line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason);
        this.file = file;
        this.line = line;
        this.rejected = List.copyOf(rejected);
        this.rejectedCount = rejectedCount;
    }

    public ImportException(String file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.line = 0;
        this.rejected = List.of();
        this.rejectedCount = 0;
    }

    /** The rejected rows that made the file unusable, empty when the file failed as a whole. */
    public List<RejectedRow> rejected() {
        return rejected;
    }

    /** How many rows were rejected in all (may exceed {@link #rejected()}'s size). */
    public long rejectedCount() {
        return rejectedCount;
    }

    public String file() {
        return file;
    }

    /** 1-based line, 0 when the problem is not tied to a line. */
    public long line() {
        return line;
    }
}
