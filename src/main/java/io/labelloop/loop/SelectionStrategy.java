package io.labelloop.loop;

/** How the select step ranks the records that the current model scored. */
public enum SelectionStrategy implements NamedOption {
    LEAST_CONFIDENCE("least-confidence"),
    MARGIN("margin"),
    ENTROPY("entropy"),
    RANDOM("random");

    private final String id;

    SelectionStrategy(String id) {
        this.id = id;
    }

    /** The name used in loop files, route options and on the command line. */
    @Override
    public String id() {
        return id;
    }

    /** Parses a strategy name; the error lists the accepted names so that a typo is easy to fix. */
    public static SelectionStrategy parse(String name) {
        return NamedOption.parse(SelectionStrategy.class, name, "strategy");
    }

    @Override
    public String toString() {
        return id;
    }
}
