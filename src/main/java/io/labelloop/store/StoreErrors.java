package io.labelloop.store;

import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.transport.httpclient5.ResponseException;

/**
 * The one translation of client failures into the store's exceptions. Through {@code ApacheHttpClient5Transport}
 * a refused request arrives either as {@link OpenSearchException} or as {@link ResponseException}, depending on
 * whether the client could parse the error body; both carry the same HTTP status.
 */
final class StoreErrors {

    static final int BAD_REQUEST = 400;
    static final int NOT_FOUND = 404;
    static final int CONFLICT = 409;
    static final int TOO_MANY_REQUESTS = 429;

    private StoreErrors() {
    }

    /** The HTTP status carried by the exception or one of its causes, or -1. */
    static int status(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OpenSearchException ose) {
                return ose.status();
            }
            if (t instanceof ResponseException re) {
                return re.status();
            }
        }
        return -1;
    }

    /** The failure of {@code what} at {@code where}, as the exception its status calls for. */
    static StoreException translate(String what, String where, Exception e) {
        if (e instanceof StoreException known) {
            return known;
        }
        String message = "OpenSearch " + what + " failed at " + where + ": " + e.getMessage();
        return switch (status(e)) {
            case CONFLICT -> new StoreConflictException(message, e);
            case NOT_FOUND -> new StoreNotFoundException(message, e);
            case BAD_REQUEST -> new BadQueryException(message, e);
            default -> new StoreUnavailableException(message, e);
        };
    }
}
