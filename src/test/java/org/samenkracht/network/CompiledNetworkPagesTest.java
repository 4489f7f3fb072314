package org.samenkracht.network;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.PASSWORD;
import static org.samenkracht.common.demo.DemoIds.PERSON_JONAS;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The network pages are compiled templates (decision 8). What Thymeleaf's dialects did for them, the
 * templates and {@code PageContext} now do: every form that posts carries its CSRF field, a member's
 * kinds of support are all ticked, unticking them all clears them, names in Arabic keep their direction,
 * the reader's language is used, and values that were refused come back.
 */
@SamenkrachtTest
class CompiledNetworkPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.samenkracht.identity.Accounts accounts;
    @Autowired
    org.samenkracht.person.Persons persons;

    private final String jonas = "/persons/" + PERSON_JONAS + "/network";

    /** A person of Sanne's of their own, so what a test adds to a network stays out of the demo (history cannot be deleted). */
    private String newNetwork() {
        var id = new java.util.concurrent.atomic.AtomicReference<UUID>();
        accounts.runAs(org.samenkracht.common.demo.DemoIds.PROFESSIONAL_SANNE, () -> id.set(persons.register(
                new org.samenkracht.person.RegisterPerson("Test", "Netwerk", null, "", "", "", "", "", ""))));
        return "/persons/" + id.get() + "/network";
    }

    private String page(String path) throws Exception {
        var answer = mvc.perform(get(path).with(httpBasic("sanne", PASSWORD))).andReturn().getResponse();
        assertThat(answer.getStatus()).as(path).isEqualTo(200);
        assertThat(answer.getContentType()).startsWith("text/html");
        return answer.getContentAsString(StandardCharsets.UTF_8);
    }

    private UUID addByApi(String network, String name, String kinds) throws Exception {
        var created = mvc.perform(post("/api/v1" + network + "-members").with(httpBasic("sanne", PASSWORD))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + name + "\",\"relation\":\"NEIGHBOUR\",\"layer\":\"NETWORK\",\"supportKinds\":" + kinds + "}")).andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
        return UUID.fromString(new ObjectMapper().readTree(created.getContentAsString()).get("id").asString());
    }

    @Test
    void every_form_that_posts_carries_its_csrf_field() throws Exception {
        String network = newNetwork();
        UUID member = addByApi(network, "Buurvrouw Els", "[\"PRACTICAL\"]");
        for (String html : new String[] {page(network + "?add="), page(network + "?member=" + member)}) {
            Matcher forms = Pattern.compile("<form[^>]*method=\"post\"[^>]*>(.*?)</form>", Pattern.DOTALL).matcher(html);
            int seen = 0;
            while (forms.find()) {
                seen++;
                assertThat(forms.group(1)).as("a form that posts").contains("name=\"_csrf\"");
            }
            assertThat(seen).isGreaterThanOrEqualTo(2);
            assertThat(html).contains("hx-headers=\"{&#34;X-CSRF-TOKEN&#34;");
        }
    }

    @Test
    void every_kind_of_a_member_is_ticked_and_unticking_all_clears_them() throws Exception {
        String network = newNetwork();
        UUID member = addByApi(network, "Buurman Kees", "[\"PRACTICAL\",\"COMPANY\"]");
        String html = page(network + "?member=" + member);
        assertThat(html).containsPattern("<input type=\"checkbox\" id=\"supportReceived1\" name=\"supportReceived\" value=\"PRACTICAL\" checked>")
                .containsPattern("<input type=\"checkbox\" id=\"supportReceived2\" name=\"supportReceived\" value=\"COMPANY\" checked>")
                .containsPattern("<input type=\"checkbox\" id=\"supportReceived3\" name=\"supportReceived\" value=\"ADVICE\">")
                .contains("<option value=\"NEIGHBOUR\" selected>");
        String version = jdbc.sql("select version from network_member where id = ?").param(member).query(Integer.class).single().toString();
        var saved = mvc.perform(post(network + "/members/" + member).with(httpBasic("sanne", PASSWORD)).with(csrf())
                .param("version", version).param("name", "Buurman Kees").param("relation", "NEIGHBOUR").param("layer", "NETWORK")
                .param("_supportReceived", "on").param("_supportGiven", "on")).andReturn().getResponse();
        assertThat(saved.getStatus()).as(saved.getContentAsString()).isEqualTo(302);
        assertThat(page(network + "?member=" + member)).doesNotContain("name=\"supportReceived\" value=\"PRACTICAL\" checked");
    }

    @Test
    void an_arabic_name_keeps_its_direction_and_text_fields_take_theirs() throws Exception {
        String name = "السيدة فاطمة";
        String network = newNetwork();
        UUID member = addByApi(network, name, "[]");
        String html = page(network + "?member=" + member);
        assertThat(html).contains("<span dir=\"auto\">" + name + "</span>");
        Matcher fields = Pattern.compile("<input(?![^>]*type=\"(?!text\")[^\"]*\")[^>]*>").matcher(html);
        int seen = 0;
        while (fields.find()) {
            seen++;
            assertThat(fields.group()).as("a field people write in").contains("dir=\"auto\"");
        }
        assertThat(seen).isGreaterThanOrEqualTo(3);
    }

    @Test
    void the_page_and_its_history_speak_the_readers_language() throws Exception {
        assertThat(page(jonas + "?lang=en")).contains("<html lang=\"en\">").contains("<title>Network — Jonas");
        assertThat(page(jonas + "/history?lang=en")).contains("<html lang=\"en\">").contains("The network before");
        assertThat(page(jonas + "?lang=nl")).contains("<html lang=\"nl\">").contains("<title>Netwerk — Jonas");
    }

    @Test
    void a_refused_change_comes_back_with_what_was_typed_and_the_error_next_to_the_field() throws Exception {
        String answer = mvc.perform(post(newNetwork()).with(httpBasic("sanne", PASSWORD)).with(csrf())
                        .param("name", "").param("relation", "FRIEND").param("layer", "NETWORK")
                        .param("supportReceived", "ADVICE").param("contactDetails", "06 123"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(answer).contains("class=\"field has-error\"").contains("aria-invalid=\"true\"")
                .contains("id=\"name-error\"").contains("value=\"06 123\"")
                .contains("value=\"ADVICE\" checked").contains("<option value=\"FRIEND\" selected>");
    }
}
