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
 * The logbook finds other word forms, compounds that start with the word searched for and compounds
 * whose second part it is, as its help text promises; and the times people read are in Europe/Amsterdam.
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
    void the_search_is_an_exact_query_over_the_teams_lexemes() {
        // positions as LEXEMES_SQL gives them: 1 kennismaking, 2 met (stop word: no row), 3 zus, 4 -buurvrouw, 5 gesprek
        String q = DialogueStore.tsquery("Kennismaking met zus -buurvrouw of gesprek", java.util.Map.of(
                1, java.util.List.of("kennismak", "kennismakingsgesprek"),
                3, java.util.List.of("zus"),
                4, java.util.List.of("buurvrouw"),
                5, java.util.List.of("gesprek", "kennismakingsgesprek", "telefoongesprek")));
        assertThat(q).isEqualTo("('kennismak' | 'kennismakingsgesprek') & ('zus') & !('buurvrouw')"
                + " | ('gesprek' | 'kennismakingsgesprek' | 'telefoongesprek')");
        assertThat(DialogueStore.tsquery("met de", java.util.Map.of())).isNull();
        assertThat(DialogueStore.tsquery("x", java.util.Map.of(1, java.util.List.of("it's\\")))).isEqualTo("('it''s\\\\')");
        assertThat(DialogueStore.searchExpands("kennismaking zus -buurvrouw")).containsExactly(true, false, false);
        assertThat(DialogueStore.searchWords("Kennismaking, zus")).containsExactly("kennismaking", "zus");
    }

    @Test
    void the_second_part_of_a_compound_is_found() throws Exception {
        String base = "/api/v1/persons/" + PERSON_JONAS + "/logbook";
        post(base, "{\"kind\":\"PHONE_CALL\",\"text\":\"Telefoongesprek over de dagbesteding in het buurthuis.\"}");
        post(base, "{\"kind\":\"HOME_VISIT\",\"text\":\"Voorstelgesprek gehad, daarna thuiszorg geregeld.\"}");

        assertThat(texts(base, "gesprek")).anyMatch(t -> t.startsWith("Telefoongesprek over de dagbesteding"))
                .anyMatch(t -> t.startsWith("Voorstelgesprek gehad"));
        assertThat(texts(base, "huis")).anyMatch(t -> t.startsWith("Telefoongesprek over de dagbesteding")); // buurthuis
        assertThat(texts(base, "ges")).noneMatch(t -> t.startsWith("Telefoongesprek")); // under four letters: the whole word only
        assertThat(texts(base, "zorg")).anyMatch(t -> t.startsWith("Voorstelgesprek gehad, daarna thuiszorg"));
        assertThat(texts(base, "bestedingen")).anyMatch(t -> t.startsWith("Telefoongesprek over de dagbesteding"));
        assertThat(texts("/api/v1/logbook", "gesprek -dagbesteding")).anyMatch(t -> t.startsWith("Voorstelgesprek gehad"))
                .noneMatch(t -> t.startsWith("Telefoongesprek over de dagbesteding"));
        // "making" has a stem of three letters (mak): it is not looked for inside other words (schoonmak)
        post(base, "{\"kind\":\"CONTACT\",\"text\":\"Schoonmaken met de buurman gepland.\"}");
        assertThat(texts(base, "schoonmaak")).anyMatch(t -> t.startsWith("Schoonmaken met de buurman"));
        assertThat(texts(base, "making")).noneMatch(t -> t.startsWith("Schoonmaken met de buurman"));
        assertThat(texts(base, "sprekker")).noneMatch(t -> t.startsWith("Telefoongesprek over de dagbesteding"));
    }

    @Test
    void the_words_of_a_deleted_entry_leave_the_teams_word_list() throws Exception {
        String base = "/api/v1/persons/" + PERSON_JONAS + "/logbook";
        JsonNode created = post(base, "{\"kind\":\"OTHER\",\"text\":\"Zeldzaamwoordproef bij de notaris.\"}");
        assertThat(lexemes("zeldzaamwoordproef")).isEqualTo(1);
        assertThat(texts(base, "woordproef")).anyMatch(t -> t.startsWith("Zeldzaamwoordproef"));
        String id = created.has("id") ? created.get("id").asString()
                : jdbc.sql("select id::text from logbook_entry where text like 'Zeldzaamwoordproef%'").query(String.class).single();
        jdbc.sql("update logbook_entry set text = 'Andere woordproef bij de notaris.' where id = ?::uuid").param(id).update();
        assertThat(lexemes("zeldzaamwoordproef")).isZero();
        assertThat(lexemes("woordproef")).isEqualTo(1);
        jdbc.sql("delete from logbook_entry where id = ?::uuid").param(id).update();
        assertThat(lexemes("woordproef")).isZero();
        // every team's word list counts exactly the entries that hold each word
        assertThat(jdbc.sql("""
                with counted as (select e.organisation_id, l.lexeme collate "C" as lexeme, count(*)::int as entries
                                 from logbook_entry e cross join lateral unnest(e.search) l group by 1, 2)
                select count(*) from ((select * from counted except select * from logbook_lexeme)
                                      union all (select * from logbook_lexeme except select * from counted)) d""")
                .query(Integer.class).single()).isZero();
    }

    int lexemes(String lexeme) {
        return jdbc.sql("select coalesce(sum(entries), 0)::int from logbook_lexeme where lexeme = ?").param(lexeme)
                .query(Integer.class).single();
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

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
