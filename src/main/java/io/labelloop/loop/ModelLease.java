package io.labelloop.loop;

import io.labelloop.model.TextClassifier;

/**
 * One use of a loop's model, e.g. a scoring run: while any lease is open the model stays usable even if a promote
 * replaced it or it was released; it closes when the last lease closes. Use in try-with-resources.
 */
final class ModelLease implements AutoCloseable {

    private final SharedModel shared;
    private boolean closed;

    ModelLease(SharedModel shared) {
        this.shared = shared;
    }

    TextClassifier model() {
        if (closed) {
            throw new IllegalStateException("lease on " + shared.model().version() + " was closed");
        }
        return shared.model();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            shared.release();
        }
    }
}
