package io.labelloop.routes;

import org.apache.camel.CamelContext;
import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.FailedToStartRouteException;

/** Adds the route file (and line, with source locations on) to a route that failed to be created or to start. */
public final class RouteErrors {

    private RouteErrors() {
    }

    /**
     * The error's message prefixed with the file the failing route came from, when Camel knows it.
     *
     * @param camel the context the route was added to
     * @param error what Camel threw, or any exception with a {@link FailedToCreateRouteException} or
     *              {@link FailedToStartRouteException} among its causes
     */
    public static String describe(CamelContext camel, Throwable error) {
        String routeId = failedRoute(error);
        if (routeId == null) {
            return error.getMessage();
        }
        String root = rootMessage(error);
        String file = RouteFiles.file(camel, routeId);
        // Our own start checks already name the file (at the step's line); say it once.
        return file != null && root.startsWith(file) ? root : RouteFiles.where(camel, routeId) + ": " + root;
    }

    private static String failedRoute(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof FailedToCreateRouteException f) {
                return f.getRouteId();
            }
            if (t instanceof FailedToStartRouteException f) {
                return f.getRouteId();
            }
        }
        return null;
    }

    private static String rootMessage(Throwable t) {
        return root(t).getMessage();
    }

    /** The innermost cause: where Camel's wrappers keep the message a user can act on. */
    static Throwable root(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}
