package io.labelloop.loop;

/** When a freshly trained model version replaces the one that serves. */
public enum PromotePolicy implements NamedOption {
    /** Every trained version is promoted. */
    ALWAYS("always"),
    /** Promoted only when its metric beats the serving version's on the same eval split. */
    IF_BETTER("if-better"),
    /** Never promoted by the loop; an admin promotes it. */
    MANUAL("manual");

    private final String id;

    PromotePolicy(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public static PromotePolicy parse(String name) {
        return NamedOption.parse(PromotePolicy.class, name, "promote policy");
    }

    @Override
    public String toString() {
        return id;
    }
}
