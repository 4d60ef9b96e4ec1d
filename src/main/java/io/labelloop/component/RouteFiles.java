package io.labelloop.component;

import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;
import org.apache.camel.CamelContext;
import org.apache.camel.model.EndpointRequiredDefinition;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.ProcessorDefinitionHelper;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.model.ToDynamicDefinition;
import org.apache.camel.spi.Resource;

/** Where routes come from: the route file and line a user has to open, and which routes send to which endpoints. */
final class RouteFiles {

    private RouteFiles() {
    }

    /**
     * "route file F line N, route 'id'" when Camel knows the route's file (source locations on), else "route 'id'".
     */
    static String where(CamelContext camel, String routeId) {
        RouteDefinition route = definition(camel, routeId);
        Resource resource = route == null ? null : route.getResource();
        if (resource == null) {
            return "route '" + routeId + "'";
        }
        String line = route.getLineNumber() > 0 ? " line " + route.getLineNumber() : "";
        String location = resource.getLocation().startsWith("file:")
                ? resource.getLocation().substring("file:".length()) : resource.getLocation();
        return "route file " + location + line + ", route '" + routeId + "'";
    }

    /** The route being created now (while Camel resolves its endpoints), or null outside route creation. */
    static String creating(CamelContext camel) {
        String routeId = camel.getCamelContextExtension().getCreateRoute();
        return routeId == null ? null : where(camel, routeId);
    }

    /** Ids of the routes with a step ({@code to}, {@code toD}, ...) whose URI, as written, matches. */
    static List<String> sendingTo(CamelContext camel, Predicate<String> uri) {
        if (!(camel instanceof ModelCamelContext model)) {
            return List.of();
        }
        return model.getRouteDefinitions().stream()
                .filter(route -> uris(route).stream().anyMatch(uri))
                .map(RouteDefinition::getRouteId).toList();
    }

    private static List<String> uris(RouteDefinition route) {
        Collection<EndpointRequiredDefinition> sends =
                ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(), EndpointRequiredDefinition.class);
        Collection<ToDynamicDefinition> dynamic =
                ProcessorDefinitionHelper.filterTypeInOutputs(route.getOutputs(), ToDynamicDefinition.class);
        return java.util.stream.Stream.concat(sends.stream().map(EndpointRequiredDefinition::getEndpointUri),
                dynamic.stream().map(ToDynamicDefinition::getUri)).filter(java.util.Objects::nonNull).toList();
    }

    private static RouteDefinition definition(CamelContext camel, String routeId) {
        return camel instanceof ModelCamelContext model && routeId != null ? model.getRouteDefinition(routeId) : null;
    }
}
