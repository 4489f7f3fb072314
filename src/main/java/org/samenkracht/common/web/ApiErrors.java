package org.samenkracht.common.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JSON API answers faults as RFC 9457 problem details in the user's language: 400 for
 * unreadable input, 422 with the fields named for invalid input, 403, 404, 409 for conflicts.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
    private final MessageSource messages;

    ApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(BindException.class)
    ProblemDetail invalid(BindException e) {
        Map<String, String> fields = new LinkedHashMap<>();
        e.getFieldErrors().forEach(f -> fields.putIfAbsent(f.getField(),
                messages.getMessage(f, LocaleContextHolder.getLocale())));
        e.getGlobalErrors().forEach(g -> fields.putIfAbsent(g.getObjectName(),
                messages.getMessage(g, LocaleContextHolder.getLocale())));
        ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_CONTENT, "error.invalid");
        p.setProperty("fields", fields);
        return p;
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParameters(HandlerMethodValidationException e) {
        Map<String, String> fields = new LinkedHashMap<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
                fields.putIfAbsent(r.getMethodParameter().getParameterName(),
                        messages.getMessage(err, LocaleContextHolder.getLocale()))));
        ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_CONTENT, "error.invalid");
        p.setProperty("fields", fields);
        return p;
    }

    @ExceptionHandler(RuleViolation.class)
    ProblemDetail rule(RuleViolation e) {
        ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_CONTENT, "error.invalid");
        p.setProperty("fields", Map.of(e.field(), text(e.messageKey(), e.args())));
        return p;
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MissingServletRequestParameterException.class,
            HttpMediaTypeNotSupportedException.class})
    ProblemDetail unreadable(Exception e) {
        return problem(HttpStatus.BAD_REQUEST, "error.badRequest");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "error.badRequest");
    }

    @ExceptionHandler(AccessRefused.class)
    ProblemDetail refused(AccessRefused e) {
        return problem(HttpStatus.FORBIDDEN, e.reasonKey());
    }

    @ExceptionHandler({NotFound.class, MethodArgumentTypeMismatchException.class})
    ProblemDetail notFound(Exception e) {
        return problem(HttpStatus.NOT_FOUND, "error.notFound");
    }

    /** A rule only the database holds (a check or a reference) refused the input; nothing was saved. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail refusedByDatabase(DataIntegrityViolationException e) {
        log.info("Input refused by a database constraint: {}", e.getMostSpecificCause().getClass().getSimpleName());
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "error.invalid");
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ProblemDetail conflict(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "error.conflict");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error in the API", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected");
    }

    private ProblemDetail problem(HttpStatus status, String key) {
        ProblemDetail p = ProblemDetail.forStatus(status);
        p.setTitle(text("error.title." + status.value(), new Object[0]));
        p.setDetail(text(key, new Object[0]));
        return p;
    }

    private String text(String key, Object[] args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }
}
