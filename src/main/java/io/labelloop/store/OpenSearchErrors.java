package io.labelloop.store;

import org.opensearch.client.opensearch._types.OpenSearchException;
import org.opensearch.client.transport.httpclient5.ResponseException;

/**
 * Reads HTTP statuses out of client exceptions. Through {@code ApacheHttpClient5Transport} a refused conditional
 * write arrives either as {@link OpenSearchException} or as {@link ResponseException}, depending on whether the
 * client could parse the error body; both must count as the same conflict.
 */
public final class OpenSearchErrors {

    private OpenSearchErrors() {
    }

    /** The HTTP status carried by the exception or one of its causes, or -1. */
    public static int status(Throwable e) {
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

    /** True for a 409: the document changed since it was read (if_seq_no) or already exists (op_type=create). */
    public static boolean isConflict(Throwable e) {
        return status(e) == 409;
    }

    /** True for a 404, e.g. a missing index or document. */
    public static boolean isNotFound(Throwable e) {
        return status(e) == 404;
    }

    /** True when the cluster pushed back (429: queue full) and the request may be retried later. */
    public static boolean isBackPressure(Throwable e) {
        return status(e) == 429;
    }
}
