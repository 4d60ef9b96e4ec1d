package io.labelloop.model;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.labelloop.model.bench.CsvColumns;
import io.labelloop.model.train.Example;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
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
        CsvColumns csv = CsvColumns.read(file);
        List<String> texts = csv.column("text");
        List<String> labels = csv.column("label");
        List<Example> examples = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            examples.add(new Example("b77-" + i, texts.get(i), labels.get(i)));
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
