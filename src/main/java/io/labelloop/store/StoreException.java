package io.labelloop.store;

/**
 * The store refused or failed a request; the message says what was asked and where. Subclasses name the causes
 * callers handle: {@link StoreConflictException}, {@link StoreNotFoundException}, {@link BadQueryException} and
 * {@link StoreUnavailableException}.
 */
public abstract class StoreException extends RuntimeException {

    protected StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
