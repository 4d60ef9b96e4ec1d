package io.labelloop.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

class AccessSettingsTest {

    private static final AnonymousAuthenticationToken ANONYMOUS = new AnonymousAuthenticationToken("key", "anonymous",
            List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS")));

    private static UsernamePasswordAuthenticationToken signedIn(String role) {
        return UsernamePasswordAuthenticationToken.authenticated("u", null, List.of(new SimpleGrantedAuthority("ROLE_" + role)));
    }

    @Test
    void metricsAreOpenByDefault() {
        AccessSettings defaults = new AccessSettings(null, null, null, 0, null, null);

        assertThat(defaults.metrics()).isEqualTo(AccessSettings.MetricsAccess.OPEN);
        assertThat(defaults.mayReadMetrics(ANONYMOUS)).isTrue();
        assertThat(defaults.maxFailedLogins()).isEqualTo(AccessSettings.DEFAULT_MAX_FAILED_LOGINS);
    }

    @Test
    void basicMetricsAreForTheMetricsUserOnly() {
        AccessSettings basic = new AccessSettings(AccessSettings.MetricsAccess.BASIC, null, null, 0, null, null);

        assertThat(basic.mayReadMetrics(ANONYMOUS)).isFalse();
        assertThat(basic.mayReadMetrics(signedIn(Roles.ADMIN))).isFalse();
        assertThat(basic.mayReadMetrics(signedIn(Roles.METRICS))).isTrue();
        assertThat(ConfiguredUsers.roles(Roles.METRICS, "role")).containsExactly(Roles.METRICS);
    }
}
