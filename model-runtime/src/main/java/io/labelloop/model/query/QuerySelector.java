package io.labelloop.model.query;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Picks the next batch of records to label from scored candidates.
 *
 * <p>Candidates whose top score lies in the score window {@code [minScore, maxScore]} come first, ranked by
 * the strategy; when the window holds fewer than the batch, the batch is filled with the next most uncertain
 * candidates outside it and {@link QuerySelection#outsideWindow()} says how many. With
 * {@link Builder#optLabelCoverage(Map)} (a cold start over many labels) the ranked candidates are taken in turns over
 * their predicted labels, the least-labeled labels first, so that no label is left without candidates. The window
 * defaults to
 * {@value #DEFAULT_MIN_SCORE}..{@value #DEFAULT_MAX_SCORE} for {@link QueryStrategy#LEAST_CONFIDENCE} and to the
 * whole range for the others.
 *
 * <pre>{@code
 * QuerySelection next = QuerySelector.builder().setStrategy(QueryStrategy.LEAST_CONFIDENCE)
 *         .optBatchSize(20).optDiversity(Diversity.SKIP_NEAR_DUPLICATES).build().select(candidates);
 * }</pre>
 */
public final class QuerySelector {

    /** Default lower end of the score window. */
    public static final float DEFAULT_MIN_SCORE = 0f;
    /** Default upper end of the score window for least confidence (the tutorial's filter). */
    public static final float DEFAULT_MAX_SCORE = 0.6f;
    /** Default number of picks. */
    public static final int DEFAULT_BATCH_SIZE = 20;
    /** Default cosine at or above which two candidates count as near-duplicates. */
    public static final float DEFAULT_NEAR_DUPLICATE_COSINE = 0.95f;
    /** Pool size for max-min diversity, as a multiple of the batch size. */
    public static final int DEFAULT_POOL_FACTOR = 4;

    private final QueryStrategy strategy;
    private final int batchSize;
    private final float minScore;
    private final float maxScore;
    private final long seed;
    private final Diversity diversity;
    private final float nearDuplicateCosine;
    private final int poolFactor;
    private final Map<String, Long> coverage;

    private QuerySelector(Builder b) {
        strategy = Objects.requireNonNull(b.strategy, "strategy must be set");
        batchSize = b.batchSize;
        boolean window = b.minScore != null || b.maxScore != null || strategy == QueryStrategy.LEAST_CONFIDENCE;
        minScore = b.minScore != null ? b.minScore : DEFAULT_MIN_SCORE;
        maxScore = b.maxScore != null ? b.maxScore : window ? DEFAULT_MAX_SCORE : 1f;
        seed = b.seed;
        diversity = b.diversity;
        nearDuplicateCosine = b.nearDuplicateCosine;
        poolFactor = b.poolFactor;
        coverage = b.coverage;
        if (batchSize < 1 || minScore > maxScore || poolFactor < 1) {
            throw new IllegalArgumentException("batchSize >= 1, minScore <= maxScore and poolFactor >= 1 are required (got "
                    + batchSize + ", " + minScore + ".." + maxScore + ", " + poolFactor + ")");
        }
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Picks up to the batch size of candidates.
     *
     * @param candidates scored records; each needs an embedding when a diversity option is set
     * @return the picked ids, most useful first, with how many came from outside the window
     * @throws IllegalArgumentException when diversity is on and a candidate has no embedding (the message names it)
     */
    public QuerySelection select(List<Candidate> candidates) {
        List<Candidate> inside = new ArrayList<>();
        List<Candidate> outside = new ArrayList<>();
        for (Candidate c : candidates) {
            float top = c.prediction().maxScore();
            (top >= minScore && top <= maxScore ? inside : outside).add(c);
        }
        rank(inside);
        rank(outside);
        // Coverage reorders within each side: the window still comes first, the outside only fills up.
        List<Candidate> ordered = new ArrayList<>(coverage != null ? LabelCoverage.order(inside, coverage) : inside);
        ordered.addAll(coverage != null ? LabelCoverage.order(outside, coverage) : outside);
        Picks picks = diversity == Diversity.MAX_MIN_COSINE ? pickFarthestFirst(ordered) : pickInOrder(ordered);
        Set<Candidate> outsideSet = Collections.newSetFromMap(new IdentityHashMap<>());
        outsideSet.addAll(outside);
        int fromOutside = (int) picks.chosen.stream().filter(outsideSet::contains).count();
        return new QuerySelection(picks.chosen.stream().map(Candidate::id).toList(), fromOutside, picks.skipped);
    }

    private void rank(List<Candidate> list) {
        if (strategy == QueryStrategy.RANDOM) {
            list.sort(Comparator.comparing(Candidate::id));
            Collections.shuffle(list, new Random(seed));
        } else {
            list.sort(strategy.order());
        }
    }

    private Picks pickInOrder(List<Candidate> ordered) {
        Picks picks = new Picks();
        for (Candidate c : ordered) {
            if (picks.chosen.size() == batchSize) {
                break;
            }
            if (diversity != Diversity.NONE && isNearDuplicate(c, picks.chosen)) {
                picks.skipped++;
            } else {
                picks.chosen.add(c);
            }
        }
        return picks;
    }

    /** Greedy farthest-first: each pick maximises its minimum cosine distance to the picks so far. */
    private Picks pickFarthestFirst(List<Candidate> ordered) {
        List<Candidate> pool = new ArrayList<>(ordered.subList(0, Math.min(ordered.size(), batchSize * poolFactor)));
        pool.forEach(this::requireEmbedding);
        Picks picks = new Picks();
        double[] nearest = new double[pool.size()];
        Arrays.fill(nearest, Double.MAX_VALUE);
        int next = pool.isEmpty() ? -1 : 0;
        while (next >= 0 && picks.chosen.size() < batchSize) {
            Candidate pick = pool.get(next);
            picks.chosen.add(pick);
            nearest[next] = -1;
            next = -1;
            for (int i = 0; i < pool.size(); i++) {
                if (nearest[i] < 0) {
                    continue;
                }
                nearest[i] = Math.min(nearest[i], 1 - cosine(pool.get(i).embedding(), pick.embedding()));
                if (nearest[i] <= 1 - nearDuplicateCosine) {
                    nearest[i] = -1;
                    picks.skipped++;
                } else if (next < 0 || nearest[i] > nearest[next]) {
                    next = i;
                }
            }
        }
        return picks;
    }

    private boolean isNearDuplicate(Candidate c, List<Candidate> chosen) {
        requireEmbedding(c);
        for (Candidate other : chosen) {
            if (cosine(c.embedding(), other.embedding()) >= nearDuplicateCosine) {
                return true;
            }
        }
        return false;
    }

    private void requireEmbedding(Candidate c) {
        if (c.embedding() == null) {
            throw new IllegalArgumentException("candidate '" + c.id() + "' has no embedding, which diversity " + diversity + " needs");
        }
    }

    /** Cosine of two vectors; embeddings are L2-normalised, but normalising again costs little and guards against others. */
    static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("embeddings differ in size: " + a.length + " vs " + b.length);
        }
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }

    private static final class Picks {
        final List<Candidate> chosen = new ArrayList<>();
        int skipped;
    }

    /** Builds a {@link QuerySelector}; the strategy is required. */
    public static final class Builder {
        private QueryStrategy strategy;
        private int batchSize = DEFAULT_BATCH_SIZE;
        private Float minScore;
        private Float maxScore;
        private long seed = 42;
        private Diversity diversity = Diversity.NONE;
        private float nearDuplicateCosine = DEFAULT_NEAR_DUPLICATE_COSINE;
        private int poolFactor = DEFAULT_POOL_FACTOR;
        private Map<String, Long> coverage;

        private Builder() {
        }

        /**
         * Takes the ranked candidates in turns over their predicted labels, the labels with the fewest human labels
         * first; a label with none offers the candidate the model is surest about, the others their most useful one
         * (default: off, pure strategy order).
         *
         * @param labeled human labels so far per label (a label missing from it has none)
         */
        public Builder optLabelCoverage(Map<String, Long> labeled) {
            this.coverage = Map.copyOf(labeled);
            return this;
        }

        /** Sets the ranking strategy (required). */
        public Builder setStrategy(QueryStrategy strategy) {
            this.strategy = strategy;
            return this;
        }

        /** Number of records to pick (default {@value QuerySelector#DEFAULT_BATCH_SIZE}). */
        public Builder optBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** The score window on the top score (default 0..0.6 for least confidence, 0..1 otherwise). */
        public Builder optScoreWindow(float minScore, float maxScore) {
            this.minScore = minScore;
            this.maxScore = maxScore;
            return this;
        }

        /** Seed of the RANDOM strategy (default 42). */
        public Builder optSeed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Diversity within one batch (default {@link Diversity#NONE}). */
        public Builder optDiversity(Diversity diversity) {
            this.diversity = Objects.requireNonNull(diversity, "diversity");
            return this;
        }

        /** Cosine at or above which two candidates are near-duplicates (default {@value QuerySelector#DEFAULT_NEAR_DUPLICATE_COSINE}). */
        public Builder optNearDuplicateCosine(float nearDuplicateCosine) {
            this.nearDuplicateCosine = nearDuplicateCosine;
            return this;
        }

        /** Max-min pool size as a multiple of the batch (default {@value QuerySelector#DEFAULT_POOL_FACTOR}). */
        public Builder optPoolFactor(int poolFactor) {
            this.poolFactor = poolFactor;
            return this;
        }

        /** Builds the selector. */
        public QuerySelector build() {
            return new QuerySelector(this);
        }
    }
}
