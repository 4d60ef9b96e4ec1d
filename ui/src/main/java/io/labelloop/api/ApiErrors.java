package io.labelloop.api;

import java.util.Arrays;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import com.fasterxml.jackson.databind.JsonMappingException;

import io.labelloop.dataset.DatasetNotFoundException;
import io.labelloop.dataset.ImportException;
import io.labelloop.dataset.InvalidCursorException;
import io.labelloop.dataset.InvalidRecordsException;
import io.labelloop.dataset.RecordNotFoundException;
import io.labelloop.dataset.StaleWriteException;
import io.labelloop.loop.LoopException;
import io.labelloop.store.StoreUnavailableException;
import jakarta.servlet.ServletException;
import org.springframework.web.ErrorResponseException;

/**
 * Errors as {@link ApiError} JSON with a status that tells a script what to do: 400 fix the request (the field named),
 * 404 name, 409 reload, 503 try again later. Errors raised before a controller is chosen (401, 403, 404 route, 405)
 * get the same body from {@link ApiErrorFilter} and {@link UnknownEndpoints}.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    @ExceptionHandler({DatasetNotFoundException.class, RecordNotFoundException.class, LoopException.class})
    ResponseEntity<ApiError> notFound(RuntimeException e) {
        return error(HttpStatus.NOT_FOUND, e, null);
    }

    @ExceptionHandler({StaleWriteException.class, IllegalStateException.class})
    ResponseEntity<ApiError> stale(RuntimeException e) {
        return error(HttpStatus.CONFLICT, e, null);
    }

    @ExceptionHandler(BadRequestException.class)
    ResponseEntity<ApiError> badField(BadRequestException e) {
        return ResponseEntity.badRequest().body(ApiError.of(400, e.getMessage(), e.field()).withAllowed(e.allowed()));
    }

    @ExceptionHandler(InvalidCursorException.class)
    ResponseEntity<ApiError> badCursor(InvalidCursorException e) {
        return error(HttpStatus.BAD_REQUEST, e, "after");
    }

    @ExceptionHandler(InvalidRecordsException.class)
    ResponseEntity<ApiError> badRecords(InvalidRecordsException e) {
        ApiError body = ApiError.of(400, e.getMessage(), e.field()).withRejected(e.rejected());
        return ResponseEntity.badRequest().body(body);
    }

    @ExceptionHandler({IllegalArgumentException.class, ImportException.class})
    ResponseEntity<ApiError> badRequest(Exception e) {
        return error(HttpStatus.BAD_REQUEST, e, null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> badParameter(MethodArgumentTypeMismatchException e) {
        List<String> allowed = constants(e.getRequiredType());
        String message = "'" + e.getValue() + "' is not a valid " + e.getName()
                + (allowed == null ? "" : ": use one of " + allowed);
        return ResponseEntity.badRequest().body(ApiError.of(400, message, e.getName()).withAllowed(allowed));
    }

    /** A bad query parameter of a filter (e.g. {@code status=FOO}, {@code maxScore=high}). */
    @ExceptionHandler(BindException.class)
    ResponseEntity<ApiError> badFilter(BindException e) {
        FieldError first = e.getFieldError();
        if (first == null) {
            return error(HttpStatus.BAD_REQUEST, e, null);
        }
        List<String> allowed = RecordFilter.allowedValues(first.getField());
        String message = "'" + first.getRejectedValue() + "' is not a valid " + first.getField()
                + (allowed == null ? numberHint(first.getField()) : ": use one of " + allowed);
        return ResponseEntity.badRequest().body(ApiError.of(400, message, first.getField()).withAllowed(allowed));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        return error(HttpStatus.BAD_REQUEST, e, e.getParameterName());
    }

    /** A body that is not JSON, or JSON of the wrong shape: names the field where Jackson stopped. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof BodyLimit.TooLarge tooLarge) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(ApiError.of(413, tooLarge.getMessage()));
        }
        String field = e.getCause() instanceof JsonMappingException m ? fieldPath(m.getPath()) : null;
        String reason = e.getCause() instanceof JsonMappingException m ? m.getOriginalMessage() : "missing or not JSON";
        String message = "the request body is not valid JSON for this call: " + firstLine(reason);
        return ResponseEntity.badRequest().body(ApiError.of(400, message, field));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> forbidden(Exception e) {
        return error(HttpStatus.FORBIDDEN, e, null);
    }

    @ExceptionHandler(StoreUnavailableException.class)
    ResponseEntity<ApiError> unavailable(StoreUnavailableException e) {
        return error(HttpStatus.SERVICE_UNAVAILABLE, e, null);
    }

    /** Spring's own request errors (405, 406, 415, ...) keep their status and get the one body. */
    @ExceptionHandler({ServletException.class, ErrorResponseException.class})
    ResponseEntity<ApiError> spring(Exception e) {
        if (!(e instanceof ErrorResponse response)) {
            return error(HttpStatus.INTERNAL_SERVER_ERROR, e, null);
        }
        int status = response.getStatusCode().value();
        String detail = response.getBody().getDetail();
        return ResponseEntity.status(status).body(ApiError.of(status, detail == null ? e.getMessage() : detail));
    }

    private static ResponseEntity<ApiError> error(HttpStatus status, Exception e, String field) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return ResponseEntity.status(status).body(ApiError.of(status.value(), message, field));
    }

    private static List<String> constants(Class<?> type) {
        return type != null && type.isEnum()
                ? Arrays.stream(type.getEnumConstants()).map(Object::toString).toList() : null;
    }

    private static String numberHint(String field) {
        return field.endsWith("Score") ? ": use a number from 0 to 1" : "";
    }

    /** Jackson's path as the API names fields: {@code revision}, {@code records[0].predictions}. */
    private static String fieldPath(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference step : path) {
            if (step.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                field.append(field.isEmpty() ? "records" : "").append('[').append(step.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? null : field.toString();
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return end < 0 ? text : text.substring(0, end);
    }
}
