package io.labelloop.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scoring must not leak: every batch's arrays die with the batch. */
class NativeMemoryTest {

    private static final List<String> TEXTS = List.of("Where is my card?", "How do I top up?", "declined again!!");

    @Test
    void liveArraysAndResidentMemoryStayFlatOverAThousandScoringBatches() throws Exception {
        try (ModelRuntime runtime = ModelRuntime.builder().optThreads(2).build();
             TextClassifier classifier = runtime.zeroShot(List.of(new LabelDescription("A", List.of("a problem")),
                     new LabelDescription("B", List.of("a question"))))) {
            ScoringOptions options = new ScoringOptions(TEXTS.size(), 64, false);
            for (int i = 0; i < 100; i++) {
                classifier.predict(TEXTS, options);
            }
            int arraysBefore = runtime.liveArrays();
            System.gc();
            long rssBefore = residentKb();
            for (int i = 0; i < 1000; i++) {
                classifier.predict(TEXTS, options);
                if (i % 250 == 0) {
                    classifier.embed(TEXTS);
                }
            }
            assertThat(runtime.liveArrays()).as("live NDArrays").isEqualTo(arraysBefore);
            System.gc();
            // A leaked batch would cost MBs (every layer's activations), i.e. GBs over 1,000 batches; the bound leaves
            // room for allocator and JVM heap noise, and smaller leaks show in the live-array count above.
            assertThat(residentKb() - rssBefore).as("RSS growth in kB over 1,000 batches").isLessThan(200 * 1024);
        }
    }

    private static long residentKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
