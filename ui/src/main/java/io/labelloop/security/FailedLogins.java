package io.labelloop.security;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;

/**
 * Counts failed sign-ins per user name (web form and HTTP Basic alike): {@code maxFailedLogins} within
 * {@code failureWindow} lock the name for {@code lockFor}, logged, so that a password cannot be guessed at the speed
 * of the network. A successful sign-in clears the count.
 */
class FailedLogins {

    private static final Logger LOG = LoggerFactory.getLogger(FailedLogins.class);

    /** User names whose failures are counted at once. */
    static final int MAX_TRACKED_NAMES = 10_000;

    private final AccessSettings settings;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> lockedUntil = new ConcurrentHashMap<>();

    FailedLogins(AccessSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        failed(event.getAuthentication().getName());
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        failures.remove(event.getAuthentication().getName());
    }

    void failed(String user) {
        Instant now = clock.instant();
        if (failures.size() >= MAX_TRACKED_NAMES) {
            failures.clear(); // made-up names must not grow memory without bound; locks already given stay
        }
        Deque<Instant> times = failures.computeIfAbsent(user, u -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
            while (!times.isEmpty() && times.peekFirst().isBefore(now.minus(settings.failureWindow()))) {
                times.removeFirst();
            }
            if (times.size() >= settings.maxFailedLogins()) {
                times.clear();
                lockedUntil.put(user, now.plus(settings.lockFor()));
                LOG.warn("User '{}' locked for {} after {} failed sign-ins within {}", user, settings.lockFor(),
                        settings.maxFailedLogins(), settings.failureWindow());
            }
        }
    }

    boolean locked(String user) {
        Instant until = lockedUntil.get(user);
        if (until == null) {
            return false;
        }
        if (clock.instant().isBefore(until)) {
            return true;
        }
        lockedUntil.remove(user, until);
        return false;
    }
}
