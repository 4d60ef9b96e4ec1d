package io.labelloop.registry;

import java.time.Instant;

/**
 * One evaluation of a version as the registry keeps it, never overwritten ({@code labelloop-evaluations}): a later
 * evaluation on another eval set adds an entry instead of replacing the figure, so a version's history says what
 * each accuracy was measured on.
 *
 * @param loop             the loop
 * @param version          the version evaluated
 * @param evalSet          which eval set (see {@link ModelEvaluation#evalSet()}), null if not recorded
 * @param evalIdsHash      hash of the sorted ids of its records: equal hashes, same eval set
 * @param count            records evaluated
 * @param accuracy         fraction predicted right
 * @param macroF1          unweighted mean of the per-label F1
 * @param evaluatedAt      when
 * @param previousEvalSet  for a re-evaluation, the eval set of the version's figure it replaced; else null
 * @param previousCount    for a re-evaluation, the size of that eval set; else null
 * @param previousAccuracy for a re-evaluation, the accuracy it replaced; else null
 */
public record EvaluationEntry(String loop, String version, String evalSet, String evalIdsHash, int count,
                              double accuracy, double macroF1, Instant evaluatedAt, String previousEvalSet,
                              Integer previousCount, Double previousAccuracy) {

    static EvaluationEntry of(String loop, String version, ModelEvaluation evaluation, ModelEvaluation previous) {
        return new EvaluationEntry(loop, version, evaluation.evalSet(), evaluation.evalIdsHash(), evaluation.count(),
                evaluation.accuracy(), evaluation.macroF1(), evaluation.evaluatedAt(),
                previous == null ? null : previous.evalSet(), previous == null ? null : previous.count(),
                previous == null ? null : previous.accuracy());
    }

    /** True when the version had been evaluated before: this figure replaced {@link #previousAccuracy()}. */
    public boolean reEvaluation() {
        return previousCount != null;
    }
}
