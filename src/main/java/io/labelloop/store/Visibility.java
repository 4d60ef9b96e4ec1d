package io.labelloop.store;

/** When a write shows in searches and counts (a get sees it at once either way). */
public enum Visibility {
    /** After the index's next refresh (1 s by default): no extra Lucene work per write. */
    NEAR_REAL_TIME,
    /** When the call returns: costs a refresh, for rare writes that must be searchable at once. */
    IMMEDIATE
}
