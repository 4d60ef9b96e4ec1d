package io.labelloop.security;

/** The two roles of Labelloop; an admin holds both. */
public final class Roles {

    /** Labels records and explores datasets. */
    public static final String ANNOTATOR = "ANNOTATOR";

    /** Everything an annotator does, plus loops, import, export and promotion. */
    public static final String ADMIN = "ADMIN";

    /** {@code @PreAuthorize} expression for annotators (admins included). */
    public static final String HAS_ANNOTATOR = "hasRole('" + ANNOTATOR + "')";

    /** {@code @PreAuthorize} expression for admins. */
    public static final String HAS_ADMIN = "hasRole('" + ADMIN + "')";

    private Roles() {
    }
}
