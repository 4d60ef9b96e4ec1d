package io.labelloop.component;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Processor;

/**
 * Fires once enough new validated labels arrived since the last training, after the count has been still for the
 * debounce time, so a burst of labels triggers one retrain. The route runs on this consumer's thread, so one
 * consumer never overlaps itself; a failed route is not re-fired until more labels arrive.
 */
class LabelloopLabelsConsumer extends LabelloopLoopConsumer {

    private long lastCount = -1;
    private long lastChangeMillis;
    private long failedAtCount = -1;

    LabelloopLabelsConsumer(LabelloopEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    protected int poll() {
        EffectiveOptions options = getEndpoint().options();
        long count = getEndpoint().steps().labelsSinceLastTraining(options.loop());
        long now = System.currentTimeMillis();
        if (count != lastCount) {
            lastCount = count;
            lastChangeMillis = now;
        }
        if (count < options.threshold() || count == failedAtCount || now - lastChangeMillis < options.debounce()) {
            return 0;
        }
        AtomicBoolean retraining = getEndpoint().getComponent().retraining(options.loop().name());
        retraining.set(true);
        try {
            boolean ok = fire(options, LabelloopTrigger.LABELS, LabelloopConstants.NEW_LABELS, count);
            failedAtCount = ok ? -1 : count;
        } finally {
            retraining.set(false);
        }
        return 1;
    }
}
