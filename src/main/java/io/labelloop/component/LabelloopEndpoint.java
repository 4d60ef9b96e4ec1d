package io.labelloop.component;

import io.labelloop.loop.LoopConfig;
import io.labelloop.loop.LoopSteps;
import io.labelloop.routes.DatasetCheck;
import java.util.List;
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
    /** Built by {@link #options()}; a race builds it twice, the same. */
    private volatile EffectiveOptions options;

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

    /**
     * The options laid over the loop file, built once at the first exchange (not at creation: a simulation changes
     * the loop's settings after the routes are loaded and before they start).
     */
    EffectiveOptions options() {
        EffectiveOptions built = options;
        if (built == null) {
            built = EffectiveOptions.of(this);
            options = built;
        }
        return built;
    }

    /** Refuses to start when a dataset the loop reads does not exist and no route imports into it. */
    void requireDatasets(List<String> routeIds) {
        DatasetCheck.require(this, loop(), steps(), getComponent().getCatalog(), routeIds);
    }
}
