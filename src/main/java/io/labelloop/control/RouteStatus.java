package io.labelloop.control;

import java.time.Instant;

/**
 * One Camel route of a loop as the loops view and {@code GET /api/loops} show it.
 *
 * @param id          the route id
 * @param description the route's description from its YAML file
 * @param state       Started, Suspended, Stopped...
 * @param lastRun     when its last exchange finished, null if none since start
 * @param lastFailure the error of its last exchange, null if it succeeded
 * @param exchanges   exchanges finished since start
 * @param failures    exchanges failed since start
 */
public record RouteStatus(String id, String description, String state, Instant lastRun, String lastFailure,
                          long exchanges, long failures) {
}
