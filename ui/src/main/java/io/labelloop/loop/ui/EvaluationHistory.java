package io.labelloop.loop.ui;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;

import io.labelloop.registry.EvaluationEntry;
import io.labelloop.registry.ModelEvaluation;
import io.labelloop.registry.ModelVersion;

/**
 * Every evaluation the registry stored for the loop, newest first, each figure with the eval set it was measured
 * on; a re-evaluation says which figure it replaced, so that an accuracy that changed in the versions table is
 * explained by the history rather than by a rule of the view.
 */
final class EvaluationHistory {

    /** Characters of an ids hash shown beside an eval set's name: enough to tell two sets apart at a glance. */
    private static final int HASH_SHOWN = 8;

    private final Grid<EvaluationEntry> grid = new Grid<>();

    EvaluationHistory() {
        grid.setId("evaluations");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(e -> e.evaluatedAt() == null ? "" : DashboardView.TIME.format(e.evaluatedAt())).setHeader("Evaluated (UTC)")
                .setAutoWidth(true);
        grid.addColumn(EvaluationEntry::version).setHeader("Version").setAutoWidth(true);
        grid.addColumn(e -> evalSet(e.evalSet(), e.evalIdsHash())).setHeader("Eval set").setAutoWidth(true);
        grid.addColumn(e -> DashboardView.percent(e.accuracy()) + " (" + Wilson.describe(e.accuracy(), e.count()) + ")")
                .setHeader("Accuracy").setAutoWidth(true);
        grid.addColumn(e -> DashboardView.percent(e.macroF1())).setHeader("Macro-F1").setAutoWidth(true);
        grid.addColumn(EvaluationHistory::note).setHeader("Note").setFlexGrow(2);
        grid.setAllRowsVisible(true);
    }

    Grid<EvaluationEntry> grid() {
        return grid;
    }

    void show(List<EvaluationEntry> entries) {
        grid.setItems(entries.stream().sorted(Comparator.comparing(EvaluationEntry::evaluatedAt,
                Comparator.nullsFirst(Comparator.naturalOrder())).reversed()).toList());
    }

    /** "first evaluation", or "re-evaluation: was 80.0% on n=10 (ui-test eval split)". */
    static String note(EvaluationEntry e) {
        if (!e.reEvaluation()) {
            return "first evaluation";
        }
        String was = e.previousAccuracy() == null ? "–" : DashboardView.percent(e.previousAccuracy());
        return "re-evaluation: was " + was + " on n=" + e.previousCount()
                + (e.previousEvalSet() == null ? "" : " (" + e.previousEvalSet() + ")");
    }

    /**
     * The versions table's accuracy: the figure with its eval set, and when the history holds a re-evaluation of the
     * version, when it was and what it replaced.
     */
    static String accuracyWithEvalSet(ModelVersion v, List<EvaluationEntry> history) {
        ModelEvaluation e = v.evaluation();
        String figure = DashboardView.percent(v.metric(ModelVersion.ACCURACY));
        if (e == null || e.count() <= 0) {
            return figure;
        }
        String set = e.evalSet() == null && e.evalIdsHash() == null ? "" : ", eval set " + evalSet(e.evalSet(),
                e.evalIdsHash());
        Optional<EvaluationEntry> again = history.stream()
                .filter(h -> h.version().equals(v.version()) && h.reEvaluation()).reduce((first, last) -> last);
        return figure + " (" + Wilson.describe(e.accuracy(), e.count()) + set + ")"
                + again.map(h -> " re-evaluated " + (h.evaluatedAt() == null ? "" : DashboardView.TIME.format(h.evaluatedAt()) + ", ")
                        + note(h).substring("re-evaluation: ".length())).orElse("");
    }

    /** "ui-test eval split · 3f2a9c1d", either part alone when the other is unknown. */
    static String evalSet(String name, String idsHash) {
        String hash = idsHash == null ? null : idsHash.substring(0, Math.min(HASH_SHOWN, idsHash.length()));
        if (name == null) {
            return hash == null ? "–" : hash;
        }
        return hash == null ? name : name + " · " + hash;
    }
}
