package io.labelloop.queue.ui;

/**
 * Says when the labeling queue of a dataset fills again, for the view's "nothing to label" state. Implemented where
 * the loops are known ({@code control.ui}), so that the queue's view depends on no loop.
 */
public interface RefillForecast {

    /** One or two sentences with the numbers that matter: labels still needed, the running step and its ETA. */
    String whenRefilled(String dataset);

    /** True when a loop fills this dataset's queue: the view opens on such a dataset before the others. */
    boolean fedByLoop(String dataset);
}
