package io.labelloop.loop;

import io.labelloop.model.TextClassifier;

/**
 * A classifier counted by its users: once retired (replaced by a promote, or a candidate let go) it closes when
 * the last {@link ModelLease} closes, so a long scoring run never sees its model closed under it. A pinned model
 * (a loop's zero-shot base, which every training starts from) is never closed here.
 */
final class SharedModel {

    private final TextClassifier model;
    private final boolean pinned;
    private int users;
    private boolean retired;
    private boolean closed;

    SharedModel(TextClassifier model, boolean pinned) {
        this.model = model;
        this.pinned = pinned;
    }

    TextClassifier model() {
        return model;
    }

    synchronized ModelLease lease() {
        if (closed) {
            throw new IllegalStateException("model " + model.version() + " is closed");
        }
        users++;
        return new ModelLease(this);
    }

    synchronized void release() {
        users--;
        closeIfUnused();
    }

    /** No new user will come through the loop: close now if unused, else when the last lease closes. */
    synchronized void retire() {
        retired = true;
        closeIfUnused();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    private void closeIfUnused() {
        if (retired && users == 0 && !pinned && !closed) {
            closed = true;
            model.close();
        }
    }
}
