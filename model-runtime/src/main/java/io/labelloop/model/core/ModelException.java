package io.labelloop.model.core;

/**
 * A model could not be loaded, saved or run: a missing, corrupt or mismatching file, or an engine error.
 * The message names the file or setting concerned.
 */
public class ModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An error with a message that names the file, field or setting. */
    public ModelException(String message) {
        super(message);
    }

    /** An error with a message that names the file, field or setting, and its cause. */
    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
