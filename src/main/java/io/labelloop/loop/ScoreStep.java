package io.labelloop.loop;

import io.labelloop.dataset.PredictedLabel;
import io.labelloop.dataset.TextRecord;
import io.labelloop.model.Prediction;
import io.labelloop.model.TextClassifier;
import io.labelloop.registry.ModelRegistry;
import io.labelloop.registry.ModelVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/** Predicts every unlabeled record of a dataset with the serving version, in chunks, and stores the predictions. */
@Component
class ScoreStep {

    /** Records predicted and written per chunk: big enough for bulk writes, small enough for steady progress. */
    static final int CHUNK = 512;

    private final LoopRecords records;
    private final LoopModels models;
    private final ModelRegistry registry;
    private final ProgressTracker progress;
    private final LoopMetrics metrics;

    ScoreStep(LoopRecords records, LoopModels models, ModelRegistry registry, ProgressTracker progress,
              LoopMetrics metrics) {
        this.records = records;
        this.models = models;
        this.registry = registry;
        this.progress = progress;
        this.metrics = metrics;
    }

    StepResults.Scored score(LoopConfig loop) {
        records.refresh(loop);
        // The lease keeps this model open until the run ends, even if a promote replaces it meanwhile.
        try (ModelLease lease = models.serving(loop)) {
            return score(loop, lease.model());
        }
    }

    private StepResults.Scored score(LoopConfig loop, TextClassifier model) {
        long total = records.datasets().count(loop.dataset(), records.pool());
        long start = System.nanoTime();
        progress.start(loop.name(), "score " + model.version(), total);
        long done = 0;
        try (Stream<TextRecord> pool = records.datasets().stream(loop.dataset(), records.pool())) {
            Iterator<TextRecord> it = pool.iterator();
            while (it.hasNext()) {
                done += scoreChunk(loop, model, next(it));
                progress.update(loop.name(), done);
            }
        } finally {
            progress.finish(loop.name());
        }
        records.refresh(loop);
        double seconds = (System.nanoTime() - start) / 1e9;
        metrics.scored(loop.name(), done, seconds);
        registry.updateMetrics(loop.name(), model.version(), Map.of(ModelVersion.SCORE_SECONDS, seconds));
        return new StepResults.Scored(loop.dataset(), model.version(), done, seconds);
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
