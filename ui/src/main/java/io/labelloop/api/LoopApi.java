package io.labelloop.api;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.labelloop.control.LoopControl;
import io.labelloop.control.LoopStatus;
import io.labelloop.loop.LoopCatalog;
import io.labelloop.registry.ModelVersion;
import io.labelloop.security.Roles;
import io.labelloop.stopping.StoppingService;
import io.labelloop.stopping.WhenToStop;

/**
 * Admin only: the loops' routes and progress; pause, resume, trigger now; promote a model version by hand; when to
 * stop labeling.
 */
@RestController
@RequestMapping("/api/loops")
@PreAuthorize(Roles.HAS_ADMIN)
class LoopApi {

    private final LoopControl control;
    private final LoopCatalog catalog;
    private final StoppingService stopping;

    LoopApi(LoopControl control, LoopCatalog catalog, StoppingService stopping) {
        this.control = control;
        this.catalog = catalog;
        this.stopping = stopping;
    }

    @GetMapping
    List<LoopStatus> loops() {
        return control.loops();
    }

    @GetMapping("/{loop}")
    LoopStatus loop(@PathVariable String loop) {
        return control.loop(loop);
    }

    /**
     * The loop's accuracy forecast after +100 and +500 labels (with its 95% bootstrap interval; none before three
     * trained versions) and its stopping signal (kappa between consecutive versions on the stop set); 404 for an
     * unknown loop.
     */
    @GetMapping("/{loop}/stopping")
    WhenToStop stopping(@PathVariable String loop) {
        return stopping.status(catalog.get(loop).name());
    }

    @PostMapping("/{loop}/pause")
    LoopStatus pause(@PathVariable String loop) {
        return control.pause(loop);
    }

    @PostMapping("/{loop}/resume")
    LoopStatus resume(@PathVariable String loop) {
        return control.resume(loop);
    }

    /** Runs one route of the loop now (its {@code -start} route unless {@code route} names another); 202 at once. */
    @PostMapping("/{loop}/trigger")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, String> trigger(@PathVariable String loop, @RequestParam(required = false) String route) {
        control.trigger(loop, route);
        return Map.of("loop", loop, "triggered", route == null ? loop + "-start" : route);
    }

    /**
     * Makes an evaluated version the serving one (the admin action of the {@code manual} promote policy), recorded as
     * promoted by the caller; 404 with the reason when the loop or version is unknown, FAILED or not evaluated.
     */
    @PostMapping("/{loop}/versions/{version}/promote")
    ModelVersion promote(@PathVariable String loop, @PathVariable String version, Principal user) {
        return control.promote(loop, version, user.getName());
    }
}
