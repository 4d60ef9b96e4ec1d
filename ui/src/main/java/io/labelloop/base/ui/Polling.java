package io.labelloop.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.shared.Registration;

/** Live views without server push: the browser polls while the view is shown, and the view refreshes on each poll. */
public final class Polling {

    private Polling() {
    }

    /** Polls every {@code millis} while {@code view} is attached and runs {@code refresh} on each poll. */
    public static void refreshWhileAttached(Component view, int millis, Runnable refresh) {
        view.addAttachListener(attach -> {
            attach.getUI().setPollInterval(millis);
            Registration poll = attach.getUI().addPollListener(e -> refresh.run());
            view.addDetachListener(detach -> {
                poll.remove();
                detach.getUI().setPollInterval(-1);
                detach.unregisterListener();
            });
        });
    }
}
