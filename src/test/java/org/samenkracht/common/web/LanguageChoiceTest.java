package org.samenkracht.common.web;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The language a reader chooses comes down to Dutch or English, whatever the link or cookie says: any other
 * well-formed tag used to become the request's locale, and each new one sent the message source through the jars
 * looking for fifteen bundles in it.
 */
@SamenkrachtTest
class LanguageChoiceTest {

    @Autowired
    MockMvc mvc;

    String langCookie(String query) throws Exception {
        var response = mvc.perform(get("/login" + query)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        Cookie set = response.getCookie("samenkracht-lang");
        return set == null ? null : set.getValue() + " " + pageLanguage(response.getContentAsString());
    }

    static String pageLanguage(String html) {
        var m = java.util.regex.Pattern.compile("<html[^>]*\\blang=\"([^\"]*)\"").matcher(html);
        return m.find() ? m.group(1) : "none";
    }

    @Test
    void a_language_we_do_not_have_is_stored_and_shown_as_dutch() throws Exception {
        assertThat(langCookie("?lang=qq")).isEqualTo("nl nl");
        assertThat(langCookie("?lang=ar")).isEqualTo("nl nl");
    }

    @Test
    void any_english_is_english() throws Exception {
        assertThat(langCookie("?lang=en")).isEqualTo("en en");
        assertThat(langCookie("?lang=en-GB")).isEqualTo("en en");
    }

    @Test
    void a_hand_made_cookie_with_another_language_reads_as_dutch() throws Exception {
        var response = mvc.perform(get("/login").cookie(new Cookie("samenkracht-lang", "qq"))).andReturn().getResponse();
        assertThat(pageLanguage(response.getContentAsString())).isEqualTo("nl");
        var english = mvc.perform(get("/login").cookie(new Cookie("samenkracht-lang", "en-US"))).andReturn().getResponse();
        assertThat(pageLanguage(english.getContentAsString())).isEqualTo("en");
    }
}
