package io.labelloop.component;

import io.labelloop.loop.LoopConfig;
import io.labelloop.loop.LoopSteps;
import org.apache.camel.Category;
import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.spi.UriEndpoint;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.ScheduledPollEndpoint;

/**
 * Runs the steps of an active-learning loop (import, score, select, train, evaluate, promote, export) and fires
 * when enough new labels arrived or the labeling queue runs low.
 */
@UriEndpoint(firstVersion = "0.1.0", scheme = "labelloop", title = "Labelloop", syntax = "labelloop:loop",
        category = {Category.AI}, headersClass = LabelloopConstants.class)
public class LabelloopEndpoint extends ScheduledPollEndpoint {

    @UriParam
    private final LabelloopConfiguration configuration;

    LabelloopEndpoint(String uri, LabelloopComponent component, LabelloopConfiguration configuration) {
        super(uri, component);
        this.configuration = configuration;
    }

    @Override
    public LabelloopComponent getComponent() {
        return (LabelloopComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        if (configuration.getOperation() == null) {
            throw new IllegalArgumentException(getEndpointUri() + ": a producer needs the option operation="
                    + "import|score|select|train|evaluate|promote|export (or the header " + LabelloopConstants.OPERATION + ")");
        }
        return new LabelloopProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        LabelloopTrigger trigger = configuration.getTrigger();
        if (trigger == null) {
            throw new IllegalArgumentException(getEndpointUri() + ": a consumer needs the option trigger=labels|queue-low");
        }
        Consumer consumer = trigger == LabelloopTrigger.LABELS
                ? new LabelloopLabelsConsumer(this, processor)
                : new LabelloopQueueLowConsumer(this, processor);
        configureConsumer(consumer);
        return consumer;
    }

    /** Checks the options against the loop file now, so a bad route fails at start naming the option. */
    void validate() {
        EffectiveOptions.of(this);
    }

    public LabelloopConfiguration getConfiguration() {
        return configuration;
    }

    LoopConfig loop() {
        return getComponent().loop(configuration.getLoop());
    }

    LoopSteps steps() {
        return getComponent().steps();
    }

    EffectiveOptions options() {
        return EffectiveOptions.of(this);
    }
}
