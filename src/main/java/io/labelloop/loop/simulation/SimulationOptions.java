package io.labelloop.loop.simulation;

import io.labelloop.loop.ModelOptions;
import io.labelloop.loop.PromotePolicy;
import io.labelloop.model.query.QueryStrategy;
import io.labelloop.model.train.TrainingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The options of {@code ./labelloop simulate}; each becomes a setting of the simulated loop.
 *
 * @param loop            the loop whose routes run (default banking-sentiment)
 * @param data            CSV with the texts and their true labels
 * @param textColumn      column of the text
 * @param labelColumn     column of the true label, which the simulated annotator answers with
 * @param eval            separate CSV of held-out labeled records, or null to hold out {@code evalFraction}
 * @param evalFraction    share of {@code data} held out for evaluation when {@code eval} is null
 * @param strategy        selection strategy
 * @param batch           records labeled per iteration; the loop retrains every {@code batch} labels
 * @param budget          labels in total
 * @param minScore        lower bound of the score window
 * @param maxScore        upper bound of the score window
 * @param warmStartRandom labels picked at random before the strategy takes over
 * @param trainMode       full or head
 * @param seed            seed for training, random selection and the pool sample
 * @param poolSize        rows of {@code data} used (0: all)
 * @param headEpochs      epochs of head-only training, 0 to keep the loop's
 * @param coverLabelsBelow the loop's cold start: batches take turns over the predicted labels while a label has
 *                        fewer train labels than this (0: never), or -1 to keep the loop's
 * @param promote         promote policy, or null to keep the loop's
 * @param baseModel       the pretrained encoder every training starts from, or null to keep the loop's
 * @param out             the learning curve JSON; the PNG goes beside it
 */
