package io.labelloop.component;

import io.labelloop.loop.LoopConfig;
import io.labelloop.loop.LoopException;
import io.labelloop.loop.ModelOptions;
import io.labelloop.loop.PromotePolicy;
import io.labelloop.model.query.QueryStrategy;
import io.labelloop.model.train.TrainingMode;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/** An endpoint's options laid over its loop file's settings, each checked and named when invalid. */
record EffectiveOptions(
        LoopConfig loop,
        LoopConfig.Selection selection,
        TrainingMode trainMode,
        long seed,
        PromotePolicy promotePolicy,
        String metric,
        int threshold,
        long debounce) {

    static EffectiveOptions of(LabelloopEndpoint endpoint) {
        return new Builder(endpoint).build();
    }

    private record Builder(LabelloopEndpoint endpoint, LabelloopConfiguration c, LoopConfig loop) {

        Builder(LabelloopEndpoint endpoint) {
            this(endpoint, endpoint.getConfiguration(), endpoint.loop());
        }

        EffectiveOptions build() {
            LoopConfig.Selection d = loop.selection();
            QueryStrategy strategy = parse("strategy", c.getStrategy(), d.strategy(), ModelOptions::strategy);
            double min = Objects.requireNonNullElse(c.getMinScore(), d.minScore());
            double max = Objects.requireNonNullElse(c.getMaxScore(), d.maxScore());
            if (min < 0 || max > 1 || min > max) {
                throw fail("minScore/maxScore", "must satisfy 0 <= minScore <= maxScore <= 1, got " + min + " and " + max);
            }
            int batch = positive("batchSize", c.getBatchSize(), d.batchSize());
            int warm = Objects.requireNonNullElse(c.getWarmStartRandom(), d.warmStartRandom());
            if (warm < 0) {
                throw fail("warmStartRandom", "must be 0 or more, got " + warm);
            }
            var selection = new LoopConfig.Selection(strategy, min, max, batch,
                    Objects.requireNonNullElse(c.getDiversity(), d.diversity()), warm, d.coverLabelsBelow());
            return new EffectiveOptions(loop, selection,
                    parse("trainMode", c.getTrainMode(), loop.training().mode(), ModelOptions::trainMode),
                    Objects.requireNonNullElse(c.getSeed(), loop.training().seed()),
                    parse("promotePolicy", c.getPromotePolicy(), loop.promotion().policy(), PromotePolicy::parse),
                    metric(), threshold(), debounce());
        }

        private String metric() {
            String metric = Objects.requireNonNullElse(c.getMetric(), loop.promotion().metric());
            if (!metric.equals("accuracy") && !metric.equals("macro_f1")) {
                throw fail("metric", "must be accuracy or macro_f1, got '" + metric + "'");
            }
            return metric;
        }

        private int threshold() {
            int fallback = c.getTrigger() == LabelloopTrigger.QUEUE_LOW ? loop.queueLow() : loop.training().everyLabels();
            return positive("threshold", c.getThreshold(), fallback);
        }

        private long debounce() {
            long debounce = Objects.requireNonNullElse(c.getDebounce(), loop.training().debounceMs());
            if (debounce < 0) {
                throw fail("debounce", "must be 0 or more milliseconds, got " + debounce);
            }
            return debounce;
        }

        private int positive(String option, Integer value, int fallback) {
            int v = Objects.requireNonNullElse(value, fallback);
            if (v <= 0) {
                throw fail(option, "must be greater than 0, got " + v);
            }
            return v;
        }

        private <T> T parse(String option, String value, T fallback, Function<String, T> parser) {
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                return parser.apply(value.trim());
            } catch (IllegalArgumentException e) {
                throw fail(option, e.getMessage());
            }
        }

        private LoopException fail(String option, String message) {
            return new OptionException(loop.name(), List.of(option.split("/")), "endpoint "
                    + endpoint.getEndpointUri() + ": option '" + option + "' " + message);
        }
    }
}
