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
        start(loop, task, total, 0);
    }

    /** Starts tracking a task that continues with {@code done} of its {@code total} units already done. */
    public void start(String loop, String task, long total, long done) {
        current.put(loop, new LoopProgress(loop, task, done, total, clock.instant(), true, done, false));
        if (done > 0) {
            LOG.info("[{}] {} continues: {} of {} done", loop, task, done, total);
        } else {
            LOG.info("[{}] {} started: {} to do", loop, task, total);
        }
    }

    /** Records that {@code done} of the task's units are done. */
    public void update(String loop, long done) {
        LoopProgress before = current.get(loop);
        if (before == null) {
            return;
        }
        LoopProgress now = new LoopProgress(loop, before.task(), done, before.total(), before.startedAt(), true,
                before.doneAtStart(), false);
        current.put(loop, now);
        if (tenth(before) != tenth(now)) {
            Duration eta = now.eta(clock.instant());
            LOG.info("[{}] {}: {}% ({}/{}), ETA {} s", loop, now.task(), Math.round(now.percent()), done, now.total(),
                    eta == null ? "?" : eta.toSeconds());
        }
    }

    /** Marks the loop's task finished (successfully or not). */
    public void finish(String loop) {
        current.computeIfPresent(loop, (k, p) -> p.running() ? new LoopProgress(loop, p.task(), p.done(), p.total(),
                p.startedAt(), false, p.doneAtStart(), false) : p);
    }

    /** Marks the loop's task stopped at a safe point for a pause: it continues on resume. */
    public void pause(String loop) {
        LoopProgress p = current.computeIfPresent(loop, (k, was) -> new LoopProgress(loop, was.task(), was.done(),
                was.total(), was.startedAt(), false, was.doneAtStart(), true));
        if (p != null) {
            LOG.info("[{}] {} paused at {} of {}", loop, p.task(), p.done(), p.total());
        }
    }

    /** The loop's latest task, running or finished. */
    public Optional<LoopProgress> progress(String loop) {
        return Optional.ofNullable(current.get(loop));
    }

    private static long tenth(LoopProgress p) {
        return (long) (p.percent() / (100.0 / LOG_STEPS));
    }
}
