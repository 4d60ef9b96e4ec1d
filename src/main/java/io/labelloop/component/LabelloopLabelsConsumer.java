package io.labelloop.component;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Processor;

/**
 * Fires once enough new validated labels arrived since the last training, after the count has been still for the
 * debounce time, so a burst of labels triggers one retrain; steady labeling that never pauses still fires after
 * {@link #MAX_WAIT_DEBOUNCES} debounce periods. The route runs on this consumer's thread, so one
 * consumer never overlaps itself; a failed route is not re-fired until more labels arrive.
 */
class LabelloopLabelsConsumer extends LabelloopLoopConsumer {

    /** While annotators keep labeling the count is never still; after this many debounce periods it fires anyway. */
    static final int MAX_WAIT_DEBOUNCES = 10;

    private long lastCount = -1;
    private long lastChangeMillis;
    private long dueSinceMillis = -1;
    private long failedAtCount = -1;

    LabelloopLabelsConsumer(LabelloopEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    int pollLoop() {
        EffectiveOptions options = getEndpoint().options();
        long count = getEndpoint().steps().labelsSinceLastTraining(options.loop());
        long now = System.currentTimeMillis();
        if (count != lastCount) {
            lastCount = count;
            lastChangeMillis = now;
        }
        if (count < options.threshold() || count == failedAtCount) {
            dueSinceMillis = -1;
            return 0;
        }
        if (dueSinceMillis < 0) {
            dueSinceMillis = now;
        }
        boolean still = now - lastChangeMillis >= options.debounce();
        boolean waitedLongEnough = now - dueSinceMillis >= MAX_WAIT_DEBOUNCES * options.debounce();
        if (!still && !waitedLongEnough) {
            return 0;
        }
        dueSinceMillis = -1;
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
