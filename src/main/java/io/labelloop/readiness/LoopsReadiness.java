package io.labelloop.readiness;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import io.labelloop.model.ModelRuntime;
import io.labelloop.store.OpenSearchStore;

/**
 * The {@code loops} health contributor, part of the readiness group ({@code /actuator/health/readiness}): up only when
 * the store answers, the model runtime is built and the Camel context and every route in it have started (a route an
 * admin paused counts as up). Until then {@code /login} may answer while the loops' routes and meters do not exist.
 */
@Component("loops")
class LoopsReadiness implements HealthIndicator {

    private final OpenSearchStore store;
    private final ModelRuntime runtime;
    private final CamelContext camel;

    LoopsReadiness(OpenSearchStore store, ModelRuntime runtime, CamelContext camel) {
        this.store = store;
        this.runtime = runtime;
        this.camel = camel;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        boolean storeUp = storeUp(details);
        // The runtime bean exists only once its engine started and the encoder was imported (ModelRuntime.build).
        details.put("modelRuntime", "up (" + runtime.settings().threads() + " threads, 0 = engine default)");
        boolean routesUp = routesUp(details);
        return (storeUp && routesUp ? Health.up() : Health.outOfService()).withDetails(details).build();
    }

    private boolean storeUp(Map<String, Object> details) {
        boolean up = store.ping();
        details.put("store", up ? "up" : "down: " + store.httpUri() + " does not answer");
        return up;
    }

    private boolean routesUp(Map<String, Object> details) {
        if (!camel.isStarted()) {
            details.put("routes", "Camel context " + camel.getStatus());
            return false;
        }
        List<Route> routes = camel.getRoutes();
        Map<String, String> notUp = new LinkedHashMap<>();
        for (Route route : routes) {
            ServiceStatus status = camel.getRouteController().getRouteStatus(route.getRouteId());
            if (status != ServiceStatus.Started && status != ServiceStatus.Suspended) {
                notUp.put(route.getRouteId(), String.valueOf(status));
            }
        }
        details.put("routes", notUp.isEmpty() ? routes.size() + " started" : notUp);
        return notUp.isEmpty();
    }
}
