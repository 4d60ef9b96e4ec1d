package io.labelloop.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

class FailedLoginsTest {

    private Instant now = Instant.parse("2026-12-07T06:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final AccessSettings settings = new AccessSettings(null, null, null, 3, Duration.ofMinutes(5),
            Duration.ofMinutes(10));

    @Test
    void threeFailuresWithinTheWindowLockTheNameUntilTheLockRunsOut() {
        FailedLogins failures = new FailedLogins(settings, clock);
        failures.failed("ann");
        failures.failed("ann");
        assertThat(failures.locked("ann")).isFalse();

        failures.failed("ann");

        assertThat(failures.locked("ann")).isTrue();
        assertThat(failures.locked("bob")).isFalse();
        now = now.plus(Duration.ofMinutes(11));
        assertThat(failures.locked("ann")).isFalse();
    }

    @Test
    void failuresSpreadWiderThanTheWindowDoNotLock() {
        FailedLogins failures = new FailedLogins(settings, clock);
        for (int i = 0; i < 6; i++) {
            failures.failed("ann");
            now = now.plus(Duration.ofMinutes(3));
        }

        assertThat(failures.locked("ann")).isFalse();
    }

    @Test
    void aLockedUserIsRefusedEvenWithTheRightPassword() {
        PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        FailedLogins failures = new FailedLogins(settings, clock);
        var users = new LockingUsers(new InMemoryUserDetailsManager(List.of(User.withUsername("ann")
                .password(encoder.encode("right")).roles(Roles.ANNOTATOR).build())), failures);
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(encoder);
        for (int i = 0; i < 3; i++) {
            failures.failed("ann");
        }

        assertThatThrownBy(() -> provider.authenticate(new UsernamePasswordAuthenticationToken("ann", "right")))
                .isInstanceOf(LockedException.class);
        now = now.plus(Duration.ofMinutes(11));
        assertThat(provider.authenticate(new UsernamePasswordAuthenticationToken("ann", "right")).isAuthenticated()).isTrue();
    }
}
