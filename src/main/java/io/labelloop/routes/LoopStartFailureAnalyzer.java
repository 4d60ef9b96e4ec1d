package io.labelloop.routes;

import org.apache.camel.FailedToCreateRouteException;
import org.apache.camel.FailedToStartRouteException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;

import io.labelloop.loop.LoopException;

/**
 * Turns a loop that cannot start (a bad loop file, a route with a wrong option, a missing dataset) into Spring Boot's
 * short "APPLICATION FAILED TO START" report that names the file, instead of pages of nested bean-creation traces in
 * which the one useful line is hard to find.
 */
public final class LoopStartFailureAnalyzer implements FailureAnalyzer {

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        Throwable reason = null;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof LoopException || namesRouteFile(t)) {
                reason = t;
            } else if (reason == null && (t instanceof FailedToCreateRouteException
                    || t instanceof FailedToStartRouteException)) {
                reason = RouteErrors.root(t);
            }
        }
        if (reason == null) {
            return null;
        }
        return new FailureAnalysis(reason.getMessage(),
                "Fix the file and setting named above, then start Labelloop again.", failure);
    }

    /** Our own checks and the component's wrapped Camel errors start with the route file they are about. */
    private static boolean namesRouteFile(Throwable t) {
        return t.getMessage() != null && t.getMessage().startsWith("route file ");
    }
}
