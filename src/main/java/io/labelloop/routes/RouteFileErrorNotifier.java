package io.labelloop.routes;

import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Logs a route that failed to start with its route file and line: Camel's own message names the route and the
 * endpoint but not the YAML file the user has to open.
 */
@Component
class RouteFileErrorNotifier extends EventNotifierSupport {

    private static final Logger LOG = LoggerFactory.getLogger(RouteFileErrorNotifier.class);

    RouteFileErrorNotifier() {
        setIgnoreExchangeEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.CamelContextStartupFailureEvent
                || event instanceof CamelEvent.CamelContextRoutesStartingEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.CamelContextStartupFailureEvent failure) {
            LOG.error("Labelloop routes could not start: {}",
                    RouteErrors.describe(failure.getContext(), failure.getCause()));
        }
    }
}
