package io.labelloop.loop;

/**
 * A loop's long task stopped at a safe point because the loop is being paused. Not a failure: what it did is stored
 * and it continues from there on resume (the routes record such a run as paused).
 */
public class LoopPausedException extends LoopException {

    /** The exchange property that holds the pause of an exchange the component ended quietly for it. */
    public static final String EXCHANGE_PROPERTY = "LabelloopPause";

    public LoopPausedException(String loop, String message) {
        super(loop, message);
    }
}
