package io.labelloop.control;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

/** Remembers, per route, when its last exchange finished and how: Camel keeps no such history without JMX. */
final class RouteRuns extends EventNotifierSupport {

    record Run(Instant at, String failure, long exchanges, long failures) {
    }

    private final Map<String, Run> runs = new ConcurrentHashMap<>();

    RouteRuns() {
        setIgnoreCamelContextEvents(true);
        setIgnoreCamelContextInitEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
        setIgnoreExchangeAsyncProcessingStartedEvents(true);
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.ExchangeCompletedEvent done) {
            record(done.getExchange(), null);
        } else if (event instanceof CamelEvent.ExchangeFailedEvent failed) {
            Exception e = failed.getExchange().getException();
            record(failed.getExchange(), e == null ? "failed" : e.getMessage());
        }
    }

    private void record(Exchange exchange, String failure) {
        String route = exchange.getFromRouteId();
        if (route == null) {
            return;
        }
        runs.merge(route, new Run(Instant.now(), failure, 1, failure == null ? 0 : 1),
                (old, now) -> new Run(now.at(), failure, old.exchanges() + 1, old.failures() + now.failures()));
    }

    Run of(String route) {
        return runs.get(route);
    }
}
