package io.labelloop.store;

/**
 * One sort key of a search.
 *
 * @param field       the field sorted on
 * @param descending  highest first
 * @param nullsLast   documents without the field come after all others whatever the order
 */
public record Sort(String field, boolean descending, boolean nullsLast) {

    /** Lowest first. */
    public static Sort asc(String field) {
        return new Sort(field, false, false);
    }

    /** Highest first. */
    public static Sort desc(String field) {
        return new Sort(field, true, false);
    }

    /** The same key, documents without the field last. */
    public Sort missingLast() {
        return new Sort(field, descending, true);
    }
}
