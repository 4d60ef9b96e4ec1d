package io.labelloop.dataset;

/** A paging cursor ({@code after}) that is not a {@link RecordPage#next()} value: refused rather than ignored. */
public class InvalidCursorException extends IllegalArgumentException {

    InvalidCursorException(String cursor, Throwable cause) {
        super("Invalid search cursor '" + (cursor.length() > 60 ? cursor.substring(0, 60) + "..." : cursor)
                + "': pass the 'next' of the previous page back unchanged", cause);
    }
}
