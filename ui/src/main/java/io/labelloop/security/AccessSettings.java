package io.labelloop.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.security.core.Authentication;

/**
 * Who may read the metrics and how repeated failed sign-ins are met: {@code labelloop.access.*}.
 *
 * @param metrics            {@code open} (default: anyone who reaches the port reads {@code /actuator/prometheus}, fine
 *                           for a local install) or {@code basic} (HTTP Basic as {@code metricsUser})
 * @param metricsUser        the user Prometheus signs in as when {@code metrics=basic}
 * @param metricsPasswordEnv the environment variable holding that user's password (generated and logged when unset)
 * @param maxFailedLogins    failed sign-ins of one user name within {@code failureWindow} that lock it
 * @param failureWindow      the window failed sign-ins are counted in
 * @param lockFor            how long a locked user name is refused, even with the right password
 */
@ConfigurationProperties("labelloop.access")
public record AccessSettings(@DefaultValue("open") MetricsAccess metrics, @DefaultValue("metrics") String metricsUser,
                             @DefaultValue(DEFAULT_METRICS_PASSWORD_ENV) String metricsPasswordEnv,
                             @DefaultValue("" + DEFAULT_MAX_FAILED_LOGINS) int maxFailedLogins,
                             @DefaultValue("5m") Duration failureWindow, @DefaultValue("5m") Duration lockFor) {

    /** Environment variable read for the metrics user's password. */
    public static final String DEFAULT_METRICS_PASSWORD_ENV = "LABELLOOP_METRICS_PASSWORD";
    /** Failed sign-ins within the window that lock a user name, by default. */
    public static final int DEFAULT_MAX_FAILED_LOGINS = 5;

    /** How {@code /actuator/prometheus} is protected. */
    public enum MetricsAccess {
        /** Anyone who can reach the port. */
        OPEN,
        /** HTTP Basic as the metrics user. */
        BASIC
    }

    /** Whether this caller may read the metrics: anyone when they are open, else only the metrics role. */
    boolean mayReadMetrics(Authentication caller) {
        return metrics == MetricsAccess.OPEN || caller != null && caller.isAuthenticated() && caller.getAuthorities()
                .stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.METRICS));
    }

    public AccessSettings {
        metrics = metrics == null ? MetricsAccess.OPEN : metrics;
        metricsUser = metricsUser == null || metricsUser.isBlank() ? "metrics" : metricsUser;
        metricsPasswordEnv = metricsPasswordEnv == null ? DEFAULT_METRICS_PASSWORD_ENV : metricsPasswordEnv;
        maxFailedLogins = maxFailedLogins <= 0 ? DEFAULT_MAX_FAILED_LOGINS : maxFailedLogins;
        failureWindow = failureWindow == null ? Duration.ofMinutes(5) : failureWindow;
        lockFor = lockFor == null ? Duration.ofMinutes(5) : lockFor;
    }
}
