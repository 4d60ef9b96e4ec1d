package io.labelloop.component;

import org.apache.camel.Processor;

/**
 * Fires when the loop's labeling queue holds fewer records than the threshold. It stays quiet while the loop
 * scores, retrains or a retrain is due, because the retrain route refills the queue with the new model's picks; and it
 * fires once per depth, so an exhausted pool does not spin.
 */
class LabelloopQueueLowConsumer extends LabelloopLoopConsumer {

    private long firedAtDepth = -1;

    LabelloopQueueLowConsumer(LabelloopEndpoint endpoint, Processor processor) {
        super(endpoint, processor);
    }

    @Override
    int pollLoop() {
        EffectiveOptions options = getEndpoint().options();
        if (getEndpoint().getComponent().retraining(options.loop().name()).get()
                || getEndpoint().steps().busy(options.loop())
                || getEndpoint().steps().labelsSinceLastTraining(options.loop()) >= options.loop().training().everyLabels()) {
            return 0;
        }
        long depth = getEndpoint().steps().queueDepth(options.loop());
        if (depth >= options.threshold()) {
            firedAtDepth = -1;
            return 0;
        }
        if (depth == firedAtDepth) {
            return 0;
        }
        firedAtDepth = depth;
        fire(options, LabelloopTrigger.QUEUE_LOW, LabelloopConstants.QUEUE_DEPTH, depth);
        return 1;
    }
}
