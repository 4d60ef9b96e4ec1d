package io.labelloop.loop.simulation;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small RFC 4180 CSV reader (quoted fields may hold commas, quotes and line breaks) for the simulation's ground
 * truth; the store's importer reads the same file for the records themselves.
 */
record CsvTable(Path file, List<String> header, List<List<String>> rows) {

    static CsvTable read(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<List<String>> all = parse(in);
            if (all.isEmpty()) {
                throw new IllegalArgumentException(file + ": empty file, expected a header line");
            }
            return new CsvTable(file, all.get(0), all.subList(1, all.size()));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The index of a column; the error names the file and lists the header. */
    int column(String name, String option) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(file + ": no column '" + name + "' (" + option + "); the header has "
                    + header);
        }
        return i;
    }

    private static List<List<String>> parse(Reader in) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int c;
        while ((c = in.read()) != -1) {
            if (quoted) {
                if (c == '"') {
                    in.mark(1);
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        if (next != -1) {
                            in.reset();
                        }
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty()) {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n') {
                endRow(rows, row, field);
                row = new ArrayList<>();
            } else if (c != '\r') {
                field.append((char) c);
            }
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            endRow(rows, row, field);
        }
        return rows;
    }

    private static void endRow(List<List<String>> rows, List<String> row, StringBuilder field) {
        row.add(field.toString());
        field.setLength(0);
        if (!(row.size() == 1 && row.get(0).isEmpty())) {
            rows.add(row);
        }
    }
}
