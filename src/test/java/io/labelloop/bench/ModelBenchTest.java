package io.labelloop.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scaled-down run of the model benchmark: every figure of the issue is measured and plausible. */
class ModelBenchTest {

    @TempDir
    Path dir;

    @Test
    @SuppressWarnings("unchecked")
    void aSmallRunProducesEveryFigure() throws Exception {
        Path data = dir.resolve("d.csv");
        StringBuilder csv = new StringBuilder("text,label\n");
        for (int i = 0; i < 40; i++) {
            csv.append(i % 2 == 0 ? "\"My card payment number " + i + " was declined, why?\",NEGATIVE\n"
                    : "How do I order card number " + i + "?,POSITIVE\n");
        }
        Files.writeString(data, csv);
        Path labels = Path.of(System.getProperty("user.dir")).resolveSibling("config/labels/banking-sentiment.yaml");
        ModelBench.Options options = new ModelBench.Options(data, "text", "label", labels, 2, 0, 16, 4, 2, 1,
                List.of("all-minilm-l6-v2"));
        Map<String, Object> all = new ModelBench(options, new PrintStream(new ByteArrayOutputStream())).run();
        assertThat(all).containsKeys("conditions", "base_models");
        Map<String, Object> r = (Map<String, Object>) ((Map<String, Object>) all.get("base_models")).get("all-minilm-l6-v2");
        Map<String, Object> scoring = (Map<String, Object>) r.get("scoring");
        Map<String, Object> training = (Map<String, Object>) r.get("training");
        Map<String, Object> zeroShot = (Map<String, Object>) r.get("zero_shot");
        assertThat(scoring).containsKeys("records_per_s", "records_per_s_pad512", "gemm_gflops", "model_gflop_per_record", "fraction_of_gemm_limit");
        // Speeds are the benchmark's output, not a test's verdict: only their presence and sign are checked here.
        assertThat((double) scoring.get("records_per_s")).isPositive();
        assertThat((double) scoring.get("records_per_s_pad512")).isPositive();
        assertThat((double) scoring.get("model_gflop_per_record")).isBetween(0.2, 1.0); // about 16 tokens x 2 x 10.6M weights
        assertThat((double) scoring.get("gemm_gflops")).isPositive();
        assertThat((double) scoring.get("vs_onnxruntime")).isPositive();
        assertThat((Map<String, Object>) r.get("onnxruntime")).containsKeys("records_per_s", "encode_seconds", "threads");
        assertThat((Map<String, Object>) r.get("embedding")).containsKey("records_per_s");
        assertThat((double) ((Map<String, Object>) r.get("tokenizer")).get("share_of_scoring_time")).isBetween(0.0, 1.0);
        assertThat(training).containsKeys("full_examples_per_s", "head_seconds_300");
        assertThat(training.get("train_examples")).isEqualTo(40);
        assertThat((double) zeroShot.get("accuracy")).isGreaterThan(0.9);
    }
}
