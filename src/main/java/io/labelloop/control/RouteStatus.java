package io.labelloop.control;

import java.time.Instant;

/**
 * One Camel route of a loop as the loops view and {@code GET /api/loops} show it.
 *
 * @param id           the route id
 * @param description  the route's description from its YAML file
 * @param state        Started, Suspended, Stopped...
 * @param lastRun      when its last exchange finished, null if none since start
 * @param lastFailure  a short reason (one line) when its last exchange failed, null otherwise
 * @param exchanges    exchanges finished since start (paused ones included)
 * @param failures     exchanges failed since start (a pause is not a failure)
 * @param running      true while an exchange of this route is in flight
 * @param runningSince when the oldest exchange in flight started, null when none runs
 * @param lastResult   how its last exchange ended: ok, paused or failed; null if none since start
 * @param lastDetail   the whole error of its last exchange (for a tooltip; also in the log), null if it succeeded
 * @param pauses       exchanges stopped at a safe point for a pause since start
 */
public record RouteStatus(String id, String description, String state, Instant lastRun, String lastFailure,
                          long exchanges, long failures, boolean running, Instant runningSince, String lastResult,
                          String lastDetail, long pauses) {
}
