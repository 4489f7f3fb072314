package org.samenkracht.signals.web;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a signals page needs to show a refused form again (model attribute {@code refused}, templates
 * {@code signals/refused.html}): which form ({@code form}, for a form per row its key with the row's id), the refused
 * field (null for a conflict), the message in the reader's language, and what was typed, by field. Every signals page
 * has one; {@link #NONE} when nothing was refused, so a template can always ask.
 */
public record RefusedForm(String form, String field, String message, boolean conflict, Map<String, List<String>> typed) {

    public static final RefusedForm NONE = new RefusedForm(null, null, null, false, Map.of());

    /** Whether {@code form} is the one that came back refused. */
    public boolean isFor(String form) {
        return this.form != null && this.form.equals(form);
    }

    /** Whether {@code field} of {@code form} is the refused one. */
    public boolean marks(String form, String field) {
        return isFor(form) && this.field != null && this.field.equals(field);
    }

    /** Whether the refused field is one of {@code fields} (names, comma-separated): then it is marked at its place. */
    public boolean onForm(String fields) {
        return field != null && java.util.Arrays.stream(fields.split(",")).map(String::strip).anyMatch(field::equals);
    }

    /** {@code aria-invalid} of a field: "true" on the refused one, otherwise none (the attribute is left out). */
    public String invalid(String form, String field) {
        return marks(form, field) ? "true" : null;
    }

    /** {@code aria-describedby} of a field: its message on the refused one, otherwise none. */
    public String describedBy(String form, String field) {
        return marks(form, field) ? errorId() : null;
    }

    /** The id of the refused field's message, unique in the page. */
    public String errorId() {
        return (form + "-" + field + "-error").replaceAll("[^A-Za-z0-9_-]", "-");
    }

    /** The value to show: what was typed in the refused form, otherwise {@code shown} (the stored value or a default). */
    public Object value(String form, String field, Object shown) {
        if (!isFor(form)) {
            return shown;
        }
        List<String> values = typed.get(field);
        return values == null || values.isEmpty() ? "" : values.get(0);
    }

    /** Whether a choice (radio, option, checkbox) is on: as typed in the refused form, otherwise {@code shown}. */
    public boolean chosen(String form, String field, Object choice, boolean shown) {
        if (!isFor(form)) {
            return shown;
        }
        List<String> values = typed.get(field);
        return values != null && choice != null && values.contains(Objects.toString(choice));
    }
}
