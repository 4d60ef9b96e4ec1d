package io.labelloop.loop;

import java.time.Duration;
import java.time.Instant;

/**
 * How far a long step of a loop is, for the UI and the logs.
 *
 * @param loop      the loop
 * @param task      what runs: score, train, ...
 * @param done      units done (records scored, epochs trained)
 * @param total     units planned
 * @param startedAt when the task started
 * @param running   false once the task finished or failed
 */
public record LoopProgress(String loop, String task, long done, long total, Instant startedAt, boolean running) {

    /** Percent done, 0..100. */
    public double percent() {
        return total <= 0 ? 0 : Math.min(100.0, 100.0 * done / total);
    }

    /** Estimated time left from the rate so far; null until something is done. */
    public Duration eta(Instant now) {
        if (done <= 0 || total <= 0) {
            return null;
        }
        long elapsed = Duration.between(startedAt, now).toMillis();
        return Duration.ofMillis(Math.max(0, (long) (elapsed * (double) (total - done) / done)));
    }
}
