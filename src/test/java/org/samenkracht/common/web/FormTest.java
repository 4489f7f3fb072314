package org.samenkracht.common.web;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.validation.BeanPropertyBindingResult;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A compiled template's form state is what th:field and #fields gave the Thymeleaf pages. */
class FormTest {

    enum Kind { PRACTICAL, COMPANY, ADVICE }

    record Member(String name, Set<Kind> kinds, Kind main, boolean consent, LocalDate since) {
    }

    private final StaticMessageSource messages = new StaticMessageSource();

    private Form form(BeanPropertyBindingResult result) {
        return new Form(result, messages, Locale.forLanguageTag("nl"));
    }

    @Test
    void every_chosen_kind_of_a_set_is_chosen_not_only_a_set_of_one() {
        var result = new BeanPropertyBindingResult(
                new Member("Ria", EnumSet.of(Kind.PRACTICAL, Kind.COMPANY), Kind.COMPANY, true, LocalDate.of(2026, 3, 1)), "form");
        Form form = form(result);
        assertThat(form.chosen("kinds", Kind.PRACTICAL)).isTrue();
        assertThat(form.chosen("kinds", Kind.COMPANY)).isTrue();
        assertThat(form.chosen("kinds", Kind.ADVICE)).isFalse();
        assertThat(form.chosen("main", "COMPANY")).isTrue();
        assertThat(form.chosen("main", "PRACTICAL")).isFalse();
        assertThat(form.checked("consent")).isTrue();
        assertThat(form.value("name")).isEqualTo("Ria");
        assertThat(form.value("since")).isEqualTo("2026-03-01");
        assertThat(form.hasErrors()).isFalse();
    }

    @Test
    void a_refused_value_comes_back_as_typed_with_its_error_in_the_readers_language() {
        messages.addMessage("validation.notADate", Locale.forLanguageTag("nl"), "Dit is geen datum.");
        messages.addMessage("form.whole", Locale.forLanguageTag("nl"), "Er ging iets mis.");
        var result = new BeanPropertyBindingResult(new Member("", Set.of(), null, false, null), "form");
        result.rejectValue("name", "validation.required", "Vul dit in.");
        result.addError(new org.springframework.validation.FieldError("form", "since", "31-02-2026", true,
                new String[] {"validation.notADate"}, null, null));
        result.reject("form.whole");
        Form form = form(result);
        assertThat(form.hasErrors()).isTrue();
        assertThat(form.hasErrors("name")).isTrue();
        assertThat(form.hasErrors("main")).isFalse();
        assertThat(form.value("since")).isEqualTo("31-02-2026");
        assertThat(form.errors("since")).containsExactly("Dit is geen datum.");
        assertThat(form.errors("name")).containsExactly("Vul dit in.");
        assertThat(form.globalErrors()).containsExactly("Er ging iets mis.");
        assertThat(form.chosen("kinds", Kind.PRACTICAL)).isFalse();
        assertThat(form.checked("consent")).isFalse();
    }

    @Test
    void without_a_binding_result_the_form_is_empty() {
        Form form = new Form(null, messages, Locale.ENGLISH);
        assertThat(form.value("name")).isEmpty();
        assertThat(form.hasErrors()).isFalse();
        assertThat(form.chosen("kinds", Kind.ADVICE)).isFalse();
        assertThat(form.errors("name")).isEmpty();
    }
}
