package io.labelloop.loop;

import io.labelloop.dataset.PredictedLabel;
import io.labelloop.dataset.RecordQuery;
import io.labelloop.dataset.TextRecord;
import io.labelloop.model.TextClassifier;
import io.labelloop.model.core.Prediction;
import io.labelloop.registry.LoopTasks;
import io.labelloop.registry.ModelRegistry;
import io.labelloop.registry.ModelVersion;
import io.labelloop.stopping.StoppingService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Predicts every unlabeled record of a dataset with the serving version, in chunks, and stores the predictions.
 * Between chunks is a safe point: a pause asked for stops it there, and a checkpoint in {@link LoopTasks} lets the
 * next score of the same version (on resume, or the start route after a restart) skip what it already scored, so
 * that the dataset ends with one version's scores, not a mix.
 */
@Component
class ScoreStep {

    private static final Logger LOG = LoggerFactory.getLogger(ScoreStep.class);

    /** Records predicted and written per chunk: big enough for bulk writes, small enough for steady progress. */
    static final int CHUNK = 512;
    /** The task name in the loop's run state and progress. */
    static final String TASK = "score";

    private final LoopRecords records;
    private final LoopModels models;
    private final ModelRegistry registry;
    private final ProgressTracker progress;
    private final LoopMetrics metrics;
    private final LoopTasks tasks;
    private final StoppingService stopping;
    private final Map<String, ReentrantLock> running = new ConcurrentHashMap<>();

    ScoreStep(LoopRecords records, LoopModels models, ModelRegistry registry, ProgressTracker progress,
              LoopMetrics metrics, LoopTasks tasks, StoppingService stopping) {
        this.tasks = tasks;
        this.stopping = stopping;
        this.records = records;
        this.models = models;
        this.registry = registry;
        this.progress = progress;
        this.metrics = metrics;
    }

    /**
     * Scores the pool with the serving version. Scores of one loop run one at a time on this node (the start
     * route and a retrain may both ask): the later one then finds the records the earlier one stored with the same
     * version and scores only the rest. Two nodes may still score the same version at once; the predictions are
     * deterministic, so the stored result is the same, only the work is done twice.
     */
    StepResults.Scored score(LoopConfig loop) {
        ReentrantLock lock = running.computeIfAbsent(loop.name(), k -> new ReentrantLock());
        lock.lock();
        try {
            records.refresh(loop);
            // The lease keeps this model open until the run ends, even if a promote replaces it meanwhile.
            try (ModelLease lease = models.serving(loop)) {
                return score(loop, lease.model());
            }
        } finally {
            lock.unlock();
        }
    }

    private StepResults.Scored score(LoopConfig loop, TextClassifier model) {
        String version = model.version();
        stopIfPauseRequested(loop, "score " + version, 0, 0);
        long total = records.datasets().count(loop.dataset(), RecordQuery.pool());
        // A version scores a text the same way each time: what it scored before (a checkpoint, or a run that
        // finished before more records arrived) is kept, not scored again.
        boolean continues = tasks.find(loop.name()).map(t -> t.isFor(TASK, version)).orElse(false);
        long done = continues ? records.datasets().count(loop.dataset(), RecordQuery.pool().withModelVersion(version)) : 0;
        long start = System.nanoTime();
        tasks.started(loop.name(), TASK, version, total, done);
        progress.start(loop.name(), TASK + " " + version, total, done);
        long scored = 0;
        try (Stream<TextRecord> pool = records.datasets().stream(loop.dataset(), RecordQuery.pool())) {
            Iterator<TextRecord> it = (continues ? pool.filter(r -> !version.equals(r.predictionAgent())) : pool).iterator();
            while (it.hasNext()) {
                stopIfPauseRequested(loop, TASK + " " + version, done, total);
                int n = scoreChunk(loop, model, next(it));
                scored += n;
                done += n;
                progress.update(loop.name(), done);
                tasks.progressed(loop.name(), done);
            }
        } finally {
            progress.finish(loop.name());
        }
        tasks.finished(loop.name(), done);
        records.refresh(loop);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (scored > 0) { // a run with nothing left to score keeps the figures of the run that did the work
            metrics.scored(loop.name(), scored, seconds);
            registry.updateMetrics(loop.name(), version, Map.of(ModelVersion.SCORE_SECONDS, seconds));
        }
        recordForStopping(loop, version);
        return new StepResults.Scored(loop.dataset(), version, scored, seconds);
    }

    /** Keeps the version's predictions on the stop set, read back from what was just stored (no second scoring). */
    private void recordForStopping(LoopConfig loop, String version) {
        try {
            stopping.recordScored(loop.name(), loop.dataset(), loop.training().seed(), version);
        } catch (RuntimeException e) {
            // The stopping signal only advises: a failure to keep it must not fail the score the loop depends on.
            LOG.warn("[{}] could not keep the stop-set predictions of {}: {}", loop.name(), version, e.toString());
        }
    }

    /** The safe point: what is scored is stored, so the task can stop here and continue later. */
    private void stopIfPauseRequested(LoopConfig loop, String task, long done, long total) {
        if (tasks.pauseRequested(loop.name())) {
            if (total > 0) {
                tasks.paused(loop.name(), done);
                progress.pause(loop.name());
            }
            throw new LoopPausedException(loop.name(), total > 0 ? task + " paused at " + done + " of " + total
                    + "; it continues from there on resume" : task + " not started: the loop is pausing");
        }
    }

    private int scoreChunk(LoopConfig loop, TextClassifier model, List<TextRecord> chunk) {
        List<Prediction> predictions = model.predict(chunk.stream().map(TextRecord::text).toList());
        Map<String, List<PredictedLabel>> byId = new HashMap<>();
        for (int i = 0; i < chunk.size(); i++) {
            byId.put(chunk.get(i).id(), predictions.get(i).scores().stream()
                    .map(s -> new PredictedLabel(s.label(), s.score())).toList());
        }
        records.datasets().storePredictions(loop.dataset(), byId, model.version());
        return chunk.size();
    }

    private static List<TextRecord> next(Iterator<TextRecord> it) {
        List<TextRecord> chunk = new ArrayList<>(CHUNK);
        while (it.hasNext() && chunk.size() < CHUNK) {
            chunk.add(it.next());
        }
        return chunk;
    }
}