public record SimulationOptions(String loop, Path data, String textColumn, String labelColumn, Path eval,
                                double evalFraction, QueryStrategy strategy, int batch, int budget, double minScore,
                                double maxScore, int warmStartRandom, TrainingMode trainMode, long seed, int poolSize,
                                int headEpochs, int coverLabelsBelow, PromotePolicy promote, String baseModel,
                                Path out) {

    /** The value of {@code coverLabelsBelow} that keeps the loop file's. */
    public static final int KEEP_LOOPS = -1;

    public static final String USAGE = """
            Usage: ./labelloop simulate --data FILE.csv --text-column text --label-column label
                     [--eval FILE.csv | --eval-fraction 0.2] [--strategy least-confidence|margin|entropy|random]
                     [--batch 50] [--budget 300] [--min-score 0 --max-score 0.6] [--warm-start-random N]
                     [--train-mode full|head] [--seed 42] [--pool-size N] [--head-epochs N] [--promote always|if-better|manual]
                     [--cover-labels-below N] [--base-model all-minilm-l6-v2|bge-small-en-v1.5|e5-small-v2]
                     [--loop banking-sentiment] --out curve.json
            Runs the loop's own routes on a fresh embedded store with a simulated annotator that labels the queue
            with the true labels, and writes the learning curve (JSON, and a PNG beside it).""";

    /** Parses {@code --name value} pairs; the error names the option. */
    public static SimulationOptions parse(List<String> args) {
        Map<String, String> o = pairs(args);
        Path data = Path.of(require(o, "data"));
        Path out = Path.of(require(o, "out"));
        Path eval = o.containsKey("eval") ? Path.of(o.remove("eval")) : null;
        SimulationOptions options = new SimulationOptions(
                take(o, "loop", "banking-sentiment"), data, take(o, "text-column", "text"),
                take(o, "label-column", "label"), eval, number(o, "eval-fraction", 0.2),
                parse(o, "strategy", "least-confidence", ModelOptions::strategy), integer(o, "batch", 50),
                integer(o, "budget", 300), number(o, "min-score", 0.0), number(o, "max-score", 0.6),
                integer(o, "warm-start-random", 0), parse(o, "train-mode", "head", ModelOptions::trainMode),
                integer(o, "seed", 42), integer(o, "pool-size", 0), integer(o, "head-epochs", 0),
                integer(o, "cover-labels-below", KEEP_LOOPS),
                o.containsKey("promote") ? parse(o, "promote", null, PromotePolicy::parse) : null,
                o.containsKey("base-model") ? parse(o, "base-model", null, ModelOptions::baseModel) : null, out);
        if (!o.isEmpty()) {
            throw new IllegalArgumentException("unknown option(s) " + o.keySet().stream().map(k -> "--" + k).toList());
        }
        return options.check();
    }

    private SimulationOptions check() {
        positive("batch", batch);
        positive("budget", budget);
        if (evalFraction <= 0 || evalFraction >= 1) {
            throw new IllegalArgumentException("--eval-fraction must be between 0 and 1 (exclusive), got " + evalFraction);
        }
        if (minScore < 0 || maxScore > 1 || minScore > maxScore) {
            throw new IllegalArgumentException("--min-score/--max-score must satisfy 0 <= min <= max <= 1, got "
                    + minScore + " and " + maxScore);
        }
        if (coverLabelsBelow < KEEP_LOOPS) {
            throw new IllegalArgumentException("--cover-labels-below must be 0 or more, got " + coverLabelsBelow);
        }
        if (warmStartRandom < 0 || poolSize < 0 || headEpochs < 0) {
            throw new IllegalArgumentException("--warm-start-random, --pool-size and --head-epochs must be 0 or more");
        }
        return this;
    }

    /** The settings as they go into the curve's {@code config}. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("loop", loop);
        m.put("data", data.toString());
        m.put("text_column", textColumn);
        m.put("label_column", labelColumn);
        m.put("eval", eval == null ? null : eval.toString());
        m.put("eval_fraction", eval == null ? evalFraction : null);
        m.put("strategy", ModelOptions.id(strategy));
        m.put("batch", batch);
        m.put("budget", budget);
        m.put("min_score", minScore);
        m.put("max_score", maxScore);
        m.put("warm_start_random", warmStartRandom);
        m.put("train_mode", ModelOptions.id(trainMode));
        m.put("seed", seed);
        m.put("pool_size", poolSize);
        m.put("head_epochs", headEpochs == 0 ? "loop default" : headEpochs);
        m.put("promote", promote == null ? "loop default" : promote.id());
        m.put("cover_labels_below", coverLabelsBelow == KEEP_LOOPS ? "loop default" : coverLabelsBelow);
        m.put("base_model", baseModel == null ? "loop default" : baseModel);
        return m;
    }

    private static Map<String, String> pairs(List<String> args) {
        Map<String, String> o = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>(args);
        for (int i = 0; i < rest.size(); i += 2) {
            String name = rest.get(i);
            if (!name.startsWith("--") || i + 1 >= rest.size()) {
                throw new IllegalArgumentException("expected --option value pairs, got '" + name + "'");
            }
            o.put(name.substring(2), rest.get(i + 1));
        }
        return o;
    }

    private static String require(Map<String, String> o, String name) {
        String v = o.remove(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return v;
    }

    private static String take(Map<String, String> o, String name, String fallback) {
        String v = o.remove(name);
        return v == null ? fallback : v;
    }

    private static int integer(Map<String, String> o, String name, int fallback) {
        String v = o.remove(name);
        try {
            return v == null ? fallback : Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + v + "'");
        }
    }

    private static double number(Map<String, String> o, String name, double fallback) {
        String v = o.remove(name);
        try {
            return v == null ? fallback : Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, got '" + v + "'");
        }
    }

    private static <T> T parse(Map<String, String> o, String name, String fallback,
                               Function<String, T> parser) {
        try {
            return parser.apply(take(o, name, fallback));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--" + name + ": " + e.getMessage());
        }
    }

    private static void positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException("--" + name + " must be greater than 0, got " + value);
        }
    }
}
