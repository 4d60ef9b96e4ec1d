package io.labelloop.api;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Answers a path under {@code /api} that no endpoint serves: 405 naming the methods when the path exists with
 * another method, else 404. Without it the request would fall through to Vaadin, which answers any URL with its page.
 */
@RestController
class UnknownEndpoints {

    private static final String PATTERN = "/api/**";

    private final RequestMappingHandlerMapping mappings;

    UnknownEndpoints(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @RequestMapping(PATTERN)
    ResponseEntity<ApiError> none(HttpServletRequest request) {
        Set<String> methods = methodsFor(request);
        if (!methods.isEmpty()) {
            return ResponseEntity.status(405).header("Allow", String.join(", ", methods))
                    .body(ApiError.of(405, request.getMethod() + " is not supported on " + request.getRequestURI()
                            + ": use " + methods).withAllowed(List.copyOf(methods)));
        }
        return ResponseEntity.status(404).body(ApiError.of(404, "no endpoint " + request.getRequestURI()
                + " (see the README's REST API section)"));
    }

    private Set<String> methodsFor(HttpServletRequest request) {
        Set<String> methods = new TreeSet<>();
        var path = ServletRequestPathUtils.hasParsedRequestPath(request) ? ServletRequestPathUtils.getParsedRequestPath(request)
                : ServletRequestPathUtils.parseAndCache(request);
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (handler.getBeanType() == UnknownEndpoints.class || info.getPathPatternsCondition() == null) {
                return;
            }
            boolean matches = info.getPathPatternsCondition().getPatterns().stream()
                    .anyMatch(p -> p.matches(path.pathWithinApplication()));
            if (matches) {
                Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
                (declared.isEmpty() ? Set.of(RequestMethod.values()) : declared).forEach(m -> methods.add(m.name()));
            }
        });
        return methods;
    }
}
