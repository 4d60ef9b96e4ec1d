package io.labelloop.store;

/**
 * A conditional write was refused (HTTP 409): the document changed since the {@link Version} it named was read,
 * or a create found the id taken.
 */
public class StoreConflictException extends StoreException {

    StoreConflictException(String message, Throwable cause) {
        super(message, cause);
    }
}
