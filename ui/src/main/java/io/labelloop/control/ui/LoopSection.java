package io.labelloop.control.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Consumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.data.renderer.LitRenderer;

import io.labelloop.control.LoopStatus;
import io.labelloop.control.RouteStatus;
import io.labelloop.loop.LoopProgress;

/**
 * One loop in the loops view: name, dataset, pause and resume, the running task's progress and the routes with a
 * "Trigger now" each. The view polls; each poll updates this section in place, so that a button being clicked is
 * never swapped for a new one under the pointer (a click on a replaced button would be lost).
 */
class LoopSection extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final H3 title = new H3();
    private final Span dataset = new Span();
    private final Button pause = new Button("Pause");
    private final Button resume = new Button("Resume");
    private final HorizontalLayout progress = new HorizontalLayout();
    private final Grid<RouteStatus> routes = new Grid<>();
    private final String loop;

    /** The actions get the loop's name, and the route's id for a trigger. */
    LoopSection(String loop, Consumer<String> onPause, Consumer<String> onResume, Consumer<RouteStatus> onTrigger) {
        this.loop = loop;
        pause.setId("pause-" + loop);
        pause.addClickListener(e -> onPause.accept(loop));
        resume.setId("resume-" + loop);
        resume.addClickListener(e -> onResume.accept(loop));
        HorizontalLayout header = new HorizontalLayout(title, dataset, pause, resume);
        header.setAlignItems(Alignment.BASELINE);
        progress.setAlignItems(Alignment.CENTER);
        configureRoutes(onTrigger);
        add(header, progress, routes);
        addClassName("ll-card");
        setPadding(true);
    }

    String loop() {
        return loop;
    }

    void update(LoopStatus status) {
        title.setText(status.name() + (status.paused() ? " (paused)" : ""));
        dataset.setText("dataset " + status.dataset());
        pause.setEnabled(!status.paused() && !status.routes().isEmpty());
        resume.setEnabled(status.paused());
        showProgress(status.progress());
        routes.setItems(status.routes());
    }

    private void showProgress(LoopProgress p) {
        progress.removeAll();
        if (p == null) {
            progress.add(new Span("No task ran since start."));
            return;
        }
        ProgressBar bar = new ProgressBar(0, 100, p.percent());
        bar.setWidth("16em");
        Duration eta = p.running() ? p.eta(Instant.now()) : null;
        progress.add(new Span((p.running() ? "Running: " : "Last task: ") + p.task()), bar,
                new Span(String.format(Locale.ROOT, "%d / %d (%.0f%%)%s", p.done(), p.total(), p.percent(),
                        eta == null ? "" : ", about " + eta.toSeconds() + " s left")));
    }

    private void configureRoutes(Consumer<RouteStatus> onTrigger) {
        routes.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        routes.addColumn(RouteStatus::id).setHeader("Route").setAutoWidth(true);
        routes.addColumn(RouteStatus::description).setHeader("Does").setFlexGrow(1);
        routes.addColumn(RouteStatus::state).setHeader("State").setAutoWidth(true);
        routes.addColumn(r -> r.lastRun() == null ? "not since start" : TIME.format(r.lastRun()) + " UTC")
                .setHeader("Last run").setAutoWidth(true);
        routes.addColumn(r -> r.exchanges() + " runs, " + r.failures() + " failed"
                + (r.lastFailure() == null ? "" : ": " + r.lastFailure())).setHeader("Result").setFlexGrow(1);
        // a client-side template: a refresh re-renders it in place, so a click in flight still reaches the server
        routes.addColumn(LitRenderer.<RouteStatus>of(
                        "<vaadin-button theme='small' ?disabled=${!item.started} @click=${trigger}>Trigger now</vaadin-button>")
                .withProperty("started", r -> "Started".equals(r.state()))
                .withFunction("trigger", onTrigger::accept)).setAutoWidth(true);
        routes.setAllRowsVisible(true);
    }
}
