package io.labelloop.control;

import java.util.List;

import io.labelloop.loop.LoopProgress;
import io.labelloop.registry.LoopTasks;

/**
 * A loop's routes and its running (or last) task.
 *
 * @param name        the loop
 * @param dataset     its dataset
 * @param paused      true when every route of the loop is suspended or stopped (kept for older scripts; see state)
 * @param routes      its routes
 * @param progress    the loop's current or last task, null if none ran since start
 * @param state       {@code running}, {@code pausing} (asked to pause, waiting for a task to reach a safe point) or
 *                    {@code paused}
 * @param message     what the state means now, e.g. "pausing: waiting for score v3 to reach a safe point"
 * @param interrupted the loop's long task that a pause or restart stopped before its end (it continues on resume),
 *                    null if none
 */
public record LoopStatus(String name, String dataset, boolean paused, List<RouteStatus> routes, LoopProgress progress,
                         String state, String message, LoopTasks.Task interrupted) {

    public static final String RUNNING = "running";
    public static final String PAUSING = "pausing";
    public static final String PAUSED = "paused";
}
