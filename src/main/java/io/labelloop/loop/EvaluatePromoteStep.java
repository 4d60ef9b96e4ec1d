package io.labelloop.loop;

import io.labelloop.model.Calibration;
import io.labelloop.model.Evaluation;
import io.labelloop.model.TextClassifier;
import io.labelloop.model.core.Prediction;
import io.labelloop.model.train.Example;
import io.labelloop.registry.ModelEvaluation;
import io.labelloop.registry.ModelRegistry;
import io.labelloop.registry.ModelStatus;
import io.labelloop.registry.ModelVersion;
import io.labelloop.registry.Promotion;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Evaluates versions on the held-out labels and promotes them by policy. If-better compares the candidate and the
 * serving version on the same eval records: the serving version is evaluated again when its stored evaluation was
 * on another eval set (e.g. before more held-out labels arrived).
 */
@Component
class EvaluatePromoteStep {

    private static final Logger LOG = LoggerFactory.getLogger(EvaluatePromoteStep.class);

    private final LoopRecords records;
    private final LoopModels models;
    private final ModelRegistry registry;
    private final LoopMetrics metrics;
    private final ApplicationEventPublisher events;

    EvaluatePromoteStep(LoopRecords records, LoopModels models, ModelRegistry registry, LoopMetrics metrics,
                        ApplicationEventPublisher events) {
        this.records = records;
        this.models = models;
        this.registry = registry;
        this.metrics = metrics;
        this.events = events;
    }

    /**
     * The held-out examples, where they come from, and the hash of their ids, which tells whether two evaluations saw
     * the same set.
     */
    private record EvalSet(String name, List<Example> examples, String idsHash) {
    }

    StepResults.Evaluated evaluate(LoopConfig loop, String version) {
        EvalSet eval = evalSet(loop);
        try (ModelLease lease = version == null ? models.serving(loop) : models.version(loop, version)) {
            return evaluate(loop, lease.model(), eval);
        }
    }

    StepResults.Promoted promote(LoopConfig loop, String candidate, PromotePolicy policy, String metric) {
        String serving = models.servingVersion(loop);
        if (candidate.equals(serving)) {
            return new StepResults.Promoted(loop.dataset(), serving, false, candidate + " already serves");
        }
        StepResults.Promoted result = switch (policy) {
            case ALWAYS -> promoted(loop, candidate, Promotion.BY_LOOP, "policy always");
            case MANUAL -> new StepResults.Promoted(loop.dataset(), serving, false,
                    "policy manual: " + candidate + " waits for an admin to promote it");
            case IF_BETTER -> promoteIfBetter(loop, candidate, serving, metric);
        };
        if (!result.promoted()) {
            models.release(loop, candidate);
        }
        return result;
    }

    /**
     * Promotes a version by hand (the manual policy's admin action): it must exist in the loop, not have failed and
     * have been evaluated; the registry records who promoted it.
     */
    StepResults.Promoted promoteByHand(LoopConfig loop, String version, String user) {
        if (user == null || user.isBlank()) {
            throw new LoopException(loop.name(), "promoting " + version + " by hand needs the user who promotes it");
        }
        ModelVersion target = registry.find(loop.name(), version).orElseThrow(() -> new LoopException(loop.name(),
                "has no model version '" + version + "'; its versions: "
                        + registry.history(loop.name()).stream().map(ModelVersion::version).toList()));
        if (target.status() == ModelStatus.FAILED) {
            throw new LoopException(loop.name(), "model version " + version + " FAILED (training or evaluation): "
                    + "not promoted");
        }
        if (!target.evaluated()) {
            throw new LoopException(loop.name(), "model version " + version + " was not evaluated on the held-out "
                    + "labels: evaluate it before promoting it");
        }
        String serving = models.servingVersion(loop);
        if (version.equals(serving)) {
            return new StepResults.Promoted(loop.dataset(), serving, false, version + " already serves");
        }
        return promoted(loop, version, user, "promoted by " + user + " (was " + serving + ")");
    }

