package io.labelloop.loop.simulation;

import io.labelloop.dataset.CsvTable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The simulation's records: ids {@code r<row>}, texts, and the true labels the annotator answers with. Written to
 * an unlabeled CSV ({@code id,text}) that the store imports like any user file.
 */
record SimulationData(Map<String, String> texts, Map<String, String> truth) {

    /** Reads the text and label columns; keeps a seeded sample of {@code poolSize} rows when it is above 0. */
    static SimulationData read(Path file, String textColumn, String labelColumn, int poolSize, long seed, String prefix) {
        CsvTable table = CsvTable.read(file);
        int text = table.column(textColumn, "--text-column");
        int label = table.column(labelColumn, "--label-column");
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            List<String> row = table.rows().get(i);
            if (row.size() > Math.max(text, label) && !row.get(text).isBlank() && !row.get(label).isBlank()) {
                rows.add(i);
            }
        }
        if (poolSize > 0 && poolSize < rows.size()) {
            Collections.shuffle(rows, new Random(seed));
            rows = new ArrayList<>(rows.subList(0, poolSize));
            Collections.sort(rows);
        }
        Map<String, String> texts = new LinkedHashMap<>();
        Map<String, String> truth = new LinkedHashMap<>();
        for (int i : rows) {
            String id = prefix + (i + 2); // the CSV line of the row (header is line 1), for a reader's convenience
            texts.put(id, table.rows().get(i).get(text));
            truth.put(id, table.rows().get(i).get(label).trim());
        }
        return new SimulationData(texts, truth);
    }

    /** Writes {@code id,text} (no labels: the annotator provides them) for the store's CSV import. */
    Path writeUnlabeled(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id,text\n");
            for (Map.Entry<String, String> e : texts.entrySet()) {
                w.write(e.getKey() + "," + quote(e.getValue()) + "\n");
            }
        }
        return file;
    }

    /** Writes {@code id,text,label} for a held-out set that is imported labeled. */
    Path writeLabeled(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id,text,label\n");
            for (Map.Entry<String, String> e : texts.entrySet()) {
                w.write(e.getKey() + "," + quote(e.getValue()) + "," + quote(truth.get(e.getKey())) + "\n");
            }
        }
        return file;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
