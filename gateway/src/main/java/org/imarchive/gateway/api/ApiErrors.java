package org.imarchive.gateway.api;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Map;

/** One error shape for the whole API: {@code {"status": 4xx, "reason": "..."}}. */
@RestControllerAdvice(basePackages = "org.imarchive.gateway")
public class ApiErrors {

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> refused(ApiException e) {
        return ResponseEntity.status(e.status()).body(Map.of("status", e.status().value(), "reason", e.getMessage()));
    }

    @ExceptionHandler(org.imarchive.archive.search.InvalidQueryException.class)
    ResponseEntity<Map<String, Object>> invalidQuery(org.imarchive.archive.search.InvalidQueryException e) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("status", 400);
        body.put("reason", e.getMessage());
        body.put("column", e.column());
        if (e.token() != null) {
            body.put("token", e.token());
        }
        return ResponseEntity.badRequest().body(body);
    }

    @ExceptionHandler(IllegalStateException.class)
    ResponseEntity<Map<String, Object>> conflict(IllegalStateException e) {
        return ResponseEntity.status(409).body(Map.of("status", 409, "reason", e.getMessage()));
    }

    @ExceptionHandler(java.util.NoSuchElementException.class)
    ResponseEntity<Map<String, Object>> notFound(java.util.NoSuchElementException e) {
        return ResponseEntity.status(404).body(Map.of("status", 404, "reason", e.getMessage()));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(Map.of("status", 400, "reason", e.getMessage()));
    }
}
