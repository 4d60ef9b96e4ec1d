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
import io.labelloop.loop.LoopProgress;
import io.labelloop.registry.LoopTasks;
import jakarta.annotation.PreDestroy;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import java.time.Instant;
import io.labelloop.loop.LoopPausedException;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * Pause, resume and trigger a loop's Camel routes, and promote a version by hand, for the loops view and the REST API, which must not
 * reach into Camel themselves. A loop's routes are those whose id is the loop's name or starts with it and
 * a dash (the convention of routes/*.yaml).
 *
 * <p>A pause answers at once: it is stored (in {@link LoopTasks}, so that every node and a restart see it), the
 * loop's long task stops at its next safe point, and the routes are suspended once nothing of the loop is in flight
 * (suspending a route with an exchange in flight would make Camel interrupt it after its shutdown timeout). Until
 * then the loop is {@code pausing}.
 */
@Service
public class LoopControl {

    private static final Logger LOG = LoggerFactory.getLogger(LoopControl.class);
    /** How often a pausing loop checks whether its last exchange ended. */
    private static final long IDLE_POLL_MS = 200;

    private final CamelContext camel;
    private final LoopCatalog catalog;
    private final ProgressTracker progress;
    private final LoopStepService steps;
    private final ModelRegistry registry;
    private final LoopTasks tasks;
    private final RouteRuns runs = new RouteRuns();
    /** Suspends and resumes routes one caller at a time, so that a late suspension never follows a resume. */
    private final Object routeStates = new Object();
    private final ExecutorService pausers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "labelloop-pause");
        t.setDaemon(true);
        return t;
    });
    private final ExecutorService triggered = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "labelloop-trigger");
        t.setDaemon(true);
        return t;
    });

    public LoopControl(CamelContext camel, LoopCatalog catalog, ProgressTracker progress, LoopStepService steps,
                       ModelRegistry registry, LoopTasks tasks) {
        this.camel = camel;
        this.tasks = tasks;
        this.catalog = catalog;
        this.progress = progress;
        this.steps = steps;
        this.registry = registry;
        camel.getManagementStrategy().addEventNotifier(runs);
        camel.getInflightRepository().setInflightBrowseEnabled(true);
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

    /**
     * Asks the loop to pause and returns at once (state {@code pausing}): no trigger fires from then on, a running
     * long task stops at its next safe point, and the routes are suspended once nothing of the loop runs (state
     * {@code paused}).
     */
    public LoopStatus pause(String name) {
        LoopConfig loop = catalog.get(name);
        tasks.requestPause(name, true);
        LOG.info("Loop {} pausing", name);
        pausers.submit(() -> suspendWhenIdle(loop));
        return loop(name);
    }

    /**
     * Starts again every route of the loop that is suspended or stopped, and continues the re-score that a pause or
     * a restart interrupted (from where it stopped, off the caller's thread).
     */
    public LoopStatus resume(String name) {
        LoopConfig loop = catalog.get(name);
        synchronized (routeStates) {
            tasks.requestPause(name, false);
            for (Route route : routes(loop)) {
                resumeRoute(name, route.getRouteId());
            }
        }
        LOG.info("Loop {} resumed", name);
        if (interrupted(loop) != null) {
            triggered.submit(() -> continueInterrupted(loop));
        }
        return loop(name);
    }

    /** Loops paused before a restart stay paused: their routes are suspended again once the application runs. */
    @EventListener(ApplicationReadyEvent.class)
    public void pauseAgainAfterRestart() {
        for (LoopConfig loop : catalog.all()) {
            try {
                if (tasks.pauseRequested(loop.name())) {
                    LOG.info("Loop {} was paused before the restart: it stays paused until resumed", loop.name());
                    pausers.submit(() -> suspendWhenIdle(loop));
                }
            } catch (RuntimeException e) {
                LOG.warn("Loop {}: could not read its run state: {}", loop.name(), e.getMessage());
            }
        }
    }

    private void suspendWhenIdle(LoopConfig loop) {
        try {
            while (busy(loop)) {
                Thread.sleep(IDLE_POLL_MS);
            }
            synchronized (routeStates) {
                if (!tasks.pauseRequested(loop.name())) {
                    return; // resumed meanwhile
                }
                for (Route route : routes(loop)) {
                    if (ServiceStatus.Started.equals(camel.getRouteController().getRouteStatus(route.getRouteId()))) {
                        camel.getRouteController().suspendRoute(route.getRouteId());
                    }
                }
            }
            LOG.info("Loop {} paused", loop.name());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.error("Loop {}: could not suspend its routes: {}", loop.name(), e.getMessage(), e);
        }
    }

    private void resumeRoute(String loop, String id) {
        try {
            ServiceStatus state = camel.getRouteController().getRouteStatus(id);
            if (state == ServiceStatus.Suspended) {
                camel.getRouteController().resumeRoute(id);
            } else if (state != null && state.isStopped() && camel.isStarted()) {
                camel.getRouteController().startRoute(id);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Loop '" + loop + "': could not resume route " + id + ": " + e.getMessage(), e);
        }
    }

    private void continueInterrupted(LoopConfig loop) {
        try {
            if (steps.continueInterrupted(loop)) {
                LOG.info("Loop {}: the interrupted re-score finished", loop.name());
            }
        } catch (LoopPausedException e) {
            LOG.info("{}", e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Loop {}: continuing the interrupted re-score failed: {}", loop.name(), e.getMessage(), e);
        }
    }

    /** True while an exchange of the loop's routes is in flight or its long task runs. */
    private boolean busy(LoopConfig loop) {
        return routes(loop).stream().anyMatch(r -> camel.getInflightRepository().size(r.getRouteId()) > 0)
                || progress.progress(loop.name()).map(LoopProgress::running).orElse(false);
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
                .findFirst().or(() -> routeId == null ? routes.stream().findFirst() : Optional.empty())
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
        LoopProgress task = progress.progress(loop.name()).orElse(null);
        boolean suspended = routes.stream().noneMatch(r -> r.state().equals("Started"));
        boolean busy = routes.stream().anyMatch(RouteStatus::running) || (task != null && task.running());
        LoopTasks.Task stored = tasks.find(loop.name()).orElse(null);
        boolean requested = stored != null && stored.pauseRequested();
        // a loop without routes is paused once asked to and idle; one with routes once they are all suspended
        String state = suspended && !busy && (requested || !routes.isEmpty()) ? LoopStatus.PAUSED
                : requested ? LoopStatus.PAUSING : LoopStatus.RUNNING;
        LoopTasks.Task interrupted = interrupted(stored, task);
        return new LoopStatus(loop.name(), loop.dataset(), state.equals(LoopStatus.PAUSED), routes, task, state,
                message(state, task, interrupted), interrupted);
    }

    private LoopTasks.Task interrupted(LoopConfig loop) {
        return interrupted(tasks.find(loop.name()).orElse(null), progress.progress(loop.name()).orElse(null));
    }

    /** The stored long task when it is unfinished and not running here now. */
    private static LoopTasks.Task interrupted(LoopTasks.Task stored, LoopProgress task) {
        boolean runningHere = task != null && task.running();
        return stored == null || stored.task() == null || stored.state() == LoopTasks.State.DONE || runningHere
                ? null : stored;
    }

    private static String message(String state, LoopProgress task, LoopTasks.Task interrupted) {
        String rest = interrupted == null ? "" : String.format(Locale.ROOT,
                "; %s %s stopped at %d of %d, it continues on resume", interrupted.task(), interrupted.version(),
                interrupted.done(), interrupted.total());
        return switch (state) {
            case LoopStatus.PAUSED -> "paused" + rest;
            case LoopStatus.PAUSING -> "pausing: waiting for " + (task != null && task.running() ? task.task()
                    : "the running route") + " to reach a safe point";
            default -> task != null && task.running() ? "running: " + task.task() : "running" + rest;
        };
    }

    private RouteStatus routeStatus(Route route) {
        String id = route.getRouteId();
        ServiceStatus state = camel.getRouteController().getRouteStatus(id);
        RouteRuns.Run run = runs.of(id);
        boolean running = camel.getInflightRepository().size(id) > 0;
        var oldest = running ? camel.getInflightRepository().oldest(id) : null;
        Instant since = oldest == null ? null : Instant.now().minusMillis(oldest.getDuration());
        return new RouteStatus(id, route.getDescription(), state == null ? "Unknown" : state.name(),
                run == null ? null : run.at(), run == null || run.outcome() != RouteRuns.Outcome.FAILED ? null : run.reason(),
                run == null ? 0 : run.exchanges(), run == null ? 0 : run.failures(), running, since,
                run == null ? null : run.outcome().name().toLowerCase(Locale.ROOT),
                run == null ? null : run.detail(), run == null ? 0 : run.pauses());
    }

    private List<Route> routes(LoopConfig loop) {
        return camel.getRoutes().stream()
                .filter(r -> r.getRouteId().equals(loop.name()) || r.getRouteId().startsWith(loop.name() + "-"))
                .sorted(Comparator.comparing(Route::getRouteId)).toList();
    }

    @PreDestroy
    void stop() {
        triggered.shutdownNow();
        pausers.shutdownNow();
    }
}
