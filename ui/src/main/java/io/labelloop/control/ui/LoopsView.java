package io.labelloop.control.ui;

import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import io.labelloop.base.ui.Polling;
import io.labelloop.control.LoopControl;
import io.labelloop.control.LoopStatus;
import io.labelloop.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import java.util.function.Supplier;

/** Admin only: each loop's routes with state and last run, the running task's progress, and the controls. */
@Route("loops")
@PageTitle("Loops · Labelloop")
@Menu(order = 3, icon = "vaadin:cogs", title = "Loops")
@RolesAllowed(Roles.ADMIN)
class LoopsView extends VerticalLayout {

    /** Progress moves fast while scoring: refresh every two seconds while open. */
    static final int POLL_MILLIS = 2_000;

    private final LoopControl control;
    private final Div loops = new Div();
    private final List<LoopSection> sections = new ArrayList<>();
    private boolean shown;

    LoopsView(LoopControl control) {
        this.control = control;
        loops.setId("loops");
        loops.setWidthFull();
        add(loops);
        refresh();
        Polling.refreshWhileAttached(this, POLL_MILLIS, this::refresh);
    }

    /** Updates the sections in place; rebuilds them only when the set of loops changed. */
    private void refresh() {
        var all = control.loops();
        List<String> names = all.stream().map(LoopStatus::name).toList();
        if (!shown || !names.equals(sections.stream().map(LoopSection::loop).toList())) {
            shown = true;
            loops.removeAll();
            sections.clear();
            if (all.isEmpty()) {
                loops.add(new Span("No loops: add a loop file to config/loops/ and its routes to routes/."));
            }
            names.forEach(name -> sections.add(new LoopSection(name,
                    loop -> act(() -> loop + ": " + control.pause(loop).message()),
                    loop -> act(() -> resumed(control.resume(loop))),
                    route -> act(() -> {
                        control.trigger(name, route.id());
                        return "Triggered " + route.id() + ": follow its progress here";
                    }))));
            sections.forEach(loops::add);
        }
        for (int i = 0; i < all.size(); i++) {
            sections.get(i).update(all.get(i));
        }
    }

    private static String resumed(LoopStatus status) {
        return "Resumed " + status.name() + (status.interrupted() == null ? ""
                : ": " + status.interrupted().task() + " " + status.interrupted().version() + " continues from "
                + status.interrupted().done() + " of " + status.interrupted().total());
    }

    /** Runs an action and shows what it answered (or its error). */
    private void act(Supplier<String> action) {
        try {
            String done = action.get();
            Notification.show(done).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (RuntimeException e) {
            Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }
}
