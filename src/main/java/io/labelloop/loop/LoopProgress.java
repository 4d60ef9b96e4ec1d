package io.labelloop.loop;

import java.time.Duration;
import java.time.Instant;

/**
 * How far a long step of a loop is, for the UI and the logs.
 *
 * @param loop        the loop
 * @param task        what runs: score, train, ...
 * @param done        units done (records scored, epochs trained)
 * @param total       units planned
 * @param startedAt   when the task started (or continued)
 * @param running     false once the task finished, failed or paused
 * @param doneAtStart units already done when it started: a continued task does not count them in its rate
 * @param paused      the task stopped at a safe point for a pause and continues on resume
 */
public record LoopProgress(String loop, String task, long done, long total, Instant startedAt, boolean running,
                           long doneAtStart, boolean paused) {

    public LoopProgress(String loop, String task, long done, long total, Instant startedAt, boolean running) {
        this(loop, task, done, total, startedAt, running, 0, false);
    }

    /** Percent done, 0..100. */
    public double percent() {
        return total <= 0 ? 0 : Math.min(100.0, 100.0 * done / total);
    }

    /** Estimated time left from the rate so far; null until something is done. */
    public Duration eta(Instant now) {
        long doneHere = done - doneAtStart;
        if (doneHere <= 0 || total <= 0) {
            return null;
        }
        long elapsed = Duration.between(startedAt, now).toMillis();
        return Duration.ofMillis(Math.max(0, (long) (elapsed * (double) (total - done) / doneHere)));
    }
}
