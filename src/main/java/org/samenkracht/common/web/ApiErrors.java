package org.samenkracht.common.web;

import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.common.domain.NotFound;
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
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
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
 * unreadable input (the field named where it is known), 406 for an Accept it cannot answer, 415 for
 * a body type it does not read, 422 with the fields named for invalid input, 403, 404, 409 for
 * conflicts. Answers that never reach a controller are written by {@link ErrorAnswers} the same way.
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
    ResponseEntity<ProblemDetail> invalid(BindException e) {
        Map<String, String> fields = new LinkedHashMap<>();
        e.getFieldErrors().forEach(f -> fields.putIfAbsent(f.getField(), f.isBindingFailure()
                ? text("error.field.unreadable", null) : message(f)));
        e.getGlobalErrors().forEach(g -> fields.putIfAbsent(g.getObjectName(), message(g)));
        ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_CONTENT, "error.invalid");
        p.setProperty("fields", fields);
        return answer(p);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
        Map<String, String> fields = new LinkedHashMap<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
                fields.putIfAbsent(r.getMethodParameter().getParameterName(),
                        message(err))));
        ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_CONTENT, "error.invalid");
        p.setProperty("fields", fields);
        return answer(p);
    }

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> rule(RuleViolation e) {
        ProblemDetail p = problem(HttpStatus.UNPROCESSABLE_CONTENT, "error.invalid");
        p.setProperty("fields", Map.of(e.field(), text(e.messageKey(), e.args())));
        e.details().forEach(p::setProperty);
        return answer(p);
    }

    /** A body that is not JSON, or JSON whose values do not fit: 400, naming the field where Jackson knows it. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "error.badRequest");
        String field = fieldOf(e);
        if (field != null) {
            p.setProperty("fields", Map.of(field, text("error.field.unreadable", null)));
        }
        return answer(p);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ProblemDetail> missingParameter(MissingServletRequestParameterException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "error.badRequest");
        p.setProperty("fields", Map.of(e.getParameterName(), text("validation.required", null)));
        return answer(p);
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "error.badRequest");
        p.setProperty("fields", Map.of(e.getRequestPartName(), text("validation.required", null)));
        return answer(p);
    }

    /** A multipart body without a boundary, cut short, or otherwise unreadable. */
    @ExceptionHandler({MultipartException.class, ServletRequestBindingException.class})
    ResponseEntity<ProblemDetail> multipart(Exception e) {
        if (e instanceof MaxUploadSizeExceededException) {
            return answer(problem(HttpStatus.CONTENT_TOO_LARGE, "error.tooLarge"));
        }
        return answer(problem(HttpStatus.BAD_REQUEST, "error.badRequest"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> unsupported(HttpMediaTypeNotSupportedException e) {
        return answer(problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.unsupportedType"));
    }

    /** The client accepts nothing this API writes: 406, still as problem+json (the one error format). */
    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ProblemDetail> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return answer(problem(HttpStatus.NOT_ACCEPTABLE, "error.notAcceptable"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> method(HttpRequestMethodNotSupportedException e) {
        return answer(problem(HttpStatus.METHOD_NOT_ALLOWED, "error.page.405"));
    }

    /** A wrong value in the path names nothing that exists (404); in a query parameter it is bad input (400). */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> mismatch(MethodArgumentTypeMismatchException e) {
        if (e.getParameter().hasParameterAnnotation(PathVariable.class)) {
            return answer(problem(HttpStatus.NOT_FOUND, "error.notFound"));
        }
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "error.badRequest");
        p.setProperty("fields", Map.of(e.getName(), text("error.field.unreadable", null)));
        return answer(p);
    }

    @ExceptionHandler(AccessRefused.class)
    ResponseEntity<ProblemDetail> refused(AccessRefused e) {
        return answer(problem(HttpStatus.FORBIDDEN, e.reasonKey()));
    }

    @ExceptionHandler({NotFound.class, NoResourceFoundException.class})
    ResponseEntity<ProblemDetail> notFound(Exception e) {
        return answer(problem(HttpStatus.NOT_FOUND, "error.notFound"));
    }

    /** A rule only the database holds (a check or a reference) refused the input; nothing was saved. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> refusedByDatabase(DataIntegrityViolationException e) {
        log.info("Input refused by a database constraint: {}", e.getMostSpecificCause().getClass().getSimpleName());
        return answer(problem(HttpStatus.UNPROCESSABLE_CONTENT, "error.invalid"));
    }

    /** A request the firewall will not read (a parameter name with a line break): bad input, not a fault. */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<ProblemDetail> rejected(Exception e) {
        return answer(problem(HttpStatus.BAD_REQUEST, "error.badRequest"));
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> conflict(OptimisticLockingFailureException e) {
        return answer(problem(HttpStatus.CONFLICT, "error.conflict"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected error in the API", e);
        return answer(problem(HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected"));
    }

    /**
     * The answer with its type set beforehand, so content negotiation is skipped: an error is
     * problem+json whatever the Accept header asked for (XML, HTML, an image, or nothing readable).
     */
    private static ResponseEntity<ProblemDetail> answer(ProblemDetail p) {
        return ResponseEntity.status(p.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private ProblemDetail problem(HttpStatus status, String key) {
        ProblemDetail p = ProblemDetail.forStatus(status);
        p.setTitle(text("error.title." + status.value(), new Object[0]));
        p.setDetail(text(key, new Object[0]));
        return p;
    }

    private String text(String key, Object[] args) {
        return MessageTexts.text(messages, key, args, LocaleContextHolder.getLocale());
    }

    /** A validation message in the user's language; never fails on a message it cannot format. */
    private String message(org.springframework.context.MessageSourceResolvable error) {
        try {
            return messages.getMessage(error, LocaleContextHolder.getLocale());
        } catch (RuntimeException e) {
            return text("error.invalid", null);
        }
    }

    /** The JSON path of the value Jackson could not read ("goals[0].term"), or null. */
    static String fieldOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof tools.jackson.databind.DatabindException d && !d.getPath().isEmpty()) {
                StringBuilder path = new StringBuilder();
                for (var ref : d.getPath()) {
                    if (ref.getPropertyName() != null) {
                        path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
                    } else if (ref.getIndex() >= 0) {
                        path.append('[').append(ref.getIndex()).append(']');
                    }
                }
                return path.isEmpty() ? null : path.toString();
            }
        }
        return null;
    }
}
