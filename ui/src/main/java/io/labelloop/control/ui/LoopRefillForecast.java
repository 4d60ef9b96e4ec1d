package io.labelloop.control.ui;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import io.labelloop.control.LoopControl;
import io.labelloop.loop.LoopCatalog;
import io.labelloop.loop.LoopConfig;
import io.labelloop.loop.LoopProgress;
import io.labelloop.loop.LoopStepService;
import io.labelloop.queue.ui.RefillForecast;

/**
 * Reads what decides the next refill of a dataset's queue from the loop that feeds it: paused or not, the step running
 * now, and the labels still needed before the next training. Read only; a part that cannot be read is left out of the
 * sentence rather than failing the labeling view.
 */
@Component
class LoopRefillForecast implements RefillForecast {

    private final LoopCatalog loops;
    private final LoopStepService steps;
    private final LoopControl control;
    private final Clock clock = Clock.systemUTC();

    LoopRefillForecast(LoopCatalog loops, LoopStepService steps, LoopControl control) {
        this.loops = loops;
        this.steps = steps;
        this.control = control;
    }

    @Override
    public boolean fedByLoop(String dataset) {
        return loops.all().stream().anyMatch(l -> dataset.equals(l.dataset()));
    }

    @Override
    public String whenRefilled(String dataset) {
        List<LoopConfig> feeding = loops.all().stream().filter(l -> dataset.equals(l.dataset())).toList();
        if (feeding.isEmpty()) {
            return RefillText.NO_LOOP;
        }
        LoopConfig loop = feeding.get(0);
        return RefillText.of(new RefillText.Facts(loop.name(), paused(loop), running(loop), labelsSince(loop),
                loop.training().everyLabels()), clock.instant());
    }

    private boolean paused(LoopConfig loop) {
        try {
            return control.loop(loop.name()).paused();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private LoopProgress running(LoopConfig loop) {
        Optional<LoopProgress> progress = steps.progress(loop);
        return progress.filter(LoopProgress::running).orElse(null);
    }

    private Long labelsSince(LoopConfig loop) {
        try {
            return steps.labelsSinceLastTraining(loop);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
