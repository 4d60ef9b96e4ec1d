package io.labelloop.component;

import io.labelloop.loop.NamedOption;

/** The producer operations of the {@code labelloop:} component. */
public enum LabelloopOperation implements NamedOption {
    IMPORT("import"),
    SCORE("score"),
    SELECT("select"),
    TRAIN("train"),
    EVALUATE("evaluate"),
    PROMOTE("promote"),
    EXPORT("export");

    private final String id;

    LabelloopOperation(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    /** Parses the name used in URIs and headers, case-insensitively; the error lists the valid names. */
    public static LabelloopOperation parse(String name) {
        return NamedOption.parse(LabelloopOperation.class, name, "operation");
    }

    @Override
    public String toString() {
        return id;
    }
}
