package org.samenkracht.person;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.common.time.AmsterdamTime;
import org.samenkracht.person.internal.DialogueStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.PASSWORD;
import static org.samenkracht.common.demo.DemoIds.PERSON_JONAS;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The logbook finds other word forms and compounds that start with the word searched for, as its
 * help text promises; and the times people read are in Europe/Amsterdam.
 */
@SamenkrachtTest
class LogbookWordFormsTest {

    @Autowired
    MockMvc mvc;
    final ObjectMapper json = new ObjectMapper();

    @Test
    void a_query_becomes_stemmed_prefixes_and_short_words_stay_whole() {
        assertThat(DialogueStore.wordForms("boodschap")).isEqualTo("boodschap:*");
        assertThat(DialogueStore.wordForms("Kennismaking  met zus")).isEqualTo("kennismaking:* & met & zus");
        assertThat(DialogueStore.wordForms("huisarts of apotheek")).isEqualTo("huisarts:* | apotheek:*");
        assertThat(DialogueStore.wordForms("koken -samen")).isEqualTo("koken:* & !samen");
        assertThat(DialogueStore.wordForms("'); drop table x; --:*&|!")).isEqualTo("drop:* & table:* & x");
        assertThat(DialogueStore.wordForms("  ;;  ")).isNull();
    }

    @Test
    void word_forms_and_compounds_are_found() throws Exception {
        String base = "/api/v1/persons/" + PERSON_JONAS + "/logbook";
        post(base, "{\"kind\":\"CONTACT\",\"text\":\"Samen boodschappen gedaan bij de markt.\"}");
        post(base, "{\"kind\":\"HOME_VISIT\",\"text\":\"Kennismakingsgesprek met de nieuwe buurvrouw.\"}");

        assertThat(texts(base, "boodschap")).anyMatch(t -> t.contains("boodschappen gedaan bij de markt"));
        assertThat(texts(base, "kennismaking")).anyMatch(t -> t.contains("Kennismakingsgesprek met de nieuwe buurvrouw"));
        assertThat(texts(base, "kennismaking buurvrouw")).anyMatch(t -> t.contains("Kennismakingsgesprek"));
        assertThat(texts(base, "kennismaking -buurvrouw")).noneMatch(t -> t.contains("Kennismakingsgesprek met de nieuwe"));
        assertThat(texts("/api/v1/logbook", "boodschap")).anyMatch(t -> t.contains("boodschappen gedaan bij de markt"));
        assertThat(texts(base, "markthal")).noneMatch(t -> t.contains("bij de markt"));
    }

    @Test
    void a_person_reads_times_in_europe_amsterdam() throws Exception {
        assertThat(TimeZone.getDefault().getID()).isEqualTo("Europe/Amsterdam");
        String base = "/api/v1/persons/" + PERSON_JONAS + "/logbook";
        JsonNode created = post(base, "{\"kind\":\"PHONE_CALL\",\"text\":\"Tijdzone-controle telefoontje.\","
                + "\"occurredAt\":\"2026-07-01T14:05:00\"}");
        assertThat(created).isNotNull();
        JsonNode hits = json.readTree(mvc.perform(get(base).param("q", "tijdzone").with(httpBasic("sanne", PASSWORD)))
                .andReturn().getResponse().getContentAsString());
        Instant at = Instant.parse(hits.get(0).get("occurredAt").asString());
        String shown = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").withZone(AmsterdamTime.ZONE).format(at);
        assertThat(shown).isEqualTo("01-07-2026 14:05");
        String page = mvc.perform(get("/persons/" + PERSON_JONAS + "/logbook").with(httpBasic("sanne", PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(shown).doesNotContain("01-07-2026 12:05");
    }

    JsonNode post(String path, String body) throws Exception {
        var res = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
                .with(httpBasic("sanne", PASSWORD)).contentType(MediaType.APPLICATION_JSON).content(body)).andReturn().getResponse();
        assertThat(res.getStatus()).as(res.getContentAsString()).isEqualTo(201);
        return json.readTree(res.getContentAsString());
    }

    java.util.List<String> texts(String path, String q) throws Exception {
        var res = mvc.perform(get(path).param("q", q).with(httpBasic("sanne", PASSWORD))).andReturn().getResponse();
        assertThat(res.getStatus()).as(res.getContentAsString()).isEqualTo(200);
        java.util.List<String> texts = new java.util.ArrayList<>();
        json.readTree(res.getContentAsString()).forEach(h -> texts.add(h.path("text").asString()));
        return texts;
    }
}
