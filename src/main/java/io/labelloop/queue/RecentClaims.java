package io.labelloop.queue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Entries claimed by this JVM that a search may not show as claimed yet (OpenSearch makes writes searchable at the
 * next refresh, every second): they are excluded from candidate searches until they are surely visible.
 */
final class RecentClaims {

    /** Longer than the queue index's refresh interval (1 s), with margin for a busy node. */
    static final Duration VISIBLE_AFTER = Duration.ofSeconds(5);

    private final Map<String, Map<String, Instant>> byIndex = new ConcurrentHashMap<>();
    private final Clock clock;

    RecentClaims(Clock clock) {
        this.clock = clock;
    }

    /** Excludes the entry until it is surely searchable, or until its lease ends if that is sooner. */
    void claimed(String index, String id, Duration lease) {
        Duration exclusion = lease.compareTo(VISIBLE_AFTER) < 0 ? lease : VISIBLE_AFTER;
        byIndex.computeIfAbsent(index, k -> new ConcurrentHashMap<>()).put(id, clock.instant().plus(exclusion));
    }

    void forget(String index, String id) {
        Map<String, Instant> ids = byIndex.get(index);
        if (ids != null) {
            ids.remove(id);
        }
    }

    List<String> ids(String index) {
        Map<String, Instant> ids = byIndex.get(index);
        if (ids == null) {
            return List.of();
        }
        Instant now = clock.instant();
        ids.values().removeIf(now::isAfter);
        return List.copyOf(ids.keySet());
    }
}
