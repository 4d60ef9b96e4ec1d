package io.labelloop.model;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.labelloop.model.train.Example;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The shared banking77 sentiment data, read from {@code labelloop.datasets}; tests skip when it is absent. */
final class Banking77 {

    static final List<String> LABELS = List.of("NEGATIVE", "POSITIVE");

    private Banking77() {
    }

    /** All 10,003 examples in file order, ids {@code b77-<row>}; skips the calling test when the data is absent. */
    static List<Example> examples() throws Exception {
        String root = System.getProperty("labelloop.datasets", "../../shared/datasets");
        Path file = Path.of(root, "banking77", "train-sentiment.csv");
        assumeTrue(Files.exists(file), "banking77 data not found at " + file.toAbsolutePath() + " (set -Dlabelloop.datasets); skipping");
        List<Example> examples = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(file.toFile())) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                examples.add(new Example("b77-" + examples.size(), row.get("text"), row.get("label")));
            }
        }
        return examples;
    }

    /** The examples in a seeded random order. */
    static List<Example> shuffled(long seed) throws Exception {
        List<Example> all = new ArrayList<>(examples());
        Collections.shuffle(all, new Random(seed));
        return all;
    }
}
