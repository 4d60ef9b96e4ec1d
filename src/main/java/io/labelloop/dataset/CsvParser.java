package io.labelloop.dataset;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 4180 CSV reader that knows on which line each record starts, lets quoted fields span lines, and never holds
 * more than {@code maxChars} of a record in memory (a longer record is read to its end and marked too long).
 *
 * <p>Hand-written rather than Jackson's {@code jackson-dataformat-csv}, which reads as fast: Jackson holds a whole
 * field in memory and stops the file at its 20M-character string limit, so a 100 MB line could neither be skipped
 * as one rejected row nor read without filling memory.
 */
public final class CsvParser {

    private static final int EOF = -1;

    private final Reader in;
    private final String file;
    private final int maxChars;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long line = 1;
    private boolean started;

    /** One record: where it starts, its fields, and whether it was cut for being too long. */
    public record CsvRecord(long line, List<String> fields, boolean tooLong) {
        /** An empty line. */
        public boolean blank() {
            return fields.size() == 1 && fields.get(0).isEmpty();
        }
    }

    /**
     * @param file     named in errors
     * @param maxChars longest record kept in memory
     */
    public CsvParser(Reader in, String file, int maxChars) {
        this.in = in;
        this.file = file;
        this.maxChars = maxChars;
    }

    /**
     * The next record, or null at the end of the file.
     *
     * @throws ImportException on an unbalanced quote, naming the file and the line it opened on
     */
    public CsvRecord next() throws IOException {
        int c = read();
        if (c == EOF) {
            return null;
        }
        long start = line;
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int chars = 0;
        boolean tooLong = false;
        boolean atFieldStart = true;
        while (true) {
            if (c == EOF || c == '\n' || c == '\r') {
                if (c == '\r' && peek() == '\n') {
                    read();
                }
                if (c != EOF) {
                    line++;
                }
                fields.add(field.toString());
                return new CsvRecord(start, fields, tooLong);
            }
            if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                atFieldStart = true;
            } else if (c == '"' && atFieldStart) {
                chars = readQuoted(field, chars);
                tooLong |= chars > maxChars;
                atFieldStart = false;
            } else {
                if (++chars <= maxChars) {
                    field.append((char) c);
                } else {
                    tooLong = true;
                }
                atFieldStart = false;
            }
            c = read();
        }
    }

    /** Reads a quoted field up to its closing quote; {@code ""} is a literal quote. Returns the record's char count. */
    private int readQuoted(StringBuilder field, int chars) throws IOException {
        long opened = line;
        while (true) {
            int c = read();
            if (c == EOF) {
                throw new ImportException(file, opened,
                        "unbalanced quote: the quoted field opened on this line is never closed");
            }
            if (c == '"') {
                if (peek() != '"') {
                    return chars;
                }
                read();
            } else if (c == '\n' || (c == '\r' && peek() != '\n')) {
                line++;
            }
            if (++chars <= maxChars) {
                field.append((char) c);
            }
        }
    }

    private int read() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        char c = buffer[position++];
        if (!started) {
            started = true;
            if (c == '\uFEFF') {
                return read();
            }
        }
        return c;
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return EOF;
        }
        return buffer[position];
    }

    private boolean fill() throws IOException {
        limit = in.read(buffer);
        position = 0;
        if (limit <= 0) {
            limit = 0;
            return false;
        }
        return true;
    }

    long line() {
        return line;
    }
}
