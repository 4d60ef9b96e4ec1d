package io.labelloop.component;

import io.labelloop.loop.LoopCatalog;
import io.labelloop.loop.LoopConfig;
import io.labelloop.loop.LoopException;
import io.labelloop.loop.LoopSteps;
import io.labelloop.routes.RouteFiles;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Endpoint;
import org.apache.camel.ResolveEndpointFailedException;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.DefaultComponent;

/** The {@code labelloop:} component: active-learning loop steps as producers, loop events as consumers. */
@Component("labelloop")
public class LabelloopComponent extends DefaultComponent {

    @Metadata(description = "Defaults shared by every endpoint of this component.")
    private LabelloopConfiguration configuration = new LabelloopConfiguration();
    @Metadata(autowired = true, label = "advanced",
            description = "The application service that runs the loop steps against the store and the model runtime.")
    private LoopSteps steps;
    @Metadata(autowired = true, label = "advanced",
            description = "The loops declared in config/loops/, by name.")
    private LoopCatalog catalog;

    /** Loops whose retrain route is running now: queue-low waits for it instead of refilling with a stale model. */
    private final Map<String, AtomicBoolean> retraining = new ConcurrentHashMap<>();

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        if (remaining == null || remaining.isBlank()) {
            throw new IllegalArgumentException("labelloop: endpoint '" + uri + "' needs a loop name, e.g. labelloop:banking-sentiment");
        }
        LabelloopConfiguration config = configuration.copy();
        config.setLoop(remaining);
        LabelloopEndpoint endpoint = new LabelloopEndpoint(uri, this, config);
        setProperties(endpoint, parameters);
        try {
            endpoint.validate();
        } catch (LoopException e) {
            // Camel names the route and endpoint; the user also needs the route file and line to open.
            String where = RouteFiles.creating(getCamelContext(), uri, e instanceof OptionException o
                    ? o.options() : List.of());
            throw where == null ? e : new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        return endpoint;
    }

    /**
     * Camel's own check of unknown options, with the route file and line in the message (Camel names only the
     * endpoint) and the option that was probably meant.
     */
    @Override
    protected void validateParameters(String uri, Map<String, Object> parameters, String optionPrefix) {
        try {
            super.validateParameters(uri, parameters, optionPrefix);
        } catch (ResolveEndpointFailedException e) {
            String where = RouteFiles.creating(getCamelContext(), uri, parameters.keySet());
            String detail = e.getMessage().substring(e.getMessage().indexOf(" due to: ") + " due to: ".length());
            throw new ResolveEndpointFailedException(uri, (where == null ? "" : where + ": ")
                    + OptionNames.suggest(parameters.keySet()) + detail);
        }
    }

    /** The loop an endpoint names; fails with the loop files' folder when no file declares it. */
    LoopConfig loop(String name) {
        if (catalog == null) {
            throw new IllegalStateException("labelloop: no LoopCatalog bean in the registry; the loops of config/loops/ are not loaded");
        }
        return catalog.get(name);
    }

    LoopSteps steps() {
        if (steps == null) {
            throw new IllegalStateException("labelloop: no LoopSteps bean in the registry; the loop services are not running");
        }
        return steps;
    }

    AtomicBoolean retraining(String loop) {
        return retraining.computeIfAbsent(loop, k -> new AtomicBoolean());
    }

    /** Defaults shared by every endpoint of this component. */
    public LabelloopConfiguration getConfiguration() {
        return configuration;
    }

    public void setConfiguration(LabelloopConfiguration configuration) {
        this.configuration = configuration;
    }

    /** The application service that runs the loop steps against the store and the model runtime. */
    public LoopSteps getSteps() {
        return steps;
    }

    public void setSteps(LoopSteps steps) {
        this.steps = steps;
    }

    /** The loops declared in config/loops/, by name. */
    public LoopCatalog getCatalog() {
        return catalog;
    }

    public void setCatalog(LoopCatalog catalog) {
        this.catalog = catalog;
    }
}
