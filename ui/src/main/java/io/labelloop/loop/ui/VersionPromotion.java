package io.labelloop.loop.ui;

import java.util.function.Supplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.spring.security.AuthenticationContext;

import io.labelloop.loop.LoopConfig;
import io.labelloop.loop.LoopStepService;
import io.labelloop.loop.PromotePolicy;
import io.labelloop.loop.StepResults;
import io.labelloop.registry.ModelStatus;
import io.labelloop.registry.ModelVersion;
import io.labelloop.security.Roles;

/**
 * The admin's "Promote" action in the dashboard's version table, for loops with the {@code manual} promote policy
 * (the loop never promotes by itself there). Annotators get no column; the click checks the role again on the
 * server, since the dashboard itself is open to annotators.
 */
final class VersionPromotion {

    private final LoopStepService steps;
    private final AuthenticationContext auth;
    private final Supplier<LoopConfig> loop;
    private final Runnable refresh;

    VersionPromotion(LoopStepService steps, AuthenticationContext auth, Supplier<LoopConfig> loop, Runnable refresh) {
        this.steps = steps;
        this.auth = auth;
        this.loop = loop;
        this.refresh = refresh;
    }

    void addColumnTo(Grid<ModelVersion> versions) {
        if (auth.hasRole(Roles.ADMIN)) {
            versions.addComponentColumn(this::cell).setHeader("Promote").setAutoWidth(true).setFlexGrow(0);
        }
    }

    private Component cell(ModelVersion v) {
        LoopConfig current = loop.get();
        if (current == null || current.promotion().policy() != PromotePolicy.MANUAL) {
            return new Span();
        }
        if (v.status() == ModelStatus.CURRENT || v.status() == ModelStatus.FAILED || !v.evaluated()) {
            return new Span(v.status() == ModelStatus.CURRENT ? "serving" : v.evaluated() ? "" : "not evaluated");
        }
        Button promote = new Button("Promote", e -> confirm(current, v));
        promote.setId("promote-" + v.version());
        promote.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return promote;
    }

    private void confirm(LoopConfig current, ModelVersion v) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("confirm-promote");
        dialog.setHeader("Promote " + v.version() + " to serve " + current.name() + "?");
        dialog.setText("It scores from the loop's next score step on (trigger the loop's start route in Loops to "
                + "re-score now). Recorded as promoted by " + auth.getPrincipalName().orElse("?") + ".");
        dialog.setCancelable(true);
        dialog.setConfirmText("Promote " + v.version());
        dialog.addConfirmListener(e -> promote(current, v.version()));
        dialog.open();
    }

    private void promote(LoopConfig current, String version) {
        if (!auth.hasRole(Roles.ADMIN)) {
            error("Only an admin promotes a model version.");
            return;
        }
        try {
            StepResults.Promoted result = steps.promoteByHand(current, version, auth.getPrincipalName().orElseThrow());
            Notification.show(result.promoted() ? "Promoted " + version + ": " + result.reason() : result.reason())
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (RuntimeException e) {
            error("Not promoted: " + e.getMessage());
        }
        refresh.run();
    }

    private static void error(String message) {
        Notification n = Notification.show(message, 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        n.setId("promote-error");
    }
}
