package io.labelloop.loop.ui;

import java.util.Comparator;
import java.util.List;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;

import io.labelloop.registry.ModelEvaluation;

/**
 * Precision, recall, F1 and support of each label in the current version's stored evaluation, weakest F1 first, so
 * that with many labels the ones that need labels are at the top; every column sorts.
 */
final class PerLabelMetrics {

    /** Rows shown before the grid scrolls: a 77-label set stays a table of reasonable height. */
    private static final int VISIBLE_ROWS = 12;

    private final Grid<ModelEvaluation.LabelScores> grid = new Grid<>();

    PerLabelMetrics() {
        grid.setId("per-label");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(ModelEvaluation.LabelScores::label).setHeader("Label").setSortable(true).setFlexGrow(2);
        grid.addColumn(s -> DashboardView.percent(s.precision())).setHeader("Precision")
                .setComparator(ModelEvaluation.LabelScores::precision).setAutoWidth(true);
        grid.addColumn(s -> DashboardView.percent(s.recall())).setHeader("Recall")
                .setComparator(ModelEvaluation.LabelScores::recall).setAutoWidth(true);
        grid.addColumn(s -> DashboardView.percent(s.f1())).setHeader("F1")
                .setComparator(ModelEvaluation.LabelScores::f1).setAutoWidth(true);
        grid.addColumn(ModelEvaluation.LabelScores::support).setHeader("Support")
                .setComparator(ModelEvaluation.LabelScores::support).setAutoWidth(true);
        grid.setHeight((VISIBLE_ROWS + 1) * 2.2 + "em");
    }

    Grid<ModelEvaluation.LabelScores> grid() {
        return grid;
    }

    /** The stored evaluation's per-label scores, or none (a version evaluated before they were stored). */
    void show(ModelEvaluation evaluation) {
        List<ModelEvaluation.LabelScores> scores = evaluation == null ? List.of() : evaluation.perLabel();
        grid.setItems(scores.stream().sorted(Comparator.comparingDouble(ModelEvaluation.LabelScores::f1)
                .thenComparing(ModelEvaluation.LabelScores::label)).toList());
    }
}
