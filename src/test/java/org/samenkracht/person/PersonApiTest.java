package org.samenkracht.person;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.samenkracht.common.demo.DemoIds.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The person's file through the JSON API and the pages: same rules, same checks. */
@SamenkrachtTest
class PersonApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    @Test
    void a_professional_registers_a_person_and_joins_their_team() throws Exception {
        String location = mvc.perform(post("/api/v1/persons").with(as("sanne")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"givenName": "Noor", "familyName": "Testpersoon", "neighbourhood": "Lindenhoven-Zuid"}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.givenName").value("Noor"))
                .andReturn().getResponse().getHeader("Location");
        UUID id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("select count(*) from care_team_member where person_id = ? and user_id = ?")
                .params(id, PROFESSIONAL_SANNE).query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/api/v1/persons").with(as("sanne"))).andExpect(content().string(containsString("Noor")));
        mvc.perform(get("/api/v1/persons/" + id).with(as("pieter"))).andExpect(status().isForbidden());
    }

    @Test
    void invalid_input_is_refused_with_the_field_named_in_the_users_language() throws Exception {
        mvc.perform(post("/api/v1/persons").with(as("sanne")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"givenName\": \"\", \"email\": \"geen-adres\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fields.givenName").value("Vul dit veld in."))
                .andExpect(jsonPath("$.fields.email").value("Dit is geen geldig e-mailadres."));
        mvc.perform(post("/api/v1/persons").with(as("sanne")).with(csrf()).header("Accept-Language", "en")
                        .param("lang", "en")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"givenName\": \"\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fields.familyName").value("Please fill in this field."));
    }

    @Test
    void unreadable_json_is_a_400_not_a_500() throws Exception {
        mvc.perform(post("/api/v1/persons").with(as("sanne")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"givenName\": [1, 2"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void a_stale_update_is_a_conflict_and_changes_nothing() throws Exception {
        String body = """
                {"givenName": "Henk", "familyName": "Mertens", "address": "%s", "version": %d}""";
        int version = jdbc.sql("select version from person where id = ?").param(PERSON_HENK).query(Integer.class).single();
        mvc.perform(put("/api/v1/persons/" + PERSON_HENK).with(as("sanne")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body.formatted("Kastanjehof 2", version)))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/persons/" + PERSON_HENK).with(as("sanne")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body.formatted("Ergens anders 1", version)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(containsString("intussen gewijzigd")));
        assertThat(jdbc.sql("select address from person where id = ?").param(PERSON_HENK).query(String.class).single())
                .isEqualTo("Kastanjehof 2");
    }

    @Test
    void the_four_questions_are_kept_as_versions_and_the_person_may_answer_them() throws Exception {
        String answers = """
                {"whatMatters": "Rust", "ownStrength": "Koken", "needs": "Hulp bij post", "whoCanHelp": "Ria"}""";
        mvc.perform(post("/api/v1/persons/" + PERSON_JONAS + "/four-questions").with(as("jonas")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(answers))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/persons/" + PERSON_JONAS + "/four-questions").with(as("jonas")))
                .andExpect(jsonPath("$[0].answers.whatMatters").value("Rust"))
                .andExpect(jsonPath("$[1]").exists());
    }

    @Test
    void pages_answer_unknown_ids_and_refusals_alike_with_friendly_pages() throws Exception {
        // An unknown id and someone else's file answer the same, so ids cannot be probed.
        String unknown = mvc.perform(get("/persons/" + UUID.randomUUID()).with(as("pieter")))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
        String forbidden = mvc.perform(get("/persons/" + PERSON_JONAS).with(as("pieter")))
                .andExpect(status().isForbidden()).andReturn().getResponse().getContentAsString();
        assertThat(unknown).contains("U hoort niet bij het team van deze persoon");
        assertThat(forbidden).contains("U hoort niet bij het team van deze persoon");
        mvc.perform(get("/api/v1/persons/" + UUID.randomUUID()).with(as("pieter")))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.detail").exists());
        mvc.perform(get("/persons/not-a-uuid").with(as("sanne"))).andExpect(status().isNotFound());
        mvc.perform(get("/persons/" + PERSON_JONAS).with(as("pieter")))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("U hoort niet bij het team van deze persoon")));
    }

    @Test
    void a_form_with_errors_shows_them_next_to_the_fields() throws Exception {
        mvc.perform(post("/persons").with(as("sanne")).with(csrf()).param("givenName", "").param("familyName", "X")
                        .param("username", "NO CAPS"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"givenName-error\"")))
                .andExpect(content().string(containsString("Gebruik 3 tot 60 kleine letters")));
    }

    @Test
    void a_form_without_its_csrf_token_is_refused() throws Exception {
        mvc.perform(post("/persons").with(as("sanne")).param("givenName", "A").param("familyName", "B"))
                .andExpect(status().isForbidden());
    }

    @Test
    void the_caseload_filters_as_you_type() throws Exception {
        mvc.perform(get("/persons").param("q", "fati").header("HX-Request", "true").with(as("sanne")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Fatima El Amrani")))
                .andExpect(content().string(not(containsString("Henk Mertens"))));
    }

    @Test
    void the_person_is_sent_to_their_own_file() throws Exception {
        mvc.perform(get("/persons").with(as("jonas")))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/persons/" + PERSON_JONAS));
    }
}
