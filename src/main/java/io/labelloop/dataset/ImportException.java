package io.labelloop.dataset;

/**
 * A file that cannot be imported at all (unbalanced quote, missing column, empty file, unreadable): the message
 * names the file and line, and nothing was written.
 */
public class ImportException extends RuntimeException {

    private final String file;
    private final long line;

    public ImportException(String file, long line, String reason) {
        super(line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason);
        this.file = file;
        this.line = line;
    }

    public ImportException(String file, String reason, Throwable cause) {
        super(file + ": " + reason, cause);
        this.file = file;
        this.line = 0;
    }

    public String file() {
        return file;
    }

    /** 1-based line, 0 when the problem is not tied to a line. */
    public long line() {
        return line;
    }
}
