package io.labelloop.api;

import java.util.List;

/** A request value the API refuses with 400, naming the field (query parameter, path part or body field) at fault. */
class BadRequestException extends IllegalArgumentException {

    private final String field;
    private final transient List<String> allowed;

    BadRequestException(String field, String message) {
        this(field, message, null);
    }

    /** With the values the field accepts. */
    BadRequestException(String field, String message, List<String> allowed) {
        super(message);
        this.field = field;
        this.allowed = allowed;
    }

    String field() {
        return field;
    }

    List<String> allowed() {
        return allowed;
    }
}
