package io.labelloop.routes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.model.EndpointRequiredDefinition;
import org.apache.camel.model.FromDefinition;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.OptionalIdentifiedDefinition;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDynamicDefinition;
import org.apache.camel.spi.Resource;
import org.apache.camel.util.URISupport;

/**
 * Where routes come from: the route file and line a user has to open (the line of the step or option at fault when
 * Camel's source locations are on), and which routes send to which endpoints.
 */
public final class RouteFiles {

    private RouteFiles() {
    }

    /**
     * "route file F line N, route 'id'" when Camel knows the route's file (source locations on), else "route 'id'";
     * N is the route's first line.
     */
    public static String where(CamelContext camel, String routeId) {
        RouteDefinition route = definition(camel, routeId);
        return describe(route, routeId, route == null ? 0 : route.getLineNumber());
    }

    /** Like {@link #where(CamelContext, String)}, at the line of the route's step that uses this endpoint. */
    public static String where(CamelContext camel, String routeId, Endpoint endpoint) {
        RouteDefinition route = definition(camel, routeId);
        int line = route == null ? 0 : steps(route).stream().filter(step -> resolvesTo(camel, step.uri(), endpoint))
                .mapToInt(Step::line).filter(n -> n > 0).findFirst().orElse(route.getLineNumber());
        return describe(route, routeId, line);
    }

    /** "route file F", the start every message of {@link #where} has when Camel knows the file, else null. */
    static String file(CamelContext camel, String routeId) {
        RouteDefinition route = definition(camel, routeId);
        Resource resource = route == null ? null : route.getResource();
        return resource == null ? null : "route file " + location(resource);
    }

    /**
     * The route being created now (while Camel resolves its endpoints), at the line where the first of these options of the endpoint {@code uri} is
     * written (in the URI or under {@code parameters:}), else at the endpoint's step, else at the route; null outside
     * route creation.
     */
    public static String creating(CamelContext camel, String uri, Collection<String> options) {
        String routeId = camel.getCamelContextExtension().getCreateRoute();
        RouteDefinition route = definition(camel, routeId);
        if (route == null) {
            return routeId == null ? null : where(camel, routeId);
        }
        String normalized = normalize(camel, uri);
        Step step = steps(route).stream().filter(s -> normalized != null && normalized.equals(normalize(camel, s.uri())))
                .findFirst().orElse(null);
        if (step == null || step.line() <= 0) {
            return where(camel, routeId);
        }
        return describe(route, routeId, optionLine(route.getResource(), step.line(), options));
    }

    /** Ids of the routes with a step ({@code to}, {@code toD}, ...) whose URI, as written, matches. */
    public static List<String> sendingTo(CamelContext camel, Predicate<String> uri) {
        if (!(camel instanceof ModelCamelContext model)) {
            return List.of();
        }
        return model.getRouteDefinitions().stream()
                .filter(route -> uris(route).stream().anyMatch(uri))
                .map(RouteDefinition::getRouteId).toList();
    }

    private static List<String> uris(RouteDefinition route) {
        return sends(route).stream().map(Step::uri).toList();
    }

    /** An endpoint a route uses, as written, and the line Camel recorded for it (0 without source locations). */
    private record Step(String uri, int line) {
    }

    /** The route's input, then its sending steps. */
    private static List<Step> steps(RouteDefinition route) {
        List<Step> steps = new ArrayList<>();
        FromDefinition from = route.getInput();
        if (from != null && from.getEndpointUri() != null) {
            steps.add(new Step(from.getEndpointUri(), from.getLineNumber()));
        }
        steps.addAll(sends(route));
        return steps;
    }

    /** The steps that send somewhere ({@code to}, {@code toD}, ...), static ones first. */
    private static List<Step> sends(RouteDefinition route) {
        Collection<EndpointRequiredDefinition> sends =
                ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(), EndpointRequiredDefinition.class);
        Collection<ToDynamicDefinition> dynamic =
                ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(), ToDynamicDefinition.class);
        return Stream.concat(sends.stream().map(send -> new Step(send.getEndpointUri(), line(send))),
                dynamic.stream().map(send -> new Step(send.getUri(), send.getLineNumber())))
                .filter(step -> step.uri() != null).toList();
    }

    private static int line(Object definition) {
        return definition instanceof OptionalIdentifiedDefinition<?> node ? node.getLineNumber() : 0;
    }

    /**
     * The first line, from the step's own on, that sets one of the options ({@code name=} in a URI or
     * {@code name:} under {@code parameters:}); the step's line when none does before the next step.
     */
    private static int optionLine(Resource resource, int stepLine, Collection<String> options) {
        if (resource == null || options.isEmpty()) {
            return stepLine;
        }
        Pattern option = Pattern.compile("(?<![\\w-])(" + String.join("|", options.stream().map(Pattern::quote)
                .toList()) + ")\\s*[:=]");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource.getInputStream(),
                StandardCharsets.UTF_8))) {
            List<String> lines = reader.lines().toList();
            int indent = indent(lines.get(stepLine - 1));
            for (int i = stepLine - 1; i < lines.size(); i++) {
                String line = lines.get(i);
                // Camel's line is the step's or its uri's; its parameters follow at the same depth or deeper.
                if (i >= stepLine && !line.isBlank() && (indent(line) < indent || line.trim().startsWith("- ")
                        || line.trim().startsWith("steps:"))) {
                    break; // the next step, or the steps that follow a from
                }
                if (option.matcher(line).find()) {
                    return i + 1;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Unreadable now (or the line is out of range): the step's line still helps.
        }
        return stepLine;
    }

    private static int indent(String line) {
        int n = 0;
        while (n < line.length() && (line.charAt(n) == ' ' || line.charAt(n) == '-')) {
            n++;
        }
        return n;
    }

    private static boolean resolvesTo(CamelContext camel, String uri, Endpoint endpoint) {
        try {
            return camel.hasEndpoint(camel.resolvePropertyPlaceholders(uri)) == endpoint;
        } catch (RuntimeException e) {
            return false; // a URI with runtime expressions is not a static endpoint
        }
    }

    private static String normalize(CamelContext camel, String uri) {
        try {
            return URISupport.normalizeUri(camel.resolvePropertyPlaceholders(uri));
        } catch (Exception e) {
            return null;
        }
    }

    private static String describe(RouteDefinition route, String routeId, int line) {
        Resource resource = route == null ? null : route.getResource();
        if (resource == null) {
            return "route '" + routeId + "'";
        }
        return "route file " + location(resource) + (line > 0 ? " line " + line : "") + ", route '" + routeId + "'";
    }

    private static String location(Resource resource) {
        return resource.getLocation().startsWith("file:")
                ? resource.getLocation().substring("file:".length()) : resource.getLocation();
    }

    private static RouteDefinition definition(CamelContext camel, String routeId) {
        return camel instanceof ModelCamelContext model && routeId != null ? model.getRouteDefinition(routeId) : null;
    }
}
