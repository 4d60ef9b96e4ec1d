package io.labelloop.component;

import io.labelloop.loop.LoopException;
import java.util.List;

/** An endpoint option whose value the loop cannot use; knows the options, so the error can point at their line. */
final class OptionException extends LoopException {

    private final List<String> options;

    OptionException(String loop, List<String> options, String message) {
        super(loop, message);
        this.options = List.copyOf(options);
    }

    /** The option or options (for a range: both bounds) at fault, as named in the route. */
    List<String> options() {
        return options;
    }
}
