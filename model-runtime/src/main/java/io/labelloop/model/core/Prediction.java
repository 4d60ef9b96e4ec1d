package io.labelloop.model.core;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A classifier's probabilities for one text.
 *
 * @param scores one entry per label, sorted by score, highest first
 * @param agent the version of the model that made the prediction (the version its provenance names)
 */
public record Prediction(List<LabelScore> scores, String agent) {

    /** Sorts the scores, highest first, and checks there is at least one. */
    public Prediction {
        Objects.requireNonNull(agent, "agent");
        scores = scores.stream().sorted(Comparator.comparingDouble(LabelScore::score).reversed()).toList();
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("a prediction needs at least one label score");
        }
    }

    /** The label with the highest score. */
    public String label() {
        return scores.get(0).label();
    }

    /** The highest score, i.e. the model's confidence in {@link #label()}. */
    public float maxScore() {
        return scores.get(0).score();
    }

    /** The highest score minus the second highest (1 for a single-label set). */
    public float margin() {
        return scores.size() < 2 ? 1f : scores.get(0).score() - scores.get(1).score();
    }

    /** The Shannon entropy of the scores in nats (0 when certain, ln(labels) when uniform). */
    public double entropy() {
        double h = 0;
        for (LabelScore s : scores) {
            if (s.score() > 0) {
                h -= s.score() * Math.log(s.score());
            }
        }
        return h;
    }

    /** The score of the given label, or 0 when the label is not in this prediction. */
    public float scoreOf(String label) {
        return scores.stream().filter(s -> s.label().equals(label)).map(LabelScore::score).findFirst().orElse(0f);
    }
}
