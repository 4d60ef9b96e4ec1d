package io.labelloop.loop;

import io.labelloop.model.core.ModelException;
import io.labelloop.model.query.QueryStrategy;
import io.labelloop.model.train.TrainingMode;
import io.labelloop.model.weights.PretrainedEncoder;
import java.util.Locale;

/**
 * The names users type for the model runtime's own options in loop files, route options and on the command line:
 * the constant's name in lower case with dashes, e.g. {@code least-confidence} for
 * {@link QueryStrategy#LEAST_CONFIDENCE} and {@code head} for {@link TrainingMode#HEAD}.
 */
public final class ModelOptions {

    private ModelOptions() {
    }

    /** Parses a selection strategy name; the error lists the accepted names so that a typo is easy to fix. */
    public static QueryStrategy strategy(String name) {
        return NamedOption.parse(QueryStrategy.class, ModelOptions::id, name, "strategy");
    }

    /** Parses what a training updates: {@code full} or {@code head}. */
    public static TrainingMode trainMode(String name) {
        return NamedOption.parse(TrainingMode.class, ModelOptions::id, name, "train mode");
    }

    /**
     * Checks a base model name against the encoders the model runtime ships and returns it as the runtime spells it.
     *
     * @throws IllegalArgumentException for an unknown name, listing the available ones
     */
    public static String baseModel(String name) {
        try {
            return PretrainedEncoder.named(name).modelName();
        } catch (ModelException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The name users type for a model runtime option, as loop files, metrics and reports show it. */
    public static String id(Enum<?> option) {
        return option.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
