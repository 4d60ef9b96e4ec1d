package io.labelloop.api;

import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who the credentials belong to: a quick check for scripts that their user and password work. */
@RestController
class MeApi {

    @GetMapping("/api/me")
    Map<String, Object> me(Authentication auth) {
        List<String> roles = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .map(a -> a.replaceFirst("^ROLE_", "")).sorted().toList();
        return Map.of("name", auth.getName(), "roles", roles);
    }
}
