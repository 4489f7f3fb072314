package org.samenkracht.signals.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.common.web.MessageTexts;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A form post of the signals pages: runs the change; a rule that refuses it brings the same page back (422) with what
 * was typed and the refused field marked, a change made meanwhile (409) with the conflict message and what was typed.
 * Never the general error page. The forms bound to a command object ({@link BindingResult}) use {@link #reject}.
 */
@Component
class SignalForms {

    private final MessageSource messages;

    SignalForms(MessageSource messages) {
        this.messages = messages;
    }

    /**
     * Runs {@code change} (which answers where to go next); on a refusal answers {@code page} with {@code refused} in the
     * model for {@code form}, taking what was typed from the request.
     */
    String post(String form, HttpServletRequest request, HttpServletResponse response, Model model,
                Supplier<String> change, Supplier<String> page) {
        try {
            return change.get();
        } catch (RuleViolation v) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("refused", new RefusedForm(form, v.field(), text(v.messageKey(), v.args()), false, typed(request)));
        } catch (OptimisticLockingFailureException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("refused", new RefusedForm(form, null, text("error.conflict", null), true, typed(request)));
        }
        return page.get();
    }

    /**
     * For a form bound to a command: runs {@code change}; a rule that refuses it marks its field in {@code errors}, a
     * change made meanwhile is a global error with the conflict message (status 409). Returns the next page, or null
     * when refused (the caller shows the form again with status 422 unless the response already says 409).
     */
    String reject(BindingResult errors, HttpServletResponse response, Supplier<String> change) {
        try {
            return change.get();
        } catch (RuleViolation v) {
            try {
                errors.rejectValue(v.field(), v.messageKey(), v.args(), text(v.messageKey(), v.args()));
            } catch (org.springframework.beans.NotReadablePropertyException notAField) {
                errors.reject(v.messageKey(), v.args(), text(v.messageKey(), v.args()));
            }
        } catch (OptimisticLockingFailureException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            errors.reject("error.conflict", text("error.conflict", null));
        }
        return null;
    }

    /** A required id typed into a form (a file or signal number): refused with its field named when it is not one. */
    static UUID id(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new RuleViolation(field, "validation.required");
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(field, "signals.validation.number");
        }
    }

    /** Optional text, refused with its own field named when too long. */
    static String within(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new RuleViolation(field, "validation.tooLong", max);
        }
        return value;
    }

    /** Required text, refused with its own field named when empty or too long. */
    static String require(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new RuleViolation(field, "validation.required");
        }
        return within(field, value, max);
    }

    private String text(String key, Object[] args) {
        return MessageTexts.text(messages, key, args, LocaleContextHolder.getLocale());
    }

    private static Map<String, List<String>> typed(HttpServletRequest request) {
        Map<String, List<String>> typed = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!"_csrf".equals(name)) {
                typed.put(name, List.of(values));
            }
        });
        return typed;
    }

    /** Every signals page may show a refused form: nothing refused unless a post says so. */
    @ControllerAdvice(assignableTypes = {SignalPages.class, SignalPages.MeetingPages.class, SignalPages.OrganisationPages.class,
            PartnerNetworkPages.class})
    static class NothingRefused {
        @ModelAttribute("refused")
        RefusedForm refused() {
            return RefusedForm.NONE;
        }
    }
}
