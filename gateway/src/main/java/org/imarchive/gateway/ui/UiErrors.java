package org.imarchive.gateway.ui;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Errors of the pages as pages (the API's handler answers JSON): what was not found or refused, and why. It runs before
 * the API's handler, which covers the whole gateway package.
 */
@ControllerAdvice(basePackageClasses = UiErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UiErrors {

    @ExceptionHandler(NoSuchElementException.class)
    ModelAndView notFound(NoSuchElementException e) {
        return page(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(IllegalStateException.class)
    ModelAndView conflict(IllegalStateException e) {
        return page(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ModelAndView badRequest(IllegalArgumentException e) {
        return page(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    private static ModelAndView page(HttpStatus status, String reason) {
        return new ModelAndView("error", Map.of("status", status.value(), "error", status.getReasonPhrase(), "reason", reason), status);
    }
}
