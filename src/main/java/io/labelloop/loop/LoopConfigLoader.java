package io.labelloop.loop;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.labelloop.model.query.QueryStrategy;
import io.labelloop.model.train.TrainingMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.function.Function;

/** Reads and validates the loop files of a folder; every error names the file and the field. */
public final class LoopConfigLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private LoopConfigLoader() {
    }

    /** Loads every {@code *.yaml} / {@code *.yml} file of the folder; a missing folder holds no loops. */
    public static List<LoopConfig> loadAll(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<LoopConfig> loops = new ArrayList<>();
            files.filter(LoopConfigLoader::isYaml).sorted().forEach(f -> loops.add(load(f)));
            return loops;
        } catch (IOException e) {
            throw new IllegalStateException("cannot list loop files in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Loads one loop file; the loop's name defaults to the file name without extension. */
    public static LoopConfig load(Path file) {
        String fallbackName = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        LoopFile raw;
        try {
            raw = YAML.readValue(file.toFile(), LoopFile.class);
        } catch (UnrecognizedPropertyException e) {
            int line = lineOf(file, e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                    .map(String::valueOf).collect(Collectors.joining(".")));
            throw new LoopException(fallbackName, file + " line " + (line > 0 ? line : e.getLocation().getLineNr())
                    + ": unknown field '" + e.getPropertyName() + "'; known fields: " + e.getKnownPropertyIds());
        } catch (JsonProcessingException e) {
            throw new LoopException(fallbackName, file + " line " + e.getLocation().getLineNr()
                    + ": invalid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new LoopException(fallbackName, "cannot read " + file + ": " + e.getMessage(), e);
        }
        if (raw == null) {
            throw new LoopException(fallbackName, file + " is empty; it needs at least 'dataset:'");
        }
        return new LoopFileValidator(file, raw, fallbackName).validate();
    }

    /**
     * The line of a field of a loop file, such as {@code dataset} or {@code properties.eval-dataset} (a dot per
     * level), so that an error about it points at its key (a parser's own position is the line after the value).
     *
     * @return the 1-based line of the field's key, or 0 when the file does not have it or cannot be read
     */
    public static int lineOf(Path file, String field) {
        try (JsonParser parser = YAML.getFactory().createParser(file.toFile())) {
            return parser.nextToken() == JsonToken.START_OBJECT ? find(parser, field.split("\\."), 0) : 0;
        } catch (IOException e) {
            return 0; // the error names the file without a line
        }
    }

    /** With the parser on an object's start: the line of {@code path[depth]} in it and so on down, else 0. */
    private static int find(JsonParser parser, String[] path, int depth) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            int line = parser.currentTokenLocation().getLineNr();
            JsonToken value = parser.nextToken();
            if (name.equals(path[depth])) {
                if (depth == path.length - 1) {
                    return line;
                }
                return value == JsonToken.START_OBJECT ? find(parser, path, depth + 1) : 0;
            }
            parser.skipChildren();
        }
        return 0;
    }

    private static boolean isYaml(Path p) {
        String n = p.getFileName().toString();
        return Files.isRegularFile(p) && (n.endsWith(".yaml") || n.endsWith(".yml"));
    }

    /** Turns the raw file into a config, applying defaults and checking ranges field by field. */
    private record LoopFileValidator(Path file, LoopFile raw, String fallbackName) {

        LoopConfig validate() {
            String name = blankToNull(raw.name()) == null ? fallbackName : raw.name().trim();
            String dataset = blankToNull(raw.dataset());
            if (dataset == null) {
                throw fail(name, "dataset", "is required (the dataset the loop labels)");
            }
            return new LoopConfig(name, file, dataset,
                    Objects.requireNonNullElse(blankToNull(raw.labelSet()), LoopConfig.defaultLabelSet(name)),
                    parse(name, "base-model", raw.baseModel(), LoopConfig.DEFAULT_BASE_MODEL, ModelOptions::baseModel),
                    selection(name), training(name), promotion(name), queueLow(name),
                    raw.properties() == null ? Map.of() : Map.copyOf(raw.properties()));
        }

        private LoopConfig.Selection selection(String name) {
            LoopFile.SelectionFile s = raw.selection() == null
                    ? new LoopFile.SelectionFile(null, null, null, null, null, null, null) : raw.selection();
            QueryStrategy strategy = parse(name, "selection.strategy", s.strategy(),
                    QueryStrategy.LEAST_CONFIDENCE, ModelOptions::strategy);
            double min = Objects.requireNonNullElse(s.minScore(), LoopConfig.Selection.DEFAULT_MIN_SCORE);
            double max = Objects.requireNonNullElse(s.maxScore(), LoopConfig.Selection.DEFAULT_MAX_SCORE);
            if (min < 0 || max > 1 || min > max) {
                throw fail(name, "selection.min-score/max-score", "must satisfy 0 <= min <= max <= 1, got "
                        + min + " and " + max);
            }
            int batch = positive(name, "selection.batch-size", s.batchSize(), LoopConfig.Selection.DEFAULT_BATCH_SIZE);
            int warm = Objects.requireNonNullElse(s.warmStartRandom(), 0);
            if (warm < 0) {
                throw fail(name, "selection.warm-start-random", "must be 0 or more, got " + warm);
            }
            int cover = Objects.requireNonNullElse(s.coverLabelsBelow(), 0);
            if (cover < 0) {
                throw fail(name, "selection.cover-labels-below", "must be 0 (never) or more, got " + cover);
            }
            return new LoopConfig.Selection(strategy, min, max, batch,
                    Boolean.TRUE.equals(s.diversity()), warm, cover);
        }

        private LoopConfig.Training training(String name) {
            LoopFile.TrainingFile t = raw.training() == null
                    ? new LoopFile.TrainingFile(null, null, null, null, null) : raw.training();
            int every = positive(name, "training.every-labels", t.everyLabels(),
                    LoopConfig.Training.DEFAULT_EVERY_LABELS);
            TrainingMode mode = parse(name, "training.mode", t.mode(), TrainingMode.HEAD, ModelOptions::trainMode);
            long debounce = Objects.requireNonNullElse(t.debounceMs(), LoopConfig.Training.DEFAULT_DEBOUNCE_MS);
            if (debounce < 0) {
                throw fail(name, "training.debounce-ms", "must be 0 or more, got " + debounce);
            }
            int headEpochs = Objects.requireNonNullElse(t.headEpochs(), 0);
            if (headEpochs < 0) {
                throw fail(name, "training.head-epochs", "must be 0 (the runtime's default) or more, got " + headEpochs);
            }
            return new LoopConfig.Training(every, mode,
                    Objects.requireNonNullElse(t.seed(), LoopConfig.Training.DEFAULT_SEED), debounce, headEpochs);
        }

        private LoopConfig.Promotion promotion(String name) {
            LoopFile.PromotionFile p = raw.promotion() == null ? new LoopFile.PromotionFile(null, null) : raw.promotion();
            PromotePolicy policy = parse(name, "promotion.policy", p.policy(), PromotePolicy.IF_BETTER,
                    PromotePolicy::parse);
            String metric = Objects.requireNonNullElse(blankToNull(p.metric()), LoopConfig.Promotion.DEFAULT_METRIC);
            if (!metric.equals("accuracy") && !metric.equals("macro_f1")) {
                throw fail(name, "promotion.metric", "must be accuracy or macro_f1, got '" + metric + "'");
            }
            return new LoopConfig.Promotion(policy, metric);
        }

        private int queueLow(String name) {
            Integer low = raw.queue() == null ? null : raw.queue().lowWatermark();
            return positive(name, "queue.low-watermark", low, LoopConfig.DEFAULT_QUEUE_LOW);
        }

        private int positive(String name, String field, Integer value, int fallback) {
            int v = Objects.requireNonNullElse(value, fallback);
            if (v <= 0) {
                throw fail(name, field, "must be greater than 0, got " + v);
            }
            return v;
        }

        private <T> T parse(String name, String field, String value, T fallback,
                            Function<String, T> parser) {
            if (blankToNull(value) == null) {
                return fallback;
            }
            try {
                return parser.apply(value.trim());
            } catch (IllegalArgumentException e) {
                throw fail(name, field, e.getMessage());
            }
        }

        private LoopException fail(String name, String field, String message) {
            int line = lineOf(file, field);
            return new LoopException(name, file + (line > 0 ? " line " + line : "") + ": field '" + field + "' "
                    + message);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }
}
