package io.labelloop.store;

/** A named summary of the matching documents, read back from {@link Aggregations}. */
public sealed interface Aggregation {

    String name();

    /** Counts per value of a keyword field, the {@code size} most frequent. */
    static Aggregation terms(String name, String field, int size) {
        return new Terms(name, field, size);
    }

    /** Counts per bucket of {@code width} of a numeric field, empty buckets included from {@code min} to {@code max}. */
    static Aggregation histogram(String name, String field, double width, double min, double max) {
        return new Histogram(name, field, width, min, max);
    }

    /** Counts per keyword value. */
    record Terms(String name, String field, int size) implements Aggregation {
    }

    /** Counts per numeric bucket. */
    record Histogram(String name, String field, double width, double min, double max) implements Aggregation {
    }
}
