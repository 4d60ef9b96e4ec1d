package io.labelloop.store;

/**
 * What the store did with one {@link BulkOp}.
 *
 * @param status the HTTP status of the item (201 created, 200 updated, 404, 409, 429, ...)
 * @param noop   an update that changed nothing (its script chose not to)
 * @param error  the refusal's type and reason, null when it succeeded
 */
public record BulkItem(String id, int status, boolean noop, String error) {

    /** A new document. */
    public boolean created() {
        return status == 201;
    }

    /** Refused: the document changed since its version was read, or a create found the id taken. */
    public boolean conflict() {
        return status == 409;
    }

    /** Refused: no such document. */
    public boolean missing() {
        return status == 404;
    }

    /** Refused because the cluster was overloaded; the same item may succeed later. */
    public boolean overloaded() {
        return status == 429;
    }

    /** Refused for any reason. */
    public boolean failed() {
        return error != null;
    }
}
