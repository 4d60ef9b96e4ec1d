package io.labelloop.store;

/** The index (or, for an update, the document) a request named does not exist (HTTP 404). */
public class StoreNotFoundException extends StoreException {

    StoreNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
