package io.labelloop.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/** Turns {@link UsersProperties} into Spring Security users, reading each password from its variable. */
final class ConfiguredUsers {

    private static final Logger LOG = LoggerFactory.getLogger(ConfiguredUsers.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private ConfiguredUsers() {
    }

    static InMemoryUserDetailsManager of(UsersProperties properties, Environment env, PasswordEncoder encoder) {
        List<UserDetails> users = properties.users().stream().map(u -> toDetails(u, env, encoder)).toList();
        return new InMemoryUserDetailsManager(users);
    }

    private static UserDetails toDetails(UsersProperties.User user, Environment env, PasswordEncoder encoder) {
        String field = "labelloop.security.users[" + user.name() + "]";
        if (user.name() == null || user.name().isBlank()) {
            throw new IllegalArgumentException(field + ".name is empty");
        }
        return User.withUsername(user.name())
                .password(encoder.encode(password(user, env)))
                .roles(roles(user.role(), field + ".role"))
                .build();
    }

    /** An admin also labels, so it holds the annotator role as well. */
    static String[] roles(String role, String field) {
        if (Roles.ADMIN.equalsIgnoreCase(role)) {
            return new String[] {Roles.ADMIN, Roles.ANNOTATOR};
        }
        if (Roles.ANNOTATOR.equalsIgnoreCase(role)) {
            return new String[] {Roles.ANNOTATOR};
        }
        if (Roles.METRICS.equals(role)) {
            return new String[] {Roles.METRICS};
        }
        throw new IllegalArgumentException(field + " is '" + role + "', expected ANNOTATOR or ADMIN");
    }

    private static String password(UsersProperties.User user, Environment env) {
        String variable = user.passwordEnv();
        String value = variable == null ? null : env.getProperty(variable);
        if (value != null && !value.isBlank()) {
            return value;
        }
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        LOG.warn("{} is not set: user '{}' gets the generated password {} for this run", variable, user.name(), generated);
        return generated;
    }
}
