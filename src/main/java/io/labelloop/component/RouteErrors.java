package io.labelloop.component;

import org.apache.camel.CamelContext;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.Resource;

/** Adds the route file (and line, with source locations on) to a route that failed to start. */
public final class RouteErrors {

    private RouteErrors() {
    }

    /**
     * The error's message prefixed with the file the failing route came from, when Camel knows it.
     *
     * @param camel the context the route was added to
     * @param error what Camel threw, or any exception with a {@link FailedToCreateRouteException} among its causes
     */
    public static String describe(CamelContext camel, Throwable error) {
        FailedToCreateRouteException failed = find(error);
        if (failed == null || !(camel instanceof ModelCamelContext model)) {
            return error.getMessage();
        }
        RouteDefinition route = model.getRouteDefinition(failed.getRouteId());
        Resource resource = route == null ? null : route.getResource();
        if (resource == null) {
            return error.getMessage();
        }
        String line = route.getLineNumber() > 0 ? " line " + route.getLineNumber() : "";
        return "route file " + resource.getLocation() + line + ", route '" + failed.getRouteId() + "': "
                + rootMessage(failed);
    }

    private static FailedToCreateRouteException find(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof FailedToCreateRouteException f) {
                return f;
            }
        }
        return null;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
