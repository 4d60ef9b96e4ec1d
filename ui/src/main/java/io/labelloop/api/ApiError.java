package io.labelloop.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The one body of every error under {@code /api}: the HTTP status, a sentence saying what is wrong and what to do,
 * the field (query parameter, path part or body field) at fault when there is one, the allowed values when there is
 * a list of them, and for a refused log the records refused.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ApiError(int status, String error, String field, List<String> allowed, List<?> rejected) {

    static ApiError of(int status, String error) {
        return new ApiError(status, error, null, null, null);
    }

    static ApiError of(int status, String error, String field) {
        return new ApiError(status, error, field, null, null);
    }

    ApiError withAllowed(List<String> values) {
        return new ApiError(status, error, field, values, rejected);
    }

    ApiError withRejected(List<?> records) {
        return new ApiError(status, error, field, allowed, records);
    }
}
