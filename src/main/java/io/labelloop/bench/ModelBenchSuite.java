package io.labelloop.bench;

import io.labelloop.cli.BenchOptions;
import io.labelloop.cli.BenchSuite;
import io.labelloop.dataset.CsvTable;
import io.labelloop.loop.ModelOptions;
import io.labelloop.model.ModelRuntime;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** {@code --suite model}: the model runtime's figures, measured by {@link ModelBench}. */
public final class ModelBenchSuite implements BenchSuite {

    static final String DEFAULT_LABEL_SET = "config/labels/banking-sentiment.yaml";

    @Override
    public String name() {
        return "model";
    }

    @Override
    public String usage() {
        return """
                    --data FILE.csv          records to score (required), a CSV with a header row
                    --text-column NAME       column with the texts (default text)
                    --label-column NAME      column with gold labels for zero-shot accuracy and training
                                             (default: 'label' when the file has it; 'none' to ignore labels)
                    --labels FILE.yaml       label set of the zero-shot classifier (default config/labels/banking-sentiment.yaml)
                    --threads N              engine threads (default: all cores)
                    --limit N                score at most N records (default all)
                    --batch-size N           scoring batch size (default 64)
                    --pad512-sample N        records scored padded to 512 tokens (default 256)
                    --pad512-batch-size N    batch size when padding to 512 (default 8)
                    --seed N                 sampling and training seed (default 42)
                    --base-model NAME[,NAME] pretrained encoders to measure (default all: all-minilm-l6-v2,
                                             bge-small-en-v1.5, e5-small-v2), each beside onnxruntime""";
    }

    @Override
    public Map<String, Object> run(BenchOptions o, PrintStream log) throws Exception {
        Path data = Path.of(o.require("data"));
        String labelColumn = o.get("label-column");
        if (labelColumn == null) {
            labelColumn = CsvTable.read(data).header().contains("label") ? "label" : null;
        } else if (labelColumn.equals("none")) {
            labelColumn = null;
        }
        Path home = Path.of(System.getenv().getOrDefault("LABELLOOP_HOME", "."));
        ModelBench.Options options = new ModelBench.Options(data, o.get("text-column", "text"), labelColumn,
                o.getPath("labels", home.resolve(DEFAULT_LABEL_SET)), o.getInt("threads", 0), o.getInt("limit", 0),
                o.getInt("batch-size", 64), o.getInt("pad512-sample", 256), o.getInt("pad512-batch-size", 8), o.getInt("seed", 42),
                baseModels(o.get("base-model")));
        return new ModelBench(options, log).run();
    }

    private static List<String> baseModels(String option) {
        if (option == null || option.equals("all")) {
            return ModelRuntime.baseModels();
        }
        try {
            return Arrays.stream(option.split(",")).map(ModelOptions::baseModel).toList();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--base-model: " + e.getMessage(), e);
        }
    }
}
