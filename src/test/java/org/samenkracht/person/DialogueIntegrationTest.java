package org.samenkracht.person;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.samenkracht.common.demo.DemoIds.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SamenkrachtTest
class DialogueIntegrationTest extends org.samenkracht.ApiTest {


    @Autowired
    JdbcClient jdbc;

    private String storyPath() {
        return "/api/v1/persons/" + PERSON_JONAS + "/story";
    }

    @Test
    void the_persons_own_words_are_theirs_and_a_professional_only_adds_a_separate_contribution() throws Exception {
        JsonNode own = json(as("jonas", post(storyPath())).content("{\"text\":\"Ik ben trots op mijn nieuwe kast.\"}"), 201);
        assertThat(own.path("kind").asString()).isEqualTo("OWN");
        JsonNode contribution = json(as("sanne", post(storyPath())).content("{\"text\":\"Jonas heeft zelf de kast gekocht.\"}"), 201);
        assertThat(contribution.path("kind").asString()).isEqualTo("CONTRIBUTION");

        // Sanne cannot change Jonas's words; Jonas cannot change Sanne's contribution.
        JsonNode refused = json(as("sanne", put(storyPath() + "/" + own.path("id").asString()))
                .content("{\"text\":\"Anders verteld\",\"version\":0}"), 403);
        assertThat(refused.path("detail").asString()).contains("eigen woorden");
        json(as("jonas", put(storyPath() + "/" + contribution.path("id").asString()))
                .content("{\"text\":\"Anders\",\"version\":0}"), 403);

        // Jonas edits his own words from the version he read; a second save from the same old version conflicts.
        json(as("jonas", put(storyPath() + "/" + own.path("id").asString())).content("{\"text\":\"Ik ben heel trots.\",\"version\":0}"), 200);
        json(as("jonas", put(storyPath() + "/" + own.path("id").asString())).content("{\"text\":\"Nog anders.\",\"version\":0}"), 409);
        assertThat(jdbc.sql("select text from story_entry where id = ?::uuid").param(own.path("id").asString())
                .query(String.class).single()).isEqualTo("Ik ben heel trots.");

        // Over-long and empty texts are refused with the field named.
        json(as("jonas", post(storyPath())).content("{\"text\":\"" + "x".repeat(4001) + "\"}"), 422);
        mvc.perform(as("jonas", post(storyPath())).content("{\"text\":\" \"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.fields.text").exists());
    }

    @Test
    void a_conversation_report_is_final_only_when_both_agreed_and_a_change_asks_both_again() throws Exception {
        String base = "/api/v1/persons/" + PERSON_JONAS + "/conversations";
        JsonNode c = json(as("sanne", post(base)).content("""
                {"heldOn":"2026-11-02","place":"In het buurthuis","participants":"Jonas, Ria (buurvrouw)",
                 "strategy":"FACILITATING","exploring":"Wat gaat goed?","supportNeed":"Overzicht over de post",
                 "agreements":"Ria helpt op maandag met de post."}"""), 201);
        String id = c.path("id").asString();
        assertThat(c.path("status").asString()).isEqualTo("OPEN");

        JsonNode afterPerson = json(as("jonas", post(base + "/" + id + "/agreement")).content("{\"version\":0}"), 200);
        assertThat(afterPerson.path("status").asString()).isEqualTo("AGREED_BY_PERSON");
        // Agreeing to a version that is no longer current is a conflict: you agree to what you read.
        json(as("sanne", post(base + "/" + id + "/agreement")).content("{\"version\":0}"), 409);
        JsonNode fin = json(as("sanne", post(base + "/" + id + "/agreement")).content("{\"version\":1}"), 200);
        assertThat(fin.path("status").asString()).isEqualTo("FINAL");

        // Either side can add a remark.
        JsonNode remarked = json(as("jonas", post(base + "/" + id + "/remarks")).content("{\"text\":\"Ria kan ook op dinsdag.\"}"), 201);
        assertThat(remarked.path("remarks").path(0).path("byPerson").asBoolean()).isTrue();

        // Sanne changes the report: both must agree again.
        JsonNode changed = json(as("sanne", put(base + "/" + id)).content("""
                {"heldOn":"2026-11-02","place":"In het buurthuis","strategy":"FACILITATING",
                 "agreements":"Ria helpt op dinsdag met de post.","version":2}"""), 200);
        assertThat(changed.path("status").asString()).isEqualTo("OPEN");

        // A second editor working from the old version is refused; nothing of the first save is lost.
        JsonNode conflict = json(as("marieke", put(base + "/" + id)).content("""
                {"heldOn":"2026-11-02","place":"Elders","strategy":"INFORMING","version":2}"""), 409);
        assertThat(conflict.path("detail").asString()).contains("intussen gewijzigd");
        assertThat(json(as("sanne", get(base + "/" + id)), 200).path("agreements").asString()).contains("dinsdag");

        // The person cannot write the professional's notes; a future date and an unknown strategy are refused.
        json(as("jonas", put(base + "/" + id)).content("{\"heldOn\":\"2026-11-02\",\"place\":\"x\",\"strategy\":\"INFORMING\",\"version\":3}"), 403);
        mvc.perform(as("sanne", post(base)).content("{\"heldOn\":\"2999-01-01\",\"place\":\"x\",\"strategy\":\"INFORMING\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.fields.heldOn").exists());
        json(as("sanne", post(base)).content("{\"heldOn\":\"2026-01-01\",\"place\":\"x\",\"strategy\":\"SHOUTING\"}"), 400);
    }

