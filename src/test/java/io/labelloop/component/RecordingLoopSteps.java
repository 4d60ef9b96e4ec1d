package io.labelloop.component;

import io.labelloop.dataset.DatasetNotFoundException;
import io.labelloop.loop.LoopConfig;
import io.labelloop.loop.LoopException;
import io.labelloop.loop.LoopPausedException;
import io.labelloop.loop.LoopSteps;
import io.labelloop.loop.ModelOptions;
import io.labelloop.loop.PromotePolicy;
import io.labelloop.loop.StepResults;
import io.labelloop.model.train.TrainingMode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Loop steps that record what the component asked for, for the component's own unit tests (what the component
 * passes and which headers it sets). The real steps run in the route tests on the embedded store and model.
 */
class RecordingLoopSteps implements LoopSteps {

    final List<String> calls = new CopyOnWriteArrayList<>();
    final AtomicLong newLabels = new AtomicLong();
    final AtomicLong queueDepth = new AtomicLong(100);
    volatile String failOn;
    /** The step that stops at a safe point because the loop is pausing, as a real long step does. */
    volatile String pauseOn;
    /** Which datasets exist: all unless a test says otherwise (e.g. with the embedded store's answer). */
    volatile Predicate<String> datasets = name -> true;
    /** A dataset the steps (other than import) do not find, as the real steps fail before the loop's import. */
    volatile String missingDataset;
    volatile LoopConfig.Selection lastSelection;
    volatile String lastPromotedCandidate;

    @Override
    public StepResults.Imported importRecords(LoopConfig loop, ImportRequest request) {
        call(loop, "import " + request.file() + " " + request.textColumn() + " " + request.labelColumn());
        return new StepResults.Imported(loop.dataset(), 3, 0);
    }

    @Override
    public StepResults.Scored score(LoopConfig loop) {
        call(loop, "score");
        return new StepResults.Scored(loop.dataset(), "v1", 10, 0.5);
    }

    @Override
    public StepResults.Selected select(LoopConfig loop, LoopConfig.Selection selection) {
        call(loop, "select " + ModelOptions.id(selection.strategy()) + " " + selection.batchSize());
        lastSelection = selection;
        return new StepResults.Selected(loop.dataset(), selection.batchSize(), 2, true, ModelOptions.id(selection.strategy()));
    }

    @Override
    public StepResults.Trained train(LoopConfig loop, TrainingMode mode, long seed) {
        call(loop, "train " + ModelOptions.id(mode) + " " + seed);
        newLabels.set(0);
        return new StepResults.Trained(loop.dataset(), "v2", 7, 1.5);
    }

    @Override
    public StepResults.Evaluated evaluate(LoopConfig loop, String version) {
        call(loop, "evaluate " + version);
        return new StepResults.Evaluated(loop.dataset(), version == null ? "v1" : version, 0.9, 0.85, 20);
    }

    @Override
    public StepResults.Promoted promote(LoopConfig loop, String candidate, PromotePolicy policy, String metric) {
        call(loop, "promote " + candidate + " " + policy + " " + metric);
        lastPromotedCandidate = candidate;
        return new StepResults.Promoted(loop.dataset(), candidate, true, "policy " + policy);
    }

    @Override
    public StepResults.Exported export(LoopConfig loop, Path file, String format) {
        call(loop, "export " + file + " " + format);
        return new StepResults.Exported(loop.dataset(), file, 4);
    }

    @Override
    public long labelsSinceLastTraining(LoopConfig loop) {
        return newLabels.get();
    }

    @Override
    public boolean hasDataset(LoopConfig loop, String dataset) {
        return datasets.test(dataset);
    }

    @Override
    public long queueDepth(LoopConfig loop) {
        return queueDepth.get();
    }

    @Override
    public boolean busy(LoopConfig loop) {
        return false;
    }

    private void call(LoopConfig loop, String what) {
        String op = what.split(" ")[0];
        if (op.equals(pauseOn)) {
            throw new LoopPausedException(loop.name(), op + " v1 paused at 512 of 3072; it continues from there on resume");
        }
        if (!op.equals("import") && loop.dataset().equals(missingDataset)) {
            throw new LoopException(loop.name(), op + ": " + new DatasetNotFoundException(missingDataset).getMessage(),
                    new DatasetNotFoundException(missingDataset));
        }
        if (op.equals(failOn)) {
            throw new LoopException(loop.name(), op + ": dataset 'ds' has no validated records");
        }
        calls.add(what);
    }
}
