package io.labelloop.security;

/** The roles of Labelloop: annotator and admin (an admin holds both), and the metrics reader. */
public final class Roles {

    /** Labels records and explores datasets. */
    public static final String ANNOTATOR = "ANNOTATOR";

    /** Everything an annotator does, plus loops, import, export and promotion. */
    public static final String ADMIN = "ADMIN";

    /** Reads {@code /actuator/prometheus} when metrics need a sign-in ({@code labelloop.access.metrics=basic}); nothing else. */
    public static final String METRICS = "METRICS";

    /** {@code @PreAuthorize} expression for annotators (admins included). */
    public static final String HAS_ANNOTATOR = "hasRole('" + ANNOTATOR + "')";

    /** {@code @PreAuthorize} expression for admins. */
    public static final String HAS_ADMIN = "hasRole('" + ADMIN + "')";

    private Roles() {
    }
}