    private StepResults.Promoted promoteIfBetter(LoopConfig loop, String candidate, String serving, String metric) {
        EvalSet eval = evalSet(loop);
        double candidateScore = onSameEval(loop, candidate, eval).metric(metric);
        double servingScore = onSameEval(loop, serving, eval).metric(metric);
        String comparison = String.format("%s on the same %d eval records: %s %.4f vs %s %.4f", metric,
                eval.examples().size(), candidate, candidateScore, serving, servingScore);
        return candidateScore > servingScore
                ? promoted(loop, candidate, Promotion.BY_LOOP, "better: " + comparison)
                : new StepResults.Promoted(loop.dataset(), serving, false, "not better: " + comparison);
    }

    /** The version's evaluation on these eval records: the stored one if it saw the same ones, else a new one. */
    private StepResults.Evaluated onSameEval(LoopConfig loop, String version, EvalSet eval) {
        Optional<ModelEvaluation> stored = registry.find(loop.name(), version).map(ModelVersion::evaluation)
                .filter(e -> eval.idsHash().equals(e.evalIdsHash()));
        if (stored.isPresent()) {
            ModelEvaluation e = stored.get();
            return new StepResults.Evaluated(loop.dataset(), version, e.accuracy(), e.macroF1(), e.count());
        }
        try (ModelLease lease = models.version(loop, version)) {
            return evaluate(loop, lease.model(), eval);
        }
    }

    private StepResults.Evaluated evaluate(LoopConfig loop, TextClassifier model, EvalSet eval) {
        List<Prediction> predictions = model.predict(eval.examples().stream().map(Example::text).toList());
        calibrateCandidate(loop, model, eval, predictions);
        Evaluation evaluation = models.runtime().evaluate(model, eval.examples(), predictions);
        ModelVersion stored = registry.updateEvaluation(loop.name(), model.version(),
                ModelEvaluation.of(evaluation, eval.name(), eval.idsHash(), Instant.now()));
        metrics.evaluated(loop.name(), model.version(), evaluation.accuracy(), evaluation.macroF1());
        StepResults.Evaluated result = new StepResults.Evaluated(loop.dataset(), model.version(),
                evaluation.accuracy(), evaluation.macroF1(), evaluation.count());
        events.publishEvent(new LoopEvents.VersionEvaluated(loop.name(), result, stored));
        return result;
    }

    /**
     * A fine-tuned candidate's first evaluation also calibrates its scores on the held-out labels (temperature
     * scaling) and saves it so, before anything scores with it; a version that serves, or was calibrated, stays as
     * it is, so that no two records get scores of the same version on different scales.
     */
    private void calibrateCandidate(LoopConfig loop, TextClassifier model, EvalSet eval, List<Prediction> predictions) {
        ModelVersion version = registry.find(loop.name(), model.version()).orElse(null);
        if (version == null || version.status() != ModelStatus.CANDIDATE || model.provenance().trainingSize() == 0
                || model.provenance().hyperParameters().containsKey(Calibration.TEMPERATURE)) {
            return;
        }
        Calibration c = models.runtime().calibrate(model, eval.examples(), predictions);
        model.save(Path.of(version.path()));
        registry.updateMetrics(loop.name(), model.version(), Map.of(Calibration.TEMPERATURE, c.temperature(),
                Calibration.ECE_BEFORE, c.eceBefore(), Calibration.ECE_AFTER, c.eceAfter()));
        LOG.info("[{}] {} calibrated on {} held-out labels: temperature {}, expected calibration error {} -> {}",
                loop.name(), model.version(), c.count(), String.format("%.3f", c.temperature()),
                String.format("%.4f", c.eceBefore()), String.format("%.4f", c.eceAfter()));
    }

    private EvalSet evalSet(LoopConfig loop) {
        List<Example> eval = records.evalExamples(loop);
        if (eval.isEmpty()) {
            throw new LoopException(loop.name(), "cannot evaluate: no validated records in the eval split of dataset '"
                    + loop.dataset() + "' (labels in the eval split, or the loop property " + LoopConfig.EVAL_DATASET
                    + ", are the held-out set)");
        }
        return new EvalSet(records.evalSetName(loop), eval, Example.idsHash(eval));
    }

    private StepResults.Promoted promoted(LoopConfig loop, String candidate, String by, String reason) {
        ModelVersion v = models.promote(loop, candidate, new Promotion(by, Instant.now(), reason));
        return new StepResults.Promoted(loop.dataset(), v.version(), true, reason);
    }
}