    @Test
    void the_logbook_is_searched_with_dutch_stemming_and_only_within_ones_own_caseload() throws Exception {
        String base = "/api/v1/persons/" + PERSON_JONAS + "/logbook";
        json(as("sanne", post(base)).content("{\"kind\":\"HOME_VISIT\",\"text\":\"Huisbezoeken gepland rond de verhuizing van de kasten.\"}"), 201);
        json(as("sanne", post("/api/v1/persons/" + PERSON_FATIMA + "/logbook"))
                .content("{\"kind\":\"PHONE_CALL\",\"text\":\"Gebeld over de verhuizing van haar zus.\"}"), 201);

        // Dutch stemming: "huisbezoek" finds "Huisbezoeken" and "Huisbezoek:".
        JsonNode jonasHits = json(as("sanne", get(base).param("q", "huisbezoek")), 200);
        assertThat(jonasHits.values()).isNotEmpty()
                .allSatisfy(h -> assertThat(h.path("text").asString().toLowerCase()).contains("huisbezoek"));

        JsonNode team = json(as("sanne", get("/api/v1/logbook").param("q", "verhuizing")), 200);
        assertThat(team.values()).extracting(h -> h.path("personId").asString())
                .contains(PERSON_JONAS.toString(), PERSON_FATIMA.toString());

        // Pieter works elsewhere: his search finds nothing of Sanne's caseload, and Jonas's logbook is closed to him.
        assertThat(json(as("pieter", get("/api/v1/logbook").param("q", "verhuizing")), 200).values()).isEmpty();
        json(as("pieter", get(base)), 403);
        // The person reads their logbook but cannot write in it.
        json(as("jonas", get(base)), 200);
        json(as("jonas", post(base)).content("{\"kind\":\"OTHER\",\"text\":\"x\"}"), 403);
        json(as("sanne", get("/api/v1/logbook").param("q", "x".repeat(201))), 422);

        Long audited = jdbc.sql("select count(*) from audit_event where resource = 'logbook' and action = 'READ' and person_id = ?")
                .param(PERSON_FATIMA).query(Long.class).single();
        assertThat(audited).isPositive();
    }

    @Test
    void the_person_reads_the_report_and_agrees_on_the_page() throws Exception {
        JsonNode c = json(as("sanne", post("/api/v1/persons/" + PERSON_JONAS + "/conversations")).content("""
                {"heldOn":"2026-11-10","place":"Wandeling in het park","strategy":"OPEN_CONSULTATION",
                 "agreements":"Jonas belt zelf de voetbalclub."}"""), 201);
        String page = "/persons/" + PERSON_JONAS + "/conversations/" + c.path("id").asString();
        mvc.perform(get(page).with(httpBasic("jonas", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Jonas belt zelf de voetbalclub.")))
                .andExpect(content().string(containsString("Ik ben akkoord met dit verslag")));
        mvc.perform(post(page + "/agree").param("version", "0").with(httpBasic("jonas", PASSWORD)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(page).with(httpBasic("jonas", PASSWORD)))
                .andExpect(content().string(containsString("U bent akkoord, uw begeleider nog niet")))
                .andExpect(content().string(not(containsString("id=\"agree\""))));
        // A stale agreement from the page is a conflict page, not an error.
        mvc.perform(post(page + "/agree").param("version", "0").with(httpBasic("sanne", PASSWORD)).with(csrf()))
                .andExpect(status().isConflict());
        // Someone outside the team cannot read it.
        mvc.perform(get(page).with(httpBasic("pieter", PASSWORD))).andExpect(status().isForbidden());
    }

    @Test
    void two_people_editing_the_same_report_on_the_page_the_second_is_refused_and_keeps_their_text() throws Exception {
        JsonNode c = json(as("sanne", post("/api/v1/persons/" + PERSON_JONAS + "/conversations")).content("""
                {"heldOn":"2026-11-12","place":"Buurthuis","strategy":"INFORMING","agreements":"Eerste tekst"}"""), 201);
        String edit = "/persons/" + PERSON_JONAS + "/conversations/" + c.path("id").asString() + "/edit";
        mvc.perform(post(edit).with(httpBasic("sanne", PASSWORD)).with(csrf())
                        .param("heldOn", "2026-11-12").param("place", "Buurthuis").param("strategy", "INFORMING")
                        .param("agreements", "Sannes versie").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post(edit).with(httpBasic("marieke", PASSWORD)).with(csrf())
                        .param("heldOn", "2026-11-12").param("place", "Buurthuis").param("strategy", "INFORMING")
                        .param("agreements", "Mariekes versie").param("version", "0"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Iemand anders heeft dit gesprek intussen gewijzigd")))
                .andExpect(content().string(containsString("Mariekes versie")))
                .andExpect(content().string(containsString("Sannes versie")));
        assertThat(json(as("sanne", get("/api/v1/persons/" + PERSON_JONAS + "/conversations/" + c.path("id").asString())), 200)
                .path("agreements").asString()).isEqualTo("Sannes versie");
    }
}
