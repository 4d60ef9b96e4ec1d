package io.labelloop.loop;

/** A loop step or a loop file that cannot be used as it is; the message names the loop and what to fix. */
public class LoopException extends RuntimeException {

    private final String loop;

    public LoopException(String loop, String message) {
        super("loop '" + loop + "': " + message);
        this.loop = loop;
    }

    public LoopException(String loop, String message, Throwable cause) {
        super("loop '" + loop + "': " + message, cause);
        this.loop = loop;
    }

    /** The loop's name. */
    public String loop() {
        return loop;
    }
}
