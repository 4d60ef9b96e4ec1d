package io.labelloop.model.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads named columns of an RFC 4180 CSV file with a header row (quoted fields, doubled quotes, newlines
 * inside quotes). Undecodable bytes become U+FFFD instead of failing the whole file.
 */
public final class CsvColumns {

    private final List<String> header;
    private final List<List<String>> rows;

    private CsvColumns(List<String> header, List<List<String>> rows) {
        this.header = header;
        this.rows = rows;
    }

    /**
     * Reads a whole file.
     *
     * @param file the CSV file
     * @return its header and rows
     * @throws IOException when the file cannot be read, or a row has a different number of fields than the
     *     header (the message names the file and line)
     */
    public static CsvColumns read(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            Parser p = new Parser(in, file);
            List<String> header = p.next();
            if (header == null) {
                throw new IOException(file + ": empty file, expected a header row");
            }
            List<List<String>> rows = new ArrayList<>();
            for (List<String> row = p.next(); row != null; row = p.next()) {
                if (row.size() == 1 && row.get(0).isEmpty()) {
                    continue;
                }
                if (row.size() != header.size()) {
                    throw new IOException(file + " line " + p.rowStartLine + ": " + row.size() + " fields, but the header has " + header.size());
                }
                rows.add(row);
            }
            return new CsvColumns(header, rows);
        }
    }

    /** The values of one column, in row order. */
    public List<String> column(String name) {
        int index = header.indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("no column '" + name + "'; the header has " + header);
        }
        return rows.stream().map(r -> r.get(index)).toList();
    }

    /** True when the header has this column. */
    public boolean has(String name) {
        return header.contains(name);
    }

    /** Number of data rows. */
    public int size() {
        return rows.size();
    }

    private static final class Parser {
        private final BufferedReader in;
        private final Path file;
        private int line;
        int rowStartLine;

        Parser(BufferedReader in, Path file) {
            this.in = in;
            this.file = file;
        }

        List<String> next() throws IOException {
            String text = in.readLine();
            if (text == null) {
                return null;
            }
            line++;
            rowStartLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            int i = 0;
            while (true) {
                if (i == text.length()) {
                    if (!quoted) {
                        break;
                    }
                    text = in.readLine();
                    line++;
                    if (text == null) {
                        throw new IOException(file + " line " + rowStartLine + ": quoted field is not closed");
                    }
                    field.append('\n');
                    i = 0;
                    continue;
                }
                char c = text.charAt(i++);
                if (quoted) {
                    if (c == '"' && i < text.length() && text.charAt(i) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                } else {
                    field.append(c);
                }
            }
            fields.add(field.toString());
            return fields;
        }
    }
}
