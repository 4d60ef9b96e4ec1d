package io.labelloop.store;

/**
 * A document as read from the store, with the version a conditional write can name.
 *
 * @param source null when the search asked for no source
 */
public record Stored<T>(String id, T source, Version version) {
}
