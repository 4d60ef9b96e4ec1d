package io.labelloop.security;

import java.io.IOException;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import com.vaadin.flow.spring.security.VaadinAwareSecurityContextHolderStrategyConfiguration;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;

import io.labelloop.base.ui.LoginView;
import java.time.Clock;
import java.util.ArrayList;
import org.springframework.security.authorization.AuthorizationDecision;

/**
 * Two filter chains: HTTP Basic for scripts under {@code /api} and {@code /actuator}, and Vaadin's
 * form login for the views. Views check roles with {@code @RolesAllowed}; the API checks them here by
 * path and again on the controller methods, so a forgotten rule still denies.
 */
@Configuration
@EnableWebSecurity
// @PreAuthorize on controllers only: JSR-250 method security would proxy the views, which carry @RolesAllowed
// for Vaadin's own access checker.
@EnableMethodSecurity
@EnableConfigurationProperties({UsersProperties.class, AccessSettings.class})
@Import(VaadinAwareSecurityContextHolderStrategyConfiguration.class)
class SecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, AccessSettings access) throws Exception {
        return http.securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/prometheus").access((auth, ctx) ->
                                new AuthorizationDecision(
                                        access.mayReadMetrics(auth.get())))
                        .requestMatchers("/actuator/**").hasRole(Roles.ADMIN)
                        .requestMatchers("/api/loops/**").hasRole(Roles.ADMIN)
                        .requestMatchers("/api/datasets/*/export").hasRole(Roles.ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/datasets/*/records").hasRole(Roles.ADMIN)
                        .requestMatchers("/api/**").hasRole(Roles.ANNOTATOR)
                        .anyRequest().denyAll())
                .httpBasic(b -> b.authenticationEntryPoint(SecurityConfig::unauthorized))
                .exceptionHandling(e -> e.authenticationEntryPoint(SecurityConfig::unauthorized)
                        .accessDeniedHandler((req, res, ex) -> plainStatus(res, 403, "forbidden for your role")))
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /** Answers directly: a sendError would be re-dispatched to /error and end in the login redirect. */
    private static void unauthorized(HttpServletRequest req, HttpServletResponse res, AuthenticationException e)
            throws IOException {
        res.setHeader("WWW-Authenticate", "Basic realm=\"labelloop\"");
        plainStatus(res, 401, "sign in with HTTP Basic");
    }

    private static void plainStatus(HttpServletResponse res, int status, String message) throws IOException {
        res.setStatus(status);
        res.setContentType("application/json");
        res.getWriter().write("{\"status\":" + status + ",\"error\":\"" + message + "\"}");
    }

    @Bean
    @Order(2)
    SecurityFilterChain viewChain(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(a -> a.requestMatchers("/css/**", "/webjars/**").permitAll());
        return http.with(VaadinSecurityConfigurer.vaadin(), c -> c.loginView(LoginView.class)).build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    FailedLogins failedLogins(AccessSettings access) {
        return new FailedLogins(access, Clock.systemUTC());
    }

    @Bean
    UserDetailsService users(UsersProperties properties, AccessSettings access, Environment env, PasswordEncoder encoder,
                             FailedLogins failures) {
        List<UsersProperties.User> all = new ArrayList<>(properties.users());
        if (access.metrics() == AccessSettings.MetricsAccess.BASIC) {
            all.add(new UsersProperties.User(access.metricsUser(), Roles.METRICS, access.metricsPasswordEnv()));
        }
        InMemoryUserDetailsManager configured = ConfiguredUsers.of(new UsersProperties(all), env, encoder);
        return new LockingUsers(configured, failures);
    }
}
