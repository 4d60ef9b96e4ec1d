package io.labelloop.dataset;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole CSV file with a header row, read with the importer's {@link CsvParser} so that a simulation's ground truth
 * or a benchmark's records are the rows an import of the same file sees. Blank lines are skipped.
 *
 * @param file   the file, named in errors
 * @param header the first row
 * @param rows   the other rows, in file order
 */
public record CsvTable(Path file, List<String> header, List<List<String>> rows) {

    /**
     * Reads a whole file (UTF-8).
     *
     * @throws IllegalArgumentException when the file is empty or cannot be read, naming the file
     */
    public static CsvTable read(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<List<String>> all = parse(in, file);
            if (all.isEmpty()) {
                throw new IllegalArgumentException(file + ": empty file, expected a header line");
            }
            return new CsvTable(file, all.get(0), all.subList(1, all.size()));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The index of a column; the error names the file, the option that named the column, and lists the header. */
    public int column(String name, String option) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(file + ": no column '" + name + "' (" + option + "); the header has "
                    + header);
        }
        return i;
    }

    /** A column's values in row order; a row too short to have it is refused, naming its place in the file. */
    public List<String> values(String name, String option) {
        int i = column(name, option);
        List<String> values = new ArrayList<>(rows.size());
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() <= i) {
                throw new IllegalArgumentException(file + ": data row " + (r + 1) + " has " + row.size()
                        + " fields, no value for column '" + name + "' (" + option + ")");
            }
            values.add(row.get(i));
        }
        return values;
    }

    private static List<List<String>> parse(Reader in, Path file) throws IOException {
        CsvParser parser = new CsvParser(in, file.toString(), Integer.MAX_VALUE);
        List<List<String>> rows = new ArrayList<>();
        for (CsvParser.CsvRecord row = parser.next(); row != null; row = parser.next()) {
            if (!row.blank()) {
                rows.add(row.fields());
            }
        }
        return rows;
    }
}
