package io.labelloop.control;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;

import io.labelloop.loop.LoopException;
import io.labelloop.loop.LoopPausedException;

/**
 * Remembers, per route, when its last exchange finished and how: Camel keeps no such history without JMX. An exchange
 * that stopped for a pause counts as paused, not failed.
 */
final class RouteRuns extends EventNotifierSupport {

    /** Longest reason shown in a table cell; the whole text is in {@link Run#detail()} and the log. */
    static final int SHORT_REASON = 140;

    /** How an exchange ended. */
    enum Outcome { OK, PAUSED, FAILED }

    record Run(Instant at, Outcome outcome, String reason, String detail, long exchanges, long failures, long pauses) {
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
            LoopPausedException paused = done.getExchange().getProperty(LoopPausedException.EXCHANGE_PROPERTY,
                    LoopPausedException.class);
            if (paused != null) {
                record(done.getExchange(), Outcome.PAUSED, shortReason(paused), String.valueOf(paused));
            } else {
                record(done.getExchange(), Outcome.OK, null, null);
            }
        } else if (event instanceof CamelEvent.ExchangeFailedEvent failed) {
            Exception e = failed.getExchange().getException();
            Outcome outcome = find(e, LoopPausedException.class) != null ? Outcome.PAUSED : Outcome.FAILED;
            record(failed.getExchange(), outcome, shortReason(e), e == null ? null : String.valueOf(e));
        }
    }

    /**
     * What went wrong in a sentence: the loop's own message when a loop step failed (Camel's wrappers only add the
     * exchange's dump), else the innermost cause; cut to {@link #SHORT_REASON} characters.
     */
    static String shortReason(Throwable e) {
        if (e == null) {
            return "failed";
        }
        Throwable loop = find(e, LoopException.class);
        Throwable reason = loop != null ? loop : root(e);
        String text = reason.getMessage() == null ? reason.getClass().getSimpleName() : reason.getMessage();
        text = text.lines().findFirst().orElse("").strip();
        return text.length() <= SHORT_REASON ? text : text.substring(0, SHORT_REASON - 1) + "…";
    }

    private static Throwable find(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    private static Throwable root(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    private void record(Exchange exchange, Outcome outcome, String reason, String detail) {
        String route = exchange.getFromRouteId();
        if (route == null) {
            return;
        }
        Run now = new Run(Instant.now(), outcome, reason, detail, 1, outcome == Outcome.FAILED ? 1 : 0,
                outcome == Outcome.PAUSED ? 1 : 0);
        runs.merge(route, now, (old, n) -> new Run(n.at(), n.outcome(), n.reason(), n.detail(),
                old.exchanges() + 1, old.failures() + n.failures(), old.pauses() + n.pauses()));
    }

    Run of(String route) {
        return runs.get(route);
    }
}
