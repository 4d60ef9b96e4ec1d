package io.labelloop.store;

/** OpenSearch could not parse or run the request as asked (HTTP 400), e.g. a query-string search a user typed. */
public class BadQueryException extends StoreException {

    BadQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
