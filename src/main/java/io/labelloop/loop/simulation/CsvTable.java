package io.labelloop.loop.simulation;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.labelloop.dataset.CsvParser;

/**
 * The simulation's ground truth, read with the importer's CSV parser (the importer reads the same file for the records
 * themselves, so both see the same rows).
 */
record CsvTable(Path file, List<String> header, List<List<String>> rows) {

    static CsvTable read(Path file) {
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

    /** The index of a column; the error names the file and lists the header. */
    int column(String name, String option) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(file + ": no column '" + name + "' (" + option + "); the header has "
                    + header);
        }
        return i;
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
