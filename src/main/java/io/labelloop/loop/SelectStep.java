package io.labelloop.loop;

import io.labelloop.dataset.RecordQuery;
import io.labelloop.dataset.TextRecord;
import io.labelloop.model.core.LabelScore;
import io.labelloop.model.core.Prediction;
import io.labelloop.model.query.Candidate;
import io.labelloop.model.query.Diversity;
import io.labelloop.model.query.QuerySelection;
import io.labelloop.model.query.QuerySelector;
import io.labelloop.model.query.QueryStrategy;
import io.labelloop.queue.LabelingQueueService;
import io.labelloop.queue.QueueItem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Ranks the scored, unlabeled records with the loop's strategy and puts the first ones into the labeling queue. */
@Component
class SelectStep {

    private static final Logger LOG = LoggerFactory.getLogger(SelectStep.class);
    /** With diversity, only this many times the batch of the most uncertain records are embedded. */
    static final int DIVERSITY_POOL_FACTOR = 4;

    private final LoopRecords records;
    private final LoopModels models;
    private final LabelingQueueService queue;
    private final ApplicationEventPublisher events;

    SelectStep(LoopRecords records, LoopModels models, LabelingQueueService queue, ApplicationEventPublisher events) {
        this.records = records;
        this.models = models;
        this.queue = queue;
        this.events = events;
    }

    StepResults.Selected select(LoopConfig loop, LoopConfig.Selection selection, long seed) {
        records.refresh(loop);
        long labels = records.trainLabels(loop);
        QueryStrategy strategy = labels < selection.warmStartRandom()
                ? QueryStrategy.RANDOM : selection.strategy();
        List<Candidate> candidates = candidates(loop);
        Map<String, Long> coverage = strategy == QueryStrategy.RANDOM ? null : coverage(loop, selection);
        QuerySelection picked = selection.diversity()
                ? selectDiverse(loop, selection, strategy, seed, candidates, coverage)
                : selector(selection, strategy, seed, Diversity.NONE, coverage).select(candidates);
        List<QueueItem> items = new ArrayList<>();
        for (int i = 0; i < picked.ids().size(); i++) {
            items.add(new QueueItem(picked.ids().get(i), picked.ids().size() - i));
        }
        queue.fill(loop.dataset(), items);
        if (picked.filledFromOutsideWindow()) {
            LOG.info("[{}] the score window {}..{} held fewer than {} records: {} of the batch are the next most "
                    + "uncertain outside it", loop.name(), selection.minScore(), selection.maxScore(),
                    selection.batchSize(), picked.outsideWindow());
        }
        StepResults.Selected result = new StepResults.Selected(loop.dataset(), items.size(),
                items.size() - picked.outsideWindow(), picked.filledFromOutsideWindow(), ModelOptions.id(strategy));
        events.publishEvent(new LoopEvents.QueueFilled(loop.name(), result, labels));
        return result;
    }

    /**
     * The train labels per label while the loop's cold start covers labels (some label has fewer than
     * {@code cover-labels-below}), else null: the batch then takes turns over the predicted labels.
     */
    private Map<String, Long> coverage(LoopConfig loop, LoopConfig.Selection selection) {
        if (selection.coverLabelsBelow() <= 0) {
            return null;
        }
        Map<String, Long> perLabel = records.trainLabelsPerLabel(loop);
        long under = models.labelNames(loop).stream()
                .filter(l -> perLabel.getOrDefault(l, 0L) < selection.coverLabelsBelow()).count();
        if (under == 0) {
            return null;
        }
        LOG.info("[{}] cold start: {} labels have fewer than {} train labels; the batch takes turns over the predicted "
                + "labels", loop.name(), under, selection.coverLabelsBelow());
        return perLabel;
    }

    private QuerySelection selectDiverse(LoopConfig loop, LoopConfig.Selection selection, QueryStrategy strategy,
                                         long seed, List<Candidate> candidates, Map<String, Long> coverage) {
        // Embedding the whole pool would cost as much as scoring it: embed only the most uncertain few batches.
        int poolSize = selection.batchSize() * DIVERSITY_POOL_FACTOR;
        LoopConfig.Selection wide = new LoopConfig.Selection(selection.strategy(), selection.minScore(),
                selection.maxScore(), poolSize, false, 0, selection.coverLabelsBelow());
        List<String> poolIds = selector(wide, strategy, seed, Diversity.NONE, null).select(candidates).ids();
        Map<String, TextRecord> byId;
        try (Stream<TextRecord> pool = records.datasets().stream(loop.dataset(), RecordQuery.pool().withIds(poolIds))) {
            byId = pool.collect(Collectors.toMap(TextRecord::id, Function.identity()));
        }
        List<TextRecord> pool = poolIds.stream().map(byId::get).filter(r -> r != null).toList();
        float[][] embeddings;
        try (ModelLease lease = models.serving(loop)) {
            embeddings = lease.model().embed(pool.stream().map(TextRecord::text).toList());
        }
        List<Candidate> embedded = new ArrayList<>();
        for (int i = 0; i < pool.size(); i++) {
            embedded.add(new Candidate(pool.get(i).id(), prediction(pool.get(i)), embeddings[i]));
        }
        return selector(selection, strategy, seed, Diversity.MAX_MIN_COSINE, coverage).select(embedded);
    }

    private QuerySelector selector(LoopConfig.Selection selection, QueryStrategy strategy, long seed,
                                   Diversity diversity, Map<String, Long> coverage) {
        QuerySelector.Builder builder = QuerySelector.builder()
                .setStrategy(strategy)
                .optBatchSize(selection.batchSize())
                .optSeed(seed)
                .optDiversity(diversity);
        // The random baseline (and the random warm start) draws from the whole pool, not from the window.
        if (strategy != QueryStrategy.RANDOM) {
            builder.optScoreWindow((float) selection.minScore(), (float) selection.maxScore());
        }
        if (coverage != null) {
            builder.optLabelCoverage(coverage);
        }
        return builder.build();
    }

    private List<Candidate> candidates(LoopConfig loop) {
        try (Stream<TextRecord> pool = records.datasets().stream(loop.dataset(),
                RecordQuery.pool().withScoreBetween(0.0, null))) {
            return pool.filter(r -> !r.predictions().isEmpty())
                    .map(r -> new Candidate(r.id(), prediction(r), null))
                    .toList();
        }
    }

    private static Prediction prediction(TextRecord r) {
        return new Prediction(r.predictions().stream().map(p -> new LabelScore(p.label(), (float) p.score())).toList(),
                r.predictionAgent() == null ? "unknown" : r.predictionAgent());
    }
}
