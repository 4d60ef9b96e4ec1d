package io.labelloop.store;

import java.util.List;

/**
 * One page of search results.
 *
 * @param total the number of matches (exact when the search asked for it), -1 when not counted
 * @param last  the position after the last hit, for {@link Search#after}; null when there are no hits
 */
public record Hits<T>(List<Stored<T>> hits, long total, Cursor last) {

    /** The documents, without ids or versions. */
    public List<T> sources() {
        return hits.stream().map(Stored::source).toList();
    }
}
