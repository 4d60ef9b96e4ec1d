package io.labelloop.dataset;

import java.io.IOException;
import java.io.Reader;

/** Reads lines while holding at most {@code maxChars} of one in memory; a longer line is skipped and marked. */
final class LineParser {

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long line;

    /** One line: its 1-based number, its text (null when longer than the limit). */
    record Line(long number, String text) {
    }

    LineParser(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line, or null at the end. */
    Line next() throws IOException {
        StringBuilder text = new StringBuilder();
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? new Line(++line, tooLong ? null : text.toString()) : null;
                }
            }
            char c = buffer[position++];
            any = true;
            if (c == '\n') {
                int end = text.length();
                if (end > 0 && text.charAt(end - 1) == '\r') {
                    text.setLength(end - 1);
                }
                return new Line(++line, tooLong ? null : text.toString());
            }
            if (text.length() < maxChars) {
                text.append(c);
            } else {
                tooLong = true;
            }
        }
    }
}
