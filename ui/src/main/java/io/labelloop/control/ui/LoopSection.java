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
import io.labelloop.registry.LoopTasks;

/**
 * One loop in the loops view: name, dataset, pause and resume, the running task's progress and the routes with a
 * "Trigger now" each. The view polls; each poll updates this section in place, so that a button being clicked is
 * never swapped for a new one under the pointer (a click on a replaced button would be lost).
 */
class LoopSection extends VerticalLayout {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    /*
     * Fixed starting widths: with auto widths the "Last run" column took the room of its longest text once and the
     * description wrapped to a word per line, pushing State and the trigger button out of a 1366 px window.
     */
    private static final String DOES_WIDTH = "12em";
    private static final String STATE_WIDTH = "6.5em";
    private static final String RUN_WIDTH = "9em";

    private final H3 title = new H3();
    private final Span dataset = new Span();
    private final Span state = new Span();
    private final Button pause = new Button("Pause");
    private final Button resume = new Button("Resume");
    private final HorizontalLayout progress = new HorizontalLayout();
    private final Grid<RouteStatus> routes = new Grid<>();
    private final String loop;
    /** The loop's task as of the last update, for the running route's row. */
    private LoopProgress task;

    /** The actions get the loop's name, and the route's id for a trigger. */
    LoopSection(String loop, Consumer<String> onPause, Consumer<String> onResume, Consumer<RouteStatus> onTrigger) {
        this.loop = loop;
        pause.setId("pause-" + loop);
        pause.addClickListener(e -> onPause.accept(loop));
        resume.setId("resume-" + loop);
        resume.addClickListener(e -> onResume.accept(loop));
        state.setId("state-" + loop);
        progress.setId("progress-" + loop);
        HorizontalLayout header = new HorizontalLayout(title, dataset, pause, resume, state);
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
        boolean running = LoopStatus.RUNNING.equals(status.state());
        title.setText(status.name() + (running ? "" : " (" + status.state() + ")"));
        dataset.setText("dataset " + status.dataset());
        state.setText(status.message());
        pause.setEnabled(running && !status.routes().isEmpty());
        // a pausing loop can be resumed: that cancels the pause
        resume.setEnabled(!running);
        task = status.progress();
        showProgress(status.progress(), status.interrupted());
        routes.setItems(status.routes());
    }

    private void showProgress(LoopProgress p, LoopTasks.Task interrupted) {
        progress.removeAll();
        // after a restart only the stored checkpoint knows the task: paused, or cut off by the stop
        boolean cutOff = p == null && interrupted != null && interrupted.state() != LoopTasks.State.PAUSED;
        if (p == null && interrupted != null) {
            p = new LoopProgress(interrupted.loop(), interrupted.task() + " " + interrupted.version(), interrupted.done(),
                    interrupted.total(), interrupted.updatedAt(), false, interrupted.done(), !cutOff);
        }
        if (p == null) {
            progress.add(new Span("No task ran since start."));
            return;
        }
        ProgressBar bar = new ProgressBar(0, 100, p.percent());
        bar.setWidth("16em");
        Duration eta = p.running() ? p.eta(Instant.now()) : null;
        String label = p.running() ? "Running: " : p.paused() ? "Paused: " : cutOff ? "Interrupted: " : "Last task: ";
        String after = eta != null ? ", about " + eta.toSeconds() + " s left"
                : p.paused() ? ", continues on resume" : cutOff ? ", continues with the loop's next run of it" : "";
        progress.add(new Span(label + p.task()), bar,
                new Span(String.format(Locale.ROOT, "%d / %d (%.0f%%)%s", p.done(), p.total(), p.percent(), after)));
    }

    /** "1 run", "3 runs, 1 failed, 1 paused": what an admin reads first, so in plain words. */
    static String runs(RouteStatus r) {
        String text = r.exchanges() + (r.exchanges() == 1 ? " run" : " runs");
        if (r.failures() > 0) {
            text += ", " + r.failures() + " failed";
        }
        if (r.pauses() > 0) {
            text += ", " + r.pauses() + " paused";
        }
        if ("paused".equals(r.lastResult())) {
            text += "; last one paused at a safe point";
        } else if (r.lastFailure() != null) {
            text += "; last one failed: " + r.lastFailure();
        }
        return text;
    }

    static String lastRun(RouteStatus r, LoopProgress task) {
        if (r.running()) {
            String since = r.runningSince() == null ? "" : " since " + TIME.format(r.runningSince()) + " UTC";
            String step = task != null && task.running()
                    ? String.format(Locale.ROOT, ": %s %.0f%%", task.task(), task.percent()) : "";
            return "running" + since + step;
        }
        return r.lastRun() == null ? "no run since start" : TIME.format(r.lastRun()) + " UTC";
    }

    private void configureRoutes(Consumer<RouteStatus> onTrigger) {
        routes.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        routes.addColumn(RouteStatus::id).setHeader("Route").setAutoWidth(true);
        routes.addColumn(r -> r.description() == null || r.description().isBlank() ? "(no description in its route file)"
                : r.description()).setHeader("Does").setWidth(DOES_WIDTH).setFlexGrow(3);
        routes.addColumn(RouteStatus::state).setHeader("State").setWidth(STATE_WIDTH).setFlexGrow(0);
        routes.addColumn(r -> lastRun(r, task)).setHeader("Last run").setWidth(RUN_WIDTH).setFlexGrow(1);
        // the whole error (Camel's exchange dump included) only as a tooltip; the cell keeps one short line
        routes.addColumn(LitRenderer.<RouteStatus>of("<span title='${item.detail}'>${item.runs}</span>")
                .withProperty("runs", LoopSection::runs)
                .withProperty("detail", r -> r.lastDetail() == null ? "" : r.lastDetail())).setHeader("Result").setWidth(RUN_WIDTH).setFlexGrow(2);
        // a client-side template: a refresh re-renders it in place, so a click in flight still reaches the server
        routes.addColumn(LitRenderer.<RouteStatus>of(
                        "<vaadin-button theme='small' ?disabled=${!item.started} @click=${trigger}>Trigger now</vaadin-button>")
                .withProperty("started", r -> "Started".equals(r.state()))
                .withFunction("trigger", onTrigger::accept)).setAutoWidth(true).setFlexGrow(0);
        routes.setAllRowsVisible(true);
    }
}
