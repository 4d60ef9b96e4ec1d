package io.labelloop.control;

import java.util.List;

import io.labelloop.loop.LoopProgress;

/**
 * A loop's routes and its running (or last) task.
 *
 * @param name     the loop
 * @param dataset  its dataset
 * @param paused   true when every route of the loop is suspended or stopped
 * @param routes   its routes
 * @param progress the loop's current or last task, null if none ran since start
 */
public record LoopStatus(String name, String dataset, boolean paused, List<RouteStatus> routes, LoopProgress progress) {
}
