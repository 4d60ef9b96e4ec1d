package io.labelloop.loop;

import io.labelloop.model.Evaluation;
import io.labelloop.model.Example;
import io.labelloop.model.TextClassifier;
import io.labelloop.registry.ModelRegistry;
import io.labelloop.registry.ModelVersion;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Evaluates versions on the held-out labels and promotes them by policy. */
@Component
class EvaluatePromoteStep {

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

    StepResults.Evaluated evaluate(LoopConfig loop, String version) {
        TextClassifier model = version == null ? models.serving(loop) : models.version(loop, version);
        List<Example> eval = records.evalExamples(loop);
        if (eval.isEmpty()) {
            throw new LoopException(loop.name(), "cannot evaluate: no validated records in the eval split of dataset '"
                    + loop.dataset() + "' (labels in the eval split, or the loop property " + LoopRecords.EVAL_DATASET
                    + ", are the held-out set)");
        }
        Evaluation evaluation = models.runtime().evaluate(model, eval);
        registry.updateMetrics(loop.name(), model.version(), Map.of(
                ModelVersion.ACCURACY, evaluation.accuracy(), ModelVersion.MACRO_F1, evaluation.macroF1()));
        metrics.evaluated(loop.name(), model.version(), evaluation.accuracy(), evaluation.macroF1());
        StepResults.Evaluated result = new StepResults.Evaluated(loop.dataset(), model.version(),
                evaluation.accuracy(), evaluation.macroF1(), evaluation.count());
        events.publishEvent(new LoopEvents.VersionEvaluated(loop.name(), result,
                registry.find(loop.name(), model.version()).orElse(null)));
        return result;
    }

    StepResults.Promoted promote(LoopConfig loop, String candidate, PromotePolicy policy, String metric) {
        String serving = models.serving(loop).version();
        if (candidate.equals(serving)) {
            return new StepResults.Promoted(loop.dataset(), serving, false, candidate + " already serves");
        }
        return switch (policy) {
            case ALWAYS -> promoted(loop, candidate, "policy always");
            case MANUAL -> new StepResults.Promoted(loop.dataset(), serving, false,
                    "policy manual: " + candidate + " waits for an admin to promote it");
            case IF_BETTER -> promoteIfBetter(loop, candidate, serving, metric);
        };
    }

    private StepResults.Promoted promoteIfBetter(LoopConfig loop, String candidate, String serving, String metric) {
        double candidateScore = metricOf(loop, candidate, metric);
        double servingScore = metricOf(loop, serving, metric);
        String comparison = String.format("%s %s %.4f vs %s %.4f", metric, candidate, candidateScore, serving, servingScore);
        return candidateScore > servingScore
                ? promoted(loop, candidate, "better: " + comparison)
                : new StepResults.Promoted(loop.dataset(), serving, false, "not better: " + comparison);
    }

    /** The stored metric of a version, evaluating it first when it has none (e.g. a version from before a restart). */
    private double metricOf(LoopConfig loop, String version, String metric) {
        Optional<Double> stored = registry.find(loop.name(), version).map(v -> v.metric(metric));
        return stored.orElseGet(() -> evaluate(loop, version).metric(metric));
    }

    private StepResults.Promoted promoted(LoopConfig loop, String candidate, String reason) {
        ModelVersion v = models.promote(loop, candidate);
        return new StepResults.Promoted(loop.dataset(), v.version(), true, reason);
    }
}
