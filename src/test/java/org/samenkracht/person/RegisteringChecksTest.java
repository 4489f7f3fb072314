package org.samenkracht.person;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Registering: a likely duplicate is shown before saving, a confirmation after, and phone and postcode are checked. */
@SamenkrachtTest
class RegisteringChecksTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private long persons() {
        return jdbc.sql("select count(*) from person").query(Long.class).single();
    }

    private static MockHttpServletRequestBuilder register(String as, Map<String, String> fields) {
        var request = post("/persons").with(httpBasic(as, PASSWORD)).with(csrf());
        fields.forEach(request::param);
        return request;
    }

    private Map<String, Object> jonas() {
        return jdbc.sql("select given_name, family_name, date_of_birth, address from person where id = ?")
                .param(PERSON_JONAS).query().singleRow();
    }

    @Test
    void a_phone_number_of_letters_and_a_postcode_that_cannot_exist_are_refused_with_what_was_typed() throws Exception {
        long before = persons();
        String page = mvc.perform(register("sanne", Map.of("givenName", "Ria", "familyName", "Tel",
                        "phone", "abc", "address", "Dorpsstraat 1, 0123 AB Lindenhoven")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Dit is geen telefoonnummer").contains("De postcode in dit adres bestaat niet")
                .contains("value=\"abc\"").contains("Dorpsstraat 1, 0123 AB Lindenhoven");
        assertThat(persons()).isEqualTo(before);

        mvc.perform(register("sanne", Map.of("givenName", "Ria", "familyName", "Tel-" + UUID.randomUUID().toString().substring(0, 6),
                        "phone", "+31 6 1234 5678",
                        // a fresh address: the same address as an existing file would be a likely duplicate
                        "address", "Dorpsstraat " + (int) (Math.random() * 1_000_000) + ", 1234 AB Lindenhoven")))
                .andExpect(status().is3xxRedirection());
        assertThat(persons()).isEqualTo(before + 1);
    }

    @Test
    void the_same_name_and_date_of_birth_shows_the_existing_file_first_then_registers_on_request() throws Exception {
        String family = "Dubbel-" + UUID.randomUUID().toString().substring(0, 8);
        String first = mvc.perform(register("sanne", Map.of("givenName", "Mila", "familyName", family, "dateOfBirth", "1990-05-17")))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        UUID existing = UUID.fromString(first.substring("/persons/".length(), first.indexOf('?')));
        Map<String, String> same = Map.of("givenName", " MILA", "familyName", family, "dateOfBirth", "1990-05-17");
        long before = persons();

        String warned = mvc.perform(register("sanne", same)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(warned).contains("Bestaat dit dossier al?").contains("href=\"/persons/" + existing + "\"")
                .contains("zelfde naam en geboortedatum");
        assertThat(persons()).as("nothing saved before the choice").isEqualTo(before);

        var confirmed = new java.util.HashMap<>(same);
        confirmed.put("notADuplicate", "true");
        String location = mvc.perform(register("sanne", confirmed)).andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).endsWith("?registered");
        assertThat(persons()).isEqualTo(before + 1);
        String dossier = mvc.perform(get(location).with(httpBasic("sanne", PASSWORD))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(dossier).contains("is geregistreerd");
    }

    @Test
    void a_colleague_outside_the_team_learns_only_that_a_file_exists_and_another_organisation_nothing() throws Exception {
        Map<String, Object> jonas = jonas();
        String body = """
                {"givenName":"%s","familyName":"%s","dateOfBirth":"%s"}""".formatted(jonas.get("given_name"),
                jonas.get("family_name"), jonas.get("date_of_birth"));
        mvc.perform(post("/api/v1/persons/possible-duplicates").with(httpBasic("sanne", PASSWORD)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].id").value(PERSON_JONAS.toString()))
                .andExpect(jsonPath("$[0].reason").value("NAME_AND_BIRTH"))
                .andExpect(jsonPath("$[0].mayOpen").value(true));
        mvc.perform(post("/api/v1/persons/possible-duplicates").with(httpBasic("pieter", PASSWORD)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(0));
        mvc.perform(post("/api/v1/persons/possible-duplicates").with(httpBasic("jonas", PASSWORD)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden());
        assertThat(LocalDate.parse(jonas.get("date_of_birth").toString())).isBefore(LocalDate.now());
    }
}
