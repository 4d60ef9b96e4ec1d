package io.labelloop.api;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import io.labelloop.dataset.DatasetNotFoundException;
import io.labelloop.dataset.RecordNotFoundException;
import io.labelloop.dataset.ImportException;
import io.labelloop.dataset.StaleWriteException;
import io.labelloop.loop.LoopException;

/** Errors as JSON with a status that tells a script what to do: 400 fix the request, 404 name, 409 reload. */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    @ExceptionHandler({DatasetNotFoundException.class, RecordNotFoundException.class, LoopException.class})
    ResponseEntity<Map<String, Object>> notFound(RuntimeException e) {
        return error(HttpStatus.NOT_FOUND, e);
    }

    @ExceptionHandler({StaleWriteException.class, IllegalStateException.class})
    ResponseEntity<Map<String, Object>> stale(RuntimeException e) {
        return error(HttpStatus.CONFLICT, e);
    }

    @ExceptionHandler({IllegalArgumentException.class, ImportException.class, HttpMessageNotReadableException.class,
            MethodArgumentTypeMismatchException.class})
    ResponseEntity<Map<String, Object>> badRequest(Exception e) {
        return error(HttpStatus.BAD_REQUEST, e);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Map<String, Object>> forbidden(Exception e) {
        return error(HttpStatus.FORBIDDEN, e);
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return ResponseEntity.status(status).body(Map.of("status", status.value(), "error", message));
    }
}
