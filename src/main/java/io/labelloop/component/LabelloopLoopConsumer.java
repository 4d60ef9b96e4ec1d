package io.labelloop.component;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;

/** Shared part of the loop consumers: polls the loop's state and routes one exchange when it should fire. */
abstract class LabelloopLoopConsumer extends ScheduledPollConsumer {

    LabelloopLoopConsumer(LabelloopEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    public LabelloopEndpoint getEndpoint() {
        return (LabelloopEndpoint) super.getEndpoint();
    }

    /**
     * Routes one exchange with the loop headers plus {@code header=value}; a failure goes to the exception handler
     * (logged, the consumer keeps polling) and is reported back so the caller can hold off re-firing.
     *
     * @return true when the route completed without an exception
     */
    boolean fire(EffectiveOptions options, LabelloopTrigger trigger, String header, long value) {
        Exchange exchange = createExchange(false);
        try {
            exchange.getMessage().setHeader(LabelloopConstants.LOOP, options.loop().name());
            exchange.getMessage().setHeader(LabelloopConstants.DATASET, options.loop().dataset());
            exchange.getMessage().setHeader(LabelloopConstants.TRIGGER, trigger.id());
            exchange.getMessage().setHeader(header, value);
            getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        }
        boolean ok = exchange.getException() == null;
        if (!ok) {
            getExceptionHandler().handleException("labelloop: " + trigger.id() + " route of loop '"
                    + options.loop().name() + "' failed (" + header + "=" + value + ")", exchange, exchange.getException());
        }
        releaseExchange(exchange, false);
        return ok;
    }
}
