package io.labelloop.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The people who may sign in, from {@code labelloop.security.users[i].*}.
 *
 * <p>Passwords never live in configuration: each user names the environment variable (or any Spring
 * property) that holds it. When that is unset a random password is generated and logged once at start,
 * so that a fresh {@code ./labelloop serve} is usable and never open.
 *
 * @param users the users; the defaults are {@code admin} and {@code annotator}
 */
@ConfigurationProperties("labelloop.security")
public record UsersProperties(List<User> users) {

    /** Environment variable read for the default admin's password. */
    public static final String DEFAULT_ADMIN_PASSWORD_ENV = "LABELLOOP_ADMIN_PASSWORD";

    /** Environment variable read for the default annotator's password. */
    public static final String DEFAULT_ANNOTATOR_PASSWORD_ENV = "LABELLOOP_ANNOTATOR_PASSWORD";

    static final List<User> DEFAULT_USERS = List.of(
            new User("admin", Roles.ADMIN, DEFAULT_ADMIN_PASSWORD_ENV),
            new User("annotator", Roles.ANNOTATOR, DEFAULT_ANNOTATOR_PASSWORD_ENV));

    public UsersProperties {
        users = users == null || users.isEmpty() ? DEFAULT_USERS : List.copyOf(users);
    }

    /**
     * One user.
     *
     * @param name        the login name
     * @param role        {@code ANNOTATOR} or {@code ADMIN}
     * @param passwordEnv the environment variable holding the password
     */
    public record User(String name, String role, String passwordEnv) {
    }
}
