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
    static final long VISIBLE_AFTER_NANOS = 5_000_000_000L;

    private final Map<String, Map<String, Long>> byIndex = new ConcurrentHashMap<>();

    /** Excludes the entry until it is surely searchable, or until its lease ends if that is sooner. */
    void claimed(String index, String id, java.time.Duration lease) {
        long exclusion = Math.min(VISIBLE_AFTER_NANOS, lease.toNanos());
        byIndex.computeIfAbsent(index, k -> new ConcurrentHashMap<>()).put(id, System.nanoTime() + exclusion);
    }

    void forget(String index, String id) {
        Map<String, Long> ids = byIndex.get(index);
        if (ids != null) {
            ids.remove(id);
        }
    }

    List<String> ids(String index) {
        Map<String, Long> ids = byIndex.get(index);
        if (ids == null) {
            return List.of();
        }
        long now = System.nanoTime();
        ids.values().removeIf(until -> now - until > 0);
        return List.copyOf(ids.keySet());
    }
}
