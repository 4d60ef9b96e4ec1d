package io.labelloop.dataset;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Datasets written through this process since their last refresh, so that an export, a search page or the stats
 * that follow a user's own write include it (read your own writes) at the price of one refresh per read after a
 * write, and none for reads in between, instead of a {@code wait_for} (up to the 1 s refresh interval) on every label.
 */
final class WrittenSinceRefresh {

    private final Set<String> written = ConcurrentHashMap.newKeySet();

    /** Called after a write has returned. */
    void wrote(String dataset) {
        written.add(dataset);
    }

    /**
     * True once per write burst: the caller refreshes. Taken before the refresh, so a write that lands while it
     * runs marks the dataset again for the next read.
     */
    boolean takeWritten(String dataset) {
        return written.remove(dataset);
    }
}
