package io.labelloop.component;

import io.labelloop.dataset.DatasetNotFoundException;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.support.ScheduledPollConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Shared part of the loop consumers: polls the loop's state and routes one exchange when it should fire. */
abstract class LabelloopLoopConsumer extends ScheduledPollConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(LabelloopLoopConsumer.class);

    private boolean datasetMissing;

    LabelloopLoopConsumer(LabelloopEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    /** A loop whose dataset does not exist and that no route imports into fails its route's start. */
    @Override
    protected void doStart() throws Exception {
        getEndpoint().requireDatasets(List.of(getRouteId()));
        super.doStart();
    }

    /**
     * A loop whose dataset does not exist yet (before its start route imports it, or after a typo in the loop file) is
     * a state, not a failure of every poll: it is logged once when it begins and once when it ends, instead of a stack
     * trace every poll.
     */
    @Override
    protected final int poll() throws Exception {
        try {
            int fired = pollLoop();
            if (datasetMissing) {
                datasetMissing = false;
                LOG.info("labelloop: loop '{}' found its dataset; {} consumer active", loopName(), getClass().getSimpleName());
            }
            return fired;
        } catch (RuntimeException e) {
            if (!causedByMissingDataset(e)) {
                throw e;
            }
            if (!datasetMissing) {
                datasetMissing = true;
                LOG.warn("labelloop: {} waits for its dataset: {}", getClass().getSimpleName(), e.getMessage());
            }
            return 0;
        }
    }

    /** One poll of the loop's state; returns how many exchanges were routed. */
    abstract int pollLoop();

    private String loopName() {
        return getEndpoint().options().loop().name();
    }

    private static boolean causedByMissingDataset(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DatasetNotFoundException) {
                return true;
            }
        }
        return false;
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
