package io.labelloop.loop;

import io.labelloop.model.TrainingRequest;
import io.labelloop.model.TrainingResult;
import io.labelloop.model.train.Example;
import io.labelloop.model.train.TrainingMode;
import io.labelloop.registry.ModelRegistry;
import io.labelloop.registry.ModelStatus;
import io.labelloop.registry.ModelVersion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Trains a new version from the loop's pretrained base on every validated train-split record. The version is
 * registered before training starts and marked trained when it ends, so a restart in between finds it unfinished,
 * marks it FAILED, and the labels consumer retrains (its labels count again); the serving version never changes
 * until a promote.
 */
@Component
class TrainStep {

    private static final Logger LOG = LoggerFactory.getLogger(TrainStep.class);
    /** Metric set on a version once its training finished; its absence means the training was interrupted. */
    static final String TRAINED = "trained";

    private final LoopRecords records;
    private final LoopModels models;
    private final ModelRegistry registry;
    private final ProgressTracker progress;
    private final LoopMetrics metrics;
    private final TrainingGate gate = new TrainingGate();
    private final Map<String, Long> trainingSizeAtLastStart = new ConcurrentHashMap<>();

    TrainStep(LoopRecords records, LoopModels models, ModelRegistry registry, ProgressTracker progress,
              LoopMetrics metrics) {
        this.records = records;
        this.models = models;
        this.registry = registry;
        this.progress = progress;
        this.metrics = metrics;
    }

    StepResults.Trained train(LoopConfig loop, TrainingMode mode, long seed) {
        return gate.exclusive(loop.dataset(), () -> trainExclusively(loop, mode, seed));
    }

    boolean isTraining(LoopConfig loop) {
        return gate.isTraining(loop.dataset());
    }

    /** Validated train-split labels that the last started (or, after a restart, last finished) training did not see. */
    long labelsSinceLastTraining(LoopConfig loop) {
        long labels = records.trainLabels(loop);
        metrics.sampleLabels(loop.name(), labels);
        Long seen = trainingSizeAtLastStart.get(loop.name());
        if (seen == null) {
            seen = registry.history(loop.name()).stream()
                    .filter(v -> v.status() != ModelStatus.FAILED)
                    .mapToLong(ModelVersion::trainingSize).max().orElse(0);
        }
        return Math.max(0, labels - seen);
    }

    /** Marks versions whose training never finished (the process stopped) FAILED, so the loop trains again. */
    void recoverInterrupted(LoopConfig loop) {
        for (ModelVersion v : registry.history(loop.name())) {
            if (v.status() == ModelStatus.CANDIDATE && v.trainingSize() > 0 && v.metric(TRAINED) == null) {
                registry.setStatus(loop.name(), v.version(), ModelStatus.FAILED);
                LOG.warn("[{}] training of {} was interrupted by a restart: marked FAILED; {} keeps serving and the "
                        + "loop retrains", loop.name(), v.version(),
                        registry.current(loop.name()).map(ModelVersion::version).orElse("the zero-shot model"));
            }
        }
    }

    private StepResults.Trained trainExclusively(LoopConfig loop, TrainingMode mode, long seed) {
        List<Example> examples = records.trainExamples(loop);
        requireTrainable(loop, examples);
        List<String> labels = models.labelNames(loop);
        String version = "v" + (registry.history(loop.name()).size() + 1);
        Path dir = models.properties().versionDir(loop.name(), version);
        TrainingRequest.Builder builder = TrainingRequest.builder()
                .setLabels(labels).setTrainExamples(examples)
                .optMode(mode)
                .optSeed(seed).optVersion(version).optBase(models.base(loop))
                .optProgressListener(p -> progress.update(loop.name(), p.epoch()));
        if (mode == TrainingMode.HEAD && loop.training().headEpochs() > 0) {
            builder.optEpochs(loop.training().headEpochs());
        }
        TrainingRequest request = builder.build();
        register(loop, version, examples, request, dir);
        Long seenBefore = trainingSizeAtLastStart.put(loop.name(), (long) examples.size());
        progress.start(loop.name(), "train " + version + " (" + ModelOptions.id(mode) + ", " + examples.size() + " labels)", request.epochs());
        long start = System.nanoTime();
        try {
            TrainingResult result = models.runtime().train(request);
            result.model().save(dir);
            models.keepCandidate(loop, result.model());
            registry.updateMetrics(loop.name(), version, Map.of(TRAINED, 1.0,
                    ModelVersion.TRAIN_SECONDS, result.trainSeconds()));
            metrics.trained(loop.name(), ModelOptions.id(mode), result.trainSeconds(), true);
            return new StepResults.Trained(loop.dataset(), version, examples.size(), result.trainSeconds());
        } catch (RuntimeException e) {
            // The labels this training would have used count again, so the labels consumer retries without waiting
            // for a whole new batch.
            restore(loop, seenBefore);
            registry.setStatus(loop.name(), version, ModelStatus.FAILED);
            metrics.trained(loop.name(), ModelOptions.id(mode), (System.nanoTime() - start) / 1e9, false);
            throw new LoopException(loop.name(), "training " + version + " failed: " + e.getMessage(), e);
        } finally {
            progress.finish(loop.name());
        }
    }

    private void restore(LoopConfig loop, Long seenBefore) {
        if (seenBefore == null) {
            trainingSizeAtLastStart.remove(loop.name());
        } else {
            trainingSizeAtLastStart.put(loop.name(), seenBefore);
        }
    }

    private void register(LoopConfig loop, String version, List<Example> examples, TrainingRequest request, Path dir) {
        Map<String, String> hyper = new TreeMap<>();
        request.hyperParameters().forEach((k, v) -> hyper.put(k, String.valueOf(v)));
        registry.register(new ModelVersion(loop.name(), version, 0, loop.dataset(), loop.baseModel(), request.labels(),
                examples.size(), records.validatedLabels(loop), Example.idsHash(examples), hyper, Map.of(), dir.toString(),
                null, ModelStatus.CANDIDATE));
    }

    /** Checks before anything is written: no labels, or labels of a single class, cannot train a classifier. */
    private static void requireTrainable(LoopConfig loop, List<Example> examples) {
        if (examples.isEmpty()) {
            throw new LoopException(loop.name(), "cannot train: dataset '" + loop.dataset()
                    + "' has no validated records in the train split; label some first");
        }
        Map<String, Long> perLabel = examples.stream()
                .collect(Collectors.groupingBy(Example::label, TreeMap::new, Collectors.counting()));
        if (perLabel.size() < 2) {
            throw new LoopException(loop.name(), "cannot train: the " + examples.size()
                    + " validated train-split records all have one label " + perLabel.keySet()
                    + "; a classifier needs labels of at least two classes");
        }
    }
}
