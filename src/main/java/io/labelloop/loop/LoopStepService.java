package io.labelloop.loop;

import io.labelloop.dataset.Dataset;
import io.labelloop.dataset.ExportFormat;
import io.labelloop.dataset.ImportFormat;
import io.labelloop.dataset.ImportOptions;
import io.labelloop.dataset.ImportReport;
import io.labelloop.dataset.NewDataset;
import io.labelloop.dataset.RecordQuery;
import io.labelloop.dataset.RecordStatus;
import io.labelloop.model.core.ModelException;
import io.labelloop.model.train.TrainingMode;
import io.labelloop.queue.LabelingQueueService;
import io.labelloop.registry.LoopTasks;
import io.labelloop.stopping.StoppingService;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The loop steps over the store and the model runtime. Every failure comes back as a {@link LoopException} that
 * names the loop; checks run before writes, so a failed step leaves what is stored as it was.
 */
@Service
public class LoopStepService implements LoopSteps, SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(LoopStepService.class);

    private final LoopCatalog catalog;
    private final LoopRecords records;
    private final LabelingQueueService queue;
    private final LoopModels models;
    private final ScoreStep scoring;
    private final SelectStep selection;
    private final TrainStep training;
    private final EvaluatePromoteStep evaluation;
    private final LoopMetrics metrics;
    private final ProgressTracker progress;
    private final LoopTasks tasks;
    private final StoppingService stopping;

    LoopStepService(LoopCatalog catalog, LoopRecords records, LabelingQueueService queue, LoopModels models,
                    ScoreStep scoring, SelectStep selection, TrainStep training, EvaluatePromoteStep evaluation,
                    LoopMetrics metrics, ProgressTracker progress, LoopTasks tasks, StoppingService stopping) {
        this.tasks = tasks;
        this.stopping = stopping;
        this.catalog = catalog;
        this.records = records;
        this.queue = queue;
        this.models = models;
        this.scoring = scoring;
        this.selection = selection;
        this.training = training;
        this.evaluation = evaluation;
        this.metrics = metrics;
        this.progress = progress;
    }

    /**
     * Before any route starts (Spring calls this once every bean exists, before the Camel context starts): trainings
     * that a restart interrupted are marked FAILED, so a labels consumer that fires at once retrains them instead of
     * seeing them as done.
     */
    @Override
    public void afterSingletonsInstantiated() {
        recoverInterruptedTrainings();
    }

    /** Marks the trainings a restart interrupted FAILED, in every loop; a loop that cannot be checked is logged. */
    public void recoverInterruptedTrainings() {
        for (LoopConfig loop : catalog.all()) {
            try {
                training.recoverInterrupted(loop);
            } catch (RuntimeException e) {
                LOG.warn("[{}] could not check for interrupted trainings: {}", loop.name(), e.getMessage());
            }
        }
    }

    /** Once the application is ready: meters for every loop. */
    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        for (LoopConfig loop : catalog.all()) {
            metrics.registerLoop(loop.name(), () -> queue.depth(loop.dataset()), () -> records.trainLabels(loop));
            stopping.registerMeters(loop.name());
        }
    }

    @Override
    public StepResults.Imported importRecords(LoopConfig loop, ImportRequest request) {
        return run(loop, "import", () -> {
            Path file = models.properties().resolve(request.file().toString());
            ImportOptions options = ImportOptions.of(ImportFormat.fromFileName(file.getFileName().toString())).withText(request.textColumn());
            if (request.labelColumn() != null) {
                options = options.withLabel(request.labelColumn());
            }
            // The label set is read only to create the dataset; a dataset created here is removed again when
            // the import stores nothing.
            ImportReport report = records.datasets().find(loop.dataset()).isPresent()
                    ? records.datasets().importFile(loop.dataset(), file, options)
                    : records.datasets().importFile(loop.dataset(), file, options, new NewDataset(
                    models.labelNames(loop), request.evalFraction() > 0 ? request.evalFraction()
                    : Dataset.DEFAULT_EVAL_FRACTION));
            return new StepResults.Imported(loop.dataset(), report.created(), report.rejectedCount());
        });
    }

    @Override
    public StepResults.Scored score(LoopConfig loop) {
        return run(loop, "score", () -> scoring.score(loop));
    }

    @Override
    public StepResults.Selected select(LoopConfig loop, LoopConfig.Selection sel) {
        return run(loop, "select", () -> selection.select(loop, sel, loop.training().seed()));
    }

    @Override
    public StepResults.Trained train(LoopConfig loop, TrainingMode mode, long seed) {
        if (tasks.pauseRequested(loop.name())) {
            throw new LoopPausedException(loop.name(), "train not started: the loop is pausing");
        }
        return run(loop, "train", () -> training.train(loop, mode, seed));
    }

    @Override
    public StepResults.Evaluated evaluate(LoopConfig loop, String version) {
        return run(loop, "evaluate", () -> evaluation.evaluate(loop, version));
    }

    @Override
    public StepResults.Promoted promote(LoopConfig loop, String candidate, PromotePolicy policy, String metric) {
        return run(loop, "promote", () -> evaluation.promote(loop, candidate, policy, metric));
    }

    /**
     * Promotes a version by hand, as the manual policy expects an admin to: the version must belong to the loop,
     * not have failed and have been evaluated; the registry records {@code user} as who promoted it. The new version
     * scores from the next score step on.
     */
    public StepResults.Promoted promoteByHand(LoopConfig loop, String version, String user) {
        return run(loop, "promote", () -> evaluation.promoteByHand(loop, version, user));
    }

    @Override
    public StepResults.Exported export(LoopConfig loop, Path file, String format) {
        return run(loop, "export", () -> {
            records.requireDataset(loop);
            Path target = models.properties().resolve(file.toString());
            long n = records.datasets().export(loop.dataset(), RecordQuery.all().withStatuses(RecordStatus.VALIDATED),
                    exportFormat(format), target);
            return new StepResults.Exported(loop.dataset(), target, n);
        });
    }

    @Override
    public long labelsSinceLastTraining(LoopConfig loop) {
        return run(loop, "count labels", () -> training.labelsSinceLastTraining(loop));
    }

    @Override
    public boolean hasDataset(LoopConfig loop, String dataset) {
        return run(loop, "find dataset", () -> records.datasets().find(dataset).isPresent());
    }

    @Override
    public long queueDepth(LoopConfig loop) {
        return run(loop, "queue depth", () -> {
            records.requireDataset(loop);
            return queue.depth(loop.dataset());
        });
    }

    @Override
    public boolean busy(LoopConfig loop) {
        return training.isTraining(loop) || progress.progress(loop.name()).map(LoopProgress::running).orElse(false);
    }

    /**
     * Finishes the loop's re-score that a pause or a restart interrupted, and refills the queue from it; false (and
     * nothing done) when the loop has no unfinished re-score of its serving version.
     */
    public boolean continueInterrupted(LoopConfig loop) {
        Optional<LoopTasks.Task> task = tasks.find(loop.name());
        if (task.isEmpty() || !task.get().unfinished(ScoreStep.TASK,
                run(loop, "find serving version", () -> models.servingVersion(loop)))) {
            return false;
        }
        score(loop);
        select(loop, loop.selection());
        return true;
    }

    /** The loop's stored run state (pause asked for, the checkpoint of its long task). */
    public Optional<LoopTasks.Task> runState(LoopConfig loop) {
        return tasks.find(loop.name());
    }

    /** Progress of the loop's running or last long step, for the UI. */
    public Optional<LoopProgress> progress(LoopConfig loop) {
        return progress.progress(loop.name());
    }

    private static <T> T run(LoopConfig loop, String step, Supplier<T> work) {
        try {
            return work.get();
        } catch (LoopException e) {
            throw e;
        } catch (ModelException | IllegalArgumentException | IllegalStateException e) {
            throw new LoopException(loop.name(), step + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new LoopException(loop.name(), step + " failed: " + e, e);
        }
    }

    private static ExportFormat exportFormat(String format) {
        return ExportFormat.named(format == null ? "csv" : format, "export format");
    }
}
