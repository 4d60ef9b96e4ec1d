package io.labelloop.control;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.ServiceStatus;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import io.labelloop.loop.LoopCatalog;
import io.labelloop.loop.LoopConfig;
import io.labelloop.loop.LoopException;
import io.labelloop.loop.LoopStepService;
import io.labelloop.loop.StepResults;
import io.labelloop.registry.ModelRegistry;
import io.labelloop.registry.ModelVersion;
import io.labelloop.loop.ProgressTracker;
import jakarta.annotation.PreDestroy;

/**
 * Pause, resume and trigger a loop's Camel routes, and promote a version by hand, for the loops view and the REST API, which must not
 * reach into Camel themselves. A loop's routes are those whose id is the loop's name or starts with it and
 * a dash (the convention of routes/*.yaml).
 */
@Service
public class LoopControl {

    private static final Logger LOG = LoggerFactory.getLogger(LoopControl.class);

    private final CamelContext camel;
    private final LoopCatalog catalog;
    private final ProgressTracker progress;
    private final LoopStepService steps;
    private final ModelRegistry registry;
    private final RouteRuns runs = new RouteRuns();
    private final ExecutorService triggered = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "labelloop-trigger");
        t.setDaemon(true);
        return t;
    });

    public LoopControl(CamelContext camel, LoopCatalog catalog, ProgressTracker progress, LoopStepService steps,
                       ModelRegistry registry) {
        this.camel = camel;
        this.catalog = catalog;
        this.progress = progress;
        this.steps = steps;
        this.registry = registry;
        camel.getManagementStrategy().addEventNotifier(runs);
        ServiceHelper.startService(runs);
    }

    /** Every loop of config/loops with its routes. */
    public List<LoopStatus> loops() {
        return catalog.all().stream().map(this::status).toList();
    }

    /** One loop; {@link LoopException} names the known loops when it does not exist. */
    public LoopStatus loop(String name) {
        return status(catalog.get(name));
    }

    /** Suspends every route of the loop: no trigger fires until it is resumed; running work finishes. */
    public LoopStatus pause(String name) {
        for (Route route : routes(catalog.get(name))) {
            try {
                camel.getRouteController().suspendRoute(route.getRouteId());
            } catch (Exception e) {
                throw new IllegalStateException("Loop '" + name + "': could not pause route " + route.getRouteId() + ": "
                        + e.getMessage(), e);
            }
        }
        LOG.info("Loop {} paused", name);
        return loop(name);
    }

    /** Starts again every route of the loop that is suspended or stopped. */
    public LoopStatus resume(String name) {
        for (Route route : routes(catalog.get(name))) {
            String id = route.getRouteId();
            try {
                ServiceStatus state = camel.getRouteController().getRouteStatus(id);
                if (state == ServiceStatus.Suspended) {
                    camel.getRouteController().resumeRoute(id);
                } else if (state != null && state.isStopped()) {
                    camel.getRouteController().startRoute(id);
                }
            } catch (Exception e) {
                throw new IllegalStateException("Loop '" + name + "': could not resume route " + id + ": " + e.getMessage(), e);
            }
        }
        LOG.info("Loop {} resumed", name);
        return loop(name);
    }

    /**
     * Runs one route of the loop once now, off the caller's thread, as if its trigger had fired (the
     * {@code -start} route when {@code routeId} is null). Refused while the loop is paused.
     */
    public void trigger(String name, String routeId) {
        LoopConfig loop = catalog.get(name);
        List<Route> routes = routes(loop);
        Route route = routes.stream()
                .filter(r -> routeId == null ? r.getRouteId().equals(name + "-start") : r.getRouteId().equals(routeId))
                .findFirst().or(() -> routeId == null ? routes.stream().findFirst() : java.util.Optional.empty())
                .orElseThrow(() -> new IllegalArgumentException("Loop '" + name + "' has no route '" + routeId + "'; its routes: "
                        + routes.stream().map(Route::getRouteId).toList()));
        Consumer consumer = route.getConsumer();
        if (!ServiceStatus.Started.equals(camel.getRouteController().getRouteStatus(route.getRouteId()))) {
            throw new IllegalStateException("Loop '" + name + "': route " + route.getRouteId()
                    + " is not running (paused?): resume it first");
        }
        triggered.submit(() -> runOnce(name, route, consumer));
    }

    /**
     * Promotes a version of the loop by hand (the admin action of the {@code manual} promote policy). The version
     * must exist in this loop, not have FAILED and have been evaluated; the registry records {@code user} as who
     * promoted it ({@link ModelVersion#promotion()}). It scores from the loop's next score step on (trigger the
     * loop's start route to re-score now).
     *
     * @return the version as stored after the promotion (status CURRENT)
     * @throws LoopException naming the loop when the loop or version is unknown, FAILED or not evaluated, or when
     *                       {@code user} is blank
     */
    public ModelVersion promote(String loop, String version, String user) {
        LoopConfig config = catalog.get(loop);
        StepResults.Promoted result = steps.promoteByHand(config, version, user);
        LOG.info("Loop {}: {} ({})", loop, result.promoted() ? "promoted " + version : "nothing to promote",
                result.reason());
        return registry.find(loop, version).orElseThrow();
    }

    private void runOnce(String loop, Route route, Consumer consumer) {
        Exchange exchange = consumer.createExchange(false);
        exchange.getIn().setHeader("LabelloopTriggeredBy", "manual");
        try {
            LOG.info("Loop {}: route {} triggered by hand", loop, route.getRouteId());
            consumer.getProcessor().process(exchange);
        } catch (Exception e) {
            exchange.setException(e);
        } finally {
            if (exchange.getException() != null) {
                LOG.error("Loop {}: triggered route {} failed: {}", loop, route.getRouteId(),
                        exchange.getException().getMessage(), exchange.getException());
            }
            consumer.releaseExchange(exchange, false);
        }
    }

    private LoopStatus status(LoopConfig loop) {
        List<RouteStatus> routes = routes(loop).stream().map(this::routeStatus).toList();
        boolean paused = !routes.isEmpty() && routes.stream().noneMatch(r -> r.state().equals("Started"));
        return new LoopStatus(loop.name(), loop.dataset(), paused, routes, progress.progress(loop.name()).orElse(null));
    }

    private RouteStatus routeStatus(Route route) {
        String id = route.getRouteId();
        ServiceStatus state = camel.getRouteController().getRouteStatus(id);
        RouteRuns.Run run = runs.of(id);
        return new RouteStatus(id, route.getDescription(), state == null ? "Unknown" : state.name(),
                run == null ? null : run.at(), run == null ? null : run.failure(),
                run == null ? 0 : run.exchanges(), run == null ? 0 : run.failures());
    }

    private List<Route> routes(LoopConfig loop) {
        return camel.getRoutes().stream()
                .filter(r -> r.getRouteId().equals(loop.name()) || r.getRouteId().startsWith(loop.name() + "-"))
                .sorted(java.util.Comparator.comparing(Route::getRouteId)).toList();
    }

    @PreDestroy
    void stop() {
        triggered.shutdownNow();
    }
}
