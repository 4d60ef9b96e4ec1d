package io.labelloop.loop.ui;

import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

import io.labelloop.base.ui.ChartJs;
import io.labelloop.loop.ui.ChartConfigs.Series;
import io.labelloop.stopping.KappaStep;
import io.labelloop.stopping.StoppingService;
import io.labelloop.stopping.WhenToStop;

/**
 * The dashboard's "When to stop" section: the accuracy forecast after +100 and +500 labels with its interval, the
 * stopping signal, and the kappa of each version against the one before it on the stop set.
 */
class StoppingPanel extends Div {

    private final HorizontalLayout figures = new HorizontalLayout();
    private final Span explanation = new Span();
    private final ChartJs kappas = new ChartJs("chart-kappa", "Kappa between consecutive versions (stop set)");

    StoppingPanel() {
        setId("stopping");
        figures.addClassName("ll-kpis");
        explanation.setId("stopping-explanation");
        explanation.addClassName("ll-caption");
        add(new H3("When to stop"), figures, explanation, new Div(kappas));
    }

    void show(WhenToStop status) {
        figures.removeAll();
        for (long ahead : StoppingService.HORIZONS) {
            figures.add(DashboardView.kpi("kpi-forecast-" + ahead, StoppingText.forecastCaption(status, ahead),
                    StoppingText.forecastValue(status, ahead)));
        }
        figures.add(DashboardView.kpi("kpi-stop-signal", StoppingText.signalCaption(status),
                StoppingText.signalValue(status)));
        explanation.setText(StoppingText.explanation(status));
        List<KappaStep> steps = status.kappas();
        kappas.setConfig(ChartConfigs.line(steps.stream().map(k -> k.from() + "→" + k.to()).toList(),
                List.of(new Series("kappa", steps.stream().map(KappaStep::kappa).toList())), 1.0));
    }
}
