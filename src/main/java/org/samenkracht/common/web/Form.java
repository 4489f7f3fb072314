package org.samenkracht.common.web;

import org.springframework.context.MessageSource;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A form's state for a compiled template, as Thymeleaf's {@code th:field} and {@code #fields} give it:
 * the value to show (what was typed, also when it was refused), whether an option is chosen, and the
 * errors in the reader's language. Without a binding result (a page that shows no form) it is empty.
 */
public final class Form {

    private final BindingResult result;
    private final MessageSource messages;
    private final Locale locale;

    Form(BindingResult result, MessageSource messages, Locale locale) {
        this.result = result;
        this.messages = messages;
        this.locale = locale;
    }

    /** Whether anything in the form was refused. */
    public boolean hasErrors() {
        return result != null && result.hasErrors();
    }

    public boolean hasErrors(String field) {
        return result != null && result.hasFieldErrors(field);
    }

    /** The value to show in a field: what was typed if it was refused, else the form's value, formatted; "" for none. */
    public String value(String field) {
        if (result == null) {
            return "";
        }
        Object v = result.getFieldValue(field);
        return v == null ? "" : String.valueOf(v);
    }

    /** Whether an option (of a select, a radio or a checkbox list) is the field's value or among its values. */
    public boolean chosen(String field, Object option) {
        if (result == null) {
            return false;
        }
        // the raw value: formatted, a set of kinds would be one string ("PRACTICAL,COMPANY"); what was typed if refused
        Object v = result.hasFieldErrors(field) ? result.getFieldValue(field) : result.getRawFieldValue(field);
        String wanted = String.valueOf(option);
        if (v instanceof Collection<?> values) {
            return values.stream().anyMatch(x -> wanted.equals(String.valueOf(x)));
        }
        if (v instanceof Object[] values) {
            return java.util.Arrays.stream(values).anyMatch(x -> wanted.equals(String.valueOf(x)));
        }
        return v != null && wanted.equals(String.valueOf(v));
    }

    /** Whether a yes/no field is yes. */
    public boolean checked(String field) {
        return chosen(field, Boolean.TRUE);
    }

    /** The field's errors in the reader's language. */
    public List<String> errors(String field) {
        if (result == null) {
            return List.of();
        }
        return result.getFieldErrors(field).stream().map(this::message).toList();
    }

    /** The errors that belong to the whole form, in the reader's language. */
    public List<String> globalErrors() {
        if (result == null) {
            return List.of();
        }
        return result.getGlobalErrors().stream().map(this::message).toList();
    }

    private String message(org.springframework.context.MessageSourceResolvable error) {
        String text = messages.getMessage(error, locale);
        return error instanceof FieldError f && text.isEmpty() ? f.getField() : text;
    }
}
