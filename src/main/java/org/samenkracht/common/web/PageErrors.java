package org.samenkracht.common.web;

import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.common.domain.NotFound;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Pages never show a stack trace: refusals, unknown ids, conflicts and unexpected faults each get a
 * page in the user's language that says what happened and what to do. The page cannot fail itself
 * ({@link ErrorPage}), and a refused form shows again what was typed into it.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    private final ErrorPage page;

    PageErrors(ErrorPage page) {
        this.page = page;
    }

    @ExceptionHandler(AccessRefused.class)
    ModelAndView refused(AccessRefused e, HttpServletRequest request, Model model) {
        return page(request, model, HttpStatus.FORBIDDEN, e.reasonKey());
    }

    @ExceptionHandler({NotFound.class, NoResourceFoundException.class})
    ModelAndView notFound(Exception e, HttpServletRequest request, Model model) {
        return page(request, model, HttpStatus.NOT_FOUND, "error.notFound");
    }

    /** A bad value in the path is an unknown page; a bad value in a form or query is unreadable input. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ModelAndView mismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request, Model model) {
        boolean inPath = e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class);
        return inPath ? page(request, model, HttpStatus.NOT_FOUND, "error.notFound")
                : page(request, model, HttpStatus.BAD_REQUEST, "error.badRequest");
    }

    /** A rule only the database holds refused the input; nothing was saved. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ModelAndView refusedByDatabase(DataIntegrityViolationException e, HttpServletRequest request, Model model) {
        log.info("Input refused by a database constraint: {}", e.getMostSpecificCause().getClass().getSimpleName());
        return page(request, model, HttpStatus.UNPROCESSABLE_CONTENT, "error.invalid");
    }

    /** A request the firewall will not read (a parameter name with a line break): bad input, not a fault. */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ModelAndView rejected(Exception e, HttpServletRequest request, Model model) {
        return page(request, model, HttpStatus.BAD_REQUEST, "error.badRequest");
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ModelAndView conflict(OptimisticLockingFailureException e, HttpServletRequest request, Model model) {
        return page(request, model, HttpStatus.CONFLICT, "error.conflict");
    }

    @ExceptionHandler(RuleViolation.class)
    ModelAndView rule(RuleViolation e, HttpServletRequest request, Model model) {
        return ErrorPage.modelAndView(page.view(request, HttpStatus.UNPROCESSABLE_CONTENT, e.messageKey(), e.args()),
                model.asMap(), HttpStatus.UNPROCESSABLE_CONTENT);
    }

    /** A form the controller did not check itself: refused, with the typed text given back. */
    @ExceptionHandler({BindException.class, HandlerMethodValidationException.class})
    ModelAndView invalid(Exception e, HttpServletRequest request, Model model) {
        return page(request, model, HttpStatus.UNPROCESSABLE_CONTENT, "error.invalid");
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MissingServletRequestPartException.class,
            ServletRequestBindingException.class, MultipartException.class})
    ModelAndView unreadable(Exception e, HttpServletRequest request, Model model) {
        if (e instanceof MaxUploadSizeExceededException) {
            return page(request, model, HttpStatus.CONTENT_TOO_LARGE, "error.tooLarge");
        }
        return page(request, model, HttpStatus.BAD_REQUEST, "error.badRequest");
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ModelAndView unsupported(Exception e, HttpServletRequest request, Model model) {
        return page(request, model, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "error.unsupportedType");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ModelAndView notAcceptable(Exception e, HttpServletRequest request, Model model) {
        return page(request, model, HttpStatus.NOT_ACCEPTABLE, "error.notAcceptable");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ModelAndView method(Exception e, HttpServletRequest request, Model model) {
        return page(request, model, HttpStatus.METHOD_NOT_ALLOWED, "error.page.405");
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e, HttpServletRequest request, Model model) {
        log.error("Unexpected error on a page", e);
        return page(request, model, HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected");
    }

    private ModelAndView page(HttpServletRequest request, Model model, HttpStatus status, String messageKey) {
        return ErrorPage.modelAndView(page.view(request, status, messageKey, null), model.asMap(), status);
    }
}
