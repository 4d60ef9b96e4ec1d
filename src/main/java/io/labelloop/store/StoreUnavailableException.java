package io.labelloop.store;

/** OpenSearch cannot be reached or answered with an error; the message names the cluster setting to check. */
public class StoreUnavailableException extends StoreException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
