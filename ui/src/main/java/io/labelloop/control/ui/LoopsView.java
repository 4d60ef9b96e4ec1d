package io.labelloop.control.ui;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.labelloop.base.ui.Polling;
import io.labelloop.control.LoopControl;
import io.labelloop.control.LoopStatus;
import io.labelloop.control.RouteStatus;
import io.labelloop.loop.LoopProgress;
import io.labelloop.security.Roles;
import jakarta.annotation.security.RolesAllowed;

/** Admin only: each loop's routes with state and last run, the running task's progress, and the controls. */
@Route("loops")
@PageTitle("Loops · Labelloop")
@Menu(order = 3, icon = "vaadin:cogs", title = "Loops")
@RolesAllowed(Roles.ADMIN)
class LoopsView extends VerticalLayout {

    /** Progress moves fast while scoring: refresh every two seconds while open. */
    static final int POLL_MILLIS = 2_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

    private final LoopControl control;
    private final Div loops = new Div();

    LoopsView(LoopControl control) {
        this.control = control;
        loops.setId("loops");
        loops.setWidthFull();
        add(loops);
        refresh();
        Polling.refreshWhileAttached(this, POLL_MILLIS, this::refresh);
    }

    private void refresh() {
        loops.removeAll();
        var all = control.loops();
        if (all.isEmpty()) {
            loops.add(new Span("No loops: add a loop file to config/loops/ and its routes to routes/."));
        }
        all.forEach(loop -> loops.add(section(loop)));
    }

    private VerticalLayout section(LoopStatus loop) {
        H3 title = new H3(loop.name() + (loop.paused() ? " (paused)" : ""));
        Span dataset = new Span("dataset " + loop.dataset());
        Button pause = new Button("Pause", e -> act(() -> control.pause(loop.name()), "Paused " + loop.name()));
        pause.setId("pause-" + loop.name());
        pause.setEnabled(!loop.paused() && !loop.routes().isEmpty());
        Button resume = new Button("Resume", e -> act(() -> control.resume(loop.name()), "Resumed " + loop.name()));
        resume.setId("resume-" + loop.name());
        resume.setEnabled(loop.paused());
        HorizontalLayout header = new HorizontalLayout(title, dataset, pause, resume);
        header.setAlignItems(Alignment.BASELINE);
        VerticalLayout section = new VerticalLayout(header, progress(loop.progress()), routes(loop));
        section.addClassName("ll-card");
        section.setPadding(true);
        return section;
    }

    private static HorizontalLayout progress(LoopProgress p) {
        HorizontalLayout row = new HorizontalLayout();
        row.setAlignItems(Alignment.CENTER);
        if (p == null) {
            row.add(new Span("No task ran since start."));
            return row;
        }
        ProgressBar bar = new ProgressBar(0, 100, p.percent());
        bar.setWidth("16em");
        Duration eta = p.running() ? p.eta(Instant.now()) : null;
        row.add(new Span((p.running() ? "Running: " : "Last task: ") + p.task()), bar,
                new Span(String.format(Locale.ROOT, "%d / %d (%.0f%%)%s", p.done(), p.total(), p.percent(),
                        eta == null ? "" : ", about " + eta.toSeconds() + " s left")));
        return row;
    }

    private Grid<RouteStatus> routes(LoopStatus loop) {
        Grid<RouteStatus> grid = new Grid<>();
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(RouteStatus::id).setHeader("Route").setAutoWidth(true);
        grid.addColumn(RouteStatus::description).setHeader("Does").setFlexGrow(1);
        grid.addColumn(RouteStatus::state).setHeader("State").setAutoWidth(true);
        grid.addColumn(r -> r.lastRun() == null ? "not since start" : TIME.format(r.lastRun()) + " UTC")
                .setHeader("Last run").setAutoWidth(true);
        grid.addColumn(r -> r.exchanges() + " runs, " + r.failures() + " failed"
                + (r.lastFailure() == null ? "" : ": " + r.lastFailure())).setHeader("Result").setFlexGrow(1);
        grid.addComponentColumn(r -> {
            Button trigger = new Button("Trigger now", e -> act(() -> control.trigger(loop.name(), r.id()),
                    "Triggered " + r.id() + ": follow its progress here"));
            trigger.addThemeVariants(ButtonVariant.LUMO_SMALL);
            trigger.setEnabled("Started".equals(r.state()));
            return trigger;
        }).setAutoWidth(true);
        grid.setItems(loop.routes());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            Notification.show(done).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (RuntimeException e) {
            Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }
}
