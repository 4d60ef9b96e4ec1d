package io.labelloop.loop;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Progress (percent, ETA) of the running step of each loop; logged at every tenth and read by the UI. */
@Component
public class ProgressTracker {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressTracker.class);
    private static final int LOG_STEPS = 10;

    private final Map<String, LoopProgress> current = new ConcurrentHashMap<>();
    private final Clock clock;

    public ProgressTracker() {
        this(Clock.systemUTC());
    }

    ProgressTracker(Clock clock) {
        this.clock = clock;
    }

    /** Starts tracking a task of the loop; it replaces the loop's previous task. */
    public void start(String loop, String task, long total) {
        current.put(loop, new LoopProgress(loop, task, 0, total, clock.instant(), true));
        LOG.info("[{}] {} started: {} to do", loop, task, total);
    }

    /** Records that {@code done} of the task's units are done. */
    public void update(String loop, long done) {
        LoopProgress before = current.get(loop);
        if (before == null) {
            return;
        }
        LoopProgress now = new LoopProgress(loop, before.task(), done, before.total(), before.startedAt(), true);
        current.put(loop, now);
        if (tenth(before) != tenth(now)) {
            Duration eta = now.eta(clock.instant());
            LOG.info("[{}] {}: {}% ({}/{}), ETA {} s", loop, now.task(), Math.round(now.percent()), done, now.total(),
                    eta == null ? "?" : eta.toSeconds());
        }
    }

    /** Marks the loop's task finished (successfully or not). */
    public void finish(String loop) {
        current.computeIfPresent(loop, (k, p) -> new LoopProgress(loop, p.task(), p.done(), p.total(), p.startedAt(), false));
    }

    /** The loop's latest task, running or finished. */
    public Optional<LoopProgress> progress(String loop) {
        return Optional.ofNullable(current.get(loop));
    }

    private static long tenth(LoopProgress p) {
        return (long) (p.percent() / (100.0 / LOG_STEPS));
    }
}
