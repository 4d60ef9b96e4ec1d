package io.labelloop.queue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Entries claimed by this JVM that a search may not show as claimed yet (OpenSearch makes writes searchable at the
 * next refresh, every second): they are excluded from candidate searches until they are surely visible.
 */
final class RecentClaims {

    /** Longer than the queue index's refresh interval (1 s), with margin for a busy node. */
    static final java.time.Duration VISIBLE_AFTER = java.time.Duration.ofSeconds(5);

    private final Map<String, Map<String, java.time.Instant>> byIndex = new ConcurrentHashMap<>();
    private final java.time.Clock clock;

    RecentClaims(java.time.Clock clock) {
        this.clock = clock;
    }

    /** Excludes the entry until it is surely searchable, or until its lease ends if that is sooner. */
    void claimed(String index, String id, java.time.Duration lease) {
        java.time.Duration exclusion = lease.compareTo(VISIBLE_AFTER) < 0 ? lease : VISIBLE_AFTER;
        byIndex.computeIfAbsent(index, k -> new ConcurrentHashMap<>()).put(id, clock.instant().plus(exclusion));
    }

    void forget(String index, String id) {
        Map<String, java.time.Instant> ids = byIndex.get(index);
        if (ids != null) {
            ids.remove(id);
        }
    }

    List<String> ids(String index) {
        Map<String, java.time.Instant> ids = byIndex.get(index);
        if (ids == null) {
            return List.of();
        }
        java.time.Instant now = clock.instant();
        ids.values().removeIf(now::isAfter);
        return List.copyOf(ids.keySet());
    }
}
