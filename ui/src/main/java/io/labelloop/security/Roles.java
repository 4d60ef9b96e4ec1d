package io.labelloop.security;

/** The two roles of Labelloop; an admin holds both. */
public final class Roles {

    /** Labels records and explores datasets. */
    public static final String ANNOTATOR = "ANNOTATOR";

    /** Everything an annotator does, plus loops, import, export and promotion. */
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
