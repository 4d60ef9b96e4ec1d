package io.labelloop.component;

import io.labelloop.loop.NamedOption;

/** What a {@code labelloop:} consumer waits for. */
public enum LabelloopTrigger implements NamedOption {
    /** Enough new validated labels since the last training (debounced). */
    LABELS("labels"),
    /** The labeling queue fell below its threshold. */
    QUEUE_LOW("queue-low");

    private final String id;

    LabelloopTrigger(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static LabelloopTrigger parse(String name) {
        return NamedOption.parse(LabelloopTrigger.class, name, "trigger");
    }

    @Override
    public String toString() {
        return id;
    }
}
