package org.samenkracht.common.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** What a compiled page asks of its request: sentences with names in them, moments, parameters. */
class PageContextTest {

    private final StaticMessageSource messages = new StaticMessageSource();

    private PageContext page(MockHttpServletRequest request) {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("nl"));
        try {
            return new PageContext(new HashMap<>(), request, messages, null, TemplateEngine.createPrecompiled(ContentType.Html));
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }

    private static String html(gg.jte.Content content) {
        StringOutput out = new StringOutput();
        content.writeTo(out);
        return out.toString();
    }

    @Test
    void a_name_in_a_sentence_is_escaped_and_isolated_and_the_other_values_are_escaped_or_formatted() {
        messages.addMessage("questions.recorded", Locale.forLanguageTag("nl"), "Versie {0}, vastgelegd door {1} op {2}");
        PageContext page = page(new MockHttpServletRequest());

        String sentence = html(page.textWith("questions.recorded", 1200, page.name("<b>نور</b>"), "<i>7-12-2026</i>"));

        assertThat(sentence).isEqualTo("Versie 1.200, vastgelegd door <bdi>&lt;b&gt;نور&lt;/b&gt;</bdi> op &lt;i&gt;7-12-2026&lt;/i&gt;");
    }

    @Test
    void a_moment_is_shown_in_the_one_zone_every_page_uses() {
        org.samenkracht.common.time.AmsterdamTime.useEverywhere();
        PageContext page = page(new MockHttpServletRequest());

        assertThat(page.format(Instant.parse("2026-07-01T10:15:00Z"), "dd-MM-yyyy HH:mm")).isEqualTo("01-07-2026 12:15");
        assertThat(page.format(null, "dd-MM-yyyy")).isEmpty();
    }

    @Test
    void a_parameter_without_a_value_is_there_and_an_absent_one_is_not() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setQueryString("registered");
        request.addParameter("registered", "");

        assertThat(page(request).hasParam("registered")).isTrue();
        assertThat(page(request).hasParam("other")).isFalse();
    }
}
