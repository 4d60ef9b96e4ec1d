package io.labelloop.queue.ui;

/** What an annotator reads when the queue is empty. */
final class QueueEmptyHint {

    static final String TEXT = "The queue refills when the loop scores and selects the next batch: after the "
            + "next training (every N new labels) or when an admin presses \"Trigger now\" in Loops.";

    private QueueEmptyHint() {
    }
}
