package org.samenkracht.common.web;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Pages never show a stack trace: refusals, unknown ids, conflicts and unexpected faults each get a
 * page in the user's language that says what happened and what to do.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(AccessRefused.class)
    String refused(AccessRefused e, Model model, HttpServletResponse response) {
        return page(model, response, HttpStatus.FORBIDDEN, e.reasonKey());
    }

    @ExceptionHandler({NotFound.class, MethodArgumentTypeMismatchException.class})
    String notFound(Exception e, Model model, HttpServletResponse response) {
        return page(model, response, HttpStatus.NOT_FOUND, "error.notFound");
    }

    /** A rule only the database holds refused the input; nothing was saved. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    String refusedByDatabase(DataIntegrityViolationException e, Model model, HttpServletResponse response) {
        log.info("Input refused by a database constraint: {}", e.getMostSpecificCause().getClass().getSimpleName());
        return page(model, response, HttpStatus.UNPROCESSABLE_CONTENT, "error.invalid");
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    String conflict(OptimisticLockingFailureException e, Model model, HttpServletResponse response) {
        return page(model, response, HttpStatus.CONFLICT, "error.conflict");
    }

    @ExceptionHandler({RuleViolation.class, MissingServletRequestParameterException.class})
    String rule(Exception e, Model model, HttpServletResponse response) {
        if (e instanceof RuleViolation v) {
            model.addAttribute("errorArgs", v.args());
            return page(model, response, HttpStatus.UNPROCESSABLE_CONTENT, v.messageKey());
        }
        return page(model, response, HttpStatus.BAD_REQUEST, "error.badRequest");
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, Model model, HttpServletResponse response) {
        log.error("Unexpected error on a page", e);
        return page(model, response, HttpStatus.INTERNAL_SERVER_ERROR, "error.unexpected");
    }

    private static String page(Model model, HttpServletResponse response, HttpStatus status, String messageKey) {
        response.setStatus(status.value());
        model.addAttribute("status", status.value());
        model.addAttribute("messageKey", messageKey);
        return "error";
    }
}
