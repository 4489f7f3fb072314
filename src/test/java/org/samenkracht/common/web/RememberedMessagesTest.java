package org.samenkracht.common.web;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.env.MockEnvironment;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The application's message source remembers what a code resolves to; it must answer exactly as the plain one. */
class RememberedMessagesTest {

    private static final String BASENAMES = "messages/common,messages/vocabulary,messages/identity,messages/person,"
            + "messages/network,messages/plan,messages/privacy,messages/exploration,messages/socialmap,messages/operations,"
            + "messages/signals,messages/deliberation,messages/team,messages/community,messages/insights";

    private final MessageSource remembering = new MessagesConfiguration().messageSource(
            new MockEnvironment().withProperty("spring.messages.basename", BASENAMES));

    private final MessageSource plain = plainSource();

    @Test
    void every_code_of_every_bundle_reads_as_the_plain_source_reads_it_in_both_languages_and_twice() throws IOException {
        int compared = 0;
        for (String basename : BASENAMES.split(",")) {
            for (Locale locale : new Locale[] {Locale.forLanguageTag("nl"), Locale.ENGLISH}) {
                for (String code : codes(basename)) {
                    String expected = plain.getMessage(code, null, locale);
                    assertThat(remembering.getMessage(code, null, locale)).as(code).isEqualTo(expected);
                    assertThat(remembering.getMessage(code, null, locale)).as(code).isEqualTo(expected);
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(2_000);
    }

    @Test
    void arguments_are_filled_in_on_every_call_not_only_the_first() {
        Locale nl = Locale.forLanguageTag("nl");
        String first = remembering.getMessage("network.qualities.size", new Object[] {3}, nl);
        String second = remembering.getMessage("network.qualities.size", new Object[] {7}, nl);
        assertThat(first).contains("3").doesNotContain("7");
        assertThat(second).contains("7").doesNotContain("3");
        assertThat(second).isEqualTo(plain.getMessage("network.qualities.size", new Object[] {7}, nl));
    }

    @Test
    void a_missing_code_stays_missing_and_its_default_is_used_each_time() {
        Locale nl = Locale.forLanguageTag("nl");
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> remembering.getMessage("no.such.code", null, nl)).isInstanceOf(NoSuchMessageException.class);
            assertThat(remembering.getMessage("no.such.code", null, "anders", nl)).isEqualTo("anders");
        }
    }

    private static MessageSource plainSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasenames(BASENAMES.split(","));
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        return source;
    }

    private static java.util.Set<String> codes(String basename) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = RememberedMessagesTest.class.getClassLoader().getResourceAsStream(basename + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties.stringPropertyNames();
    }
}
