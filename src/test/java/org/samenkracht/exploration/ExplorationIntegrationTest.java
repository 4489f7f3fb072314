package org.samenkracht.exploration;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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
class ExplorationIntegrationTest extends org.samenkracht.ApiTest {



    private final String responses = "/api/v1/persons/" + PERSON_FATIMA + "/responses";

    @Test
    void a_draft_may_be_incomplete_and_is_completed_later_and_then_kept_as_it_was() throws Exception {
        JsonNode draft = json(as("sanne", post(responses)).content("""
                {"instrument":"assessment-grid","instrumentVersion":"1","complete":false,
                 "answers":{"grid.material.barriers":"Veel brieven die ze niet begrijpt"}}"""), 201);
        assertThat(draft.path("status").asString()).isEqualTo("DRAFT");
        String id = draft.path("id").asString();

        JsonNode done = json(as("sanne", put(responses + "/" + id)).content("""
                {"instrument":"assessment-grid","instrumentVersion":"1","complete":true,"version":0,
                 "answers":{"grid.material.barriers":"Veel brieven die ze niet begrijpt",
                            "grid.inclusion.wishes":"Vrijwilligerswerk doen als tolk"}}"""), 200);
        assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.path("completedAt").isMissingNode()).isFalse();

        // The wish of the grid was gathered into the person's wishes.
        assertThat(json(as("sanne", get("/api/v1/persons/" + PERSON_FATIMA + "/wishes")), 200).values())
                .extracting(w -> w.path("text").asString() + "/" + w.path("source").asString())
                .contains("Vrijwilligerswerk doen als tolk/ASSESSMENT_GRID");

        // Completed responses stay as they were; a stale draft version is a conflict.
        json(as("sanne", put(responses + "/" + id)).content("""
                {"instrument":"assessment-grid","instrumentVersion":"1","complete":false,"version":1,"answers":{}}"""), 422);
        JsonNode second = json(as("sanne", post(responses)).content("""
                {"instrument":"assessment-grid","instrumentVersion":"1","complete":false,"answers":{}}"""), 201);
        json(as("sanne", put(responses + "/" + second.path("id").asString())).content("""
                {"instrument":"assessment-grid","instrumentVersion":"1","complete":false,"version":0,"answers":{}}"""), 200);
        json(as("sanne", put(responses + "/" + second.path("id").asString())).content("""
                {"instrument":"assessment-grid","instrumentVersion":"1","complete":false,"version":0,"answers":{}}"""), 409);
    }

    @Test
    void bad_answers_are_refused_with_the_field_named() throws Exception {
        mvc.perform(as("sanne", post(responses)).content("""
                        {"instrument":"qol-other","instrumentVersion":"1","complete":false,"answers":{"qol.emotional.score":"7"}}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fields['qol.emotional.score']").value(containsString("1 tot en met 5")));
        mvc.perform(as("sanne", post(responses)).content("""
                        {"instrument":"qol-other","instrumentVersion":"1","complete":true,"answers":{"qol.emotional.score":"3"}}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fields").exists());
        mvc.perform(as("sanne", post(responses)).content("""
                        {"instrument":"qol-other","instrumentVersion":"9","complete":false,"answers":{}}"""))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fields.instrumentVersion").value(containsString("versie 9 bestaat niet")));
        mvc.perform(as("sanne", post(responses)).content("{\"instrument\":\"qol-other\",\"instrumentVersion\":\"1\","
                        + "\"complete\":false,\"answers\":{\"qol.comment\":\"" + "x".repeat(2001) + "\"}}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fields['qol.comment']").exists());
        json(as("sanne", get("/api/v1/instruments/qol-self/7")), 422);
    }

    @Test
    void the_person_fills_in_the_self_report_but_not_the_teams_instruments() throws Exception {
        String jonas = "/api/v1/persons/" + PERSON_JONAS + "/responses";
        JsonNode self = json(as("jonas", post(jonas)).content("""
                {"instrument":"qol-self","instrumentVersion":"1","complete":true,
                 "answers":{"qol.emotional.score":"4","qol.physical.score":"4","qol.material.score":"3",
                   "qol.relations.score":"3","qol.inclusion.score":"3","qol.development.score":"4",
                   "qol.self_determination.score":"4","qol.rights.score":"4"}}"""), 201);
        assertThat(self.path("respondentIsPerson").asBoolean()).isTrue();
        json(as("jonas", post(jonas)).content("""
                {"instrument":"assessment-grid","instrumentVersion":"1","complete":false,"answers":{}}"""), 403);
        json(as("jonas", post(jonas)).content("""
                {"instrument":"qol-other","instrumentVersion":"1","complete":false,"answers":{}}"""), 403);
        json(as("jonas", post("/api/v1/persons/" + PERSON_FATIMA + "/responses")).content("""
                {"instrument":"qol-self","instrumentVersion":"1","complete":false,"answers":{}}"""), 403);

        JsonNode progress = json(as("jonas", get("/api/v1/persons/" + PERSON_JONAS + "/progress")), 200);
        assertThat(progress.path("radar").path("svg").asString()).startsWith("<svg");
        assertThat(progress.path("radar").path("rows")).hasSize(8);
        assertThat(progress.path("reliance").path("columns").toString()).contains("Netwerk");
        json(as("pieter", get("/api/v1/persons/" + PERSON_JONAS + "/progress")), 403);

        // The overview draws the radar (self now, self earlier, other) and the stacked bars, each with a table.
        mvc.perform(get("/persons/" + PERSON_JONAS + "/exploration").with(httpBasic("jonas", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("class=\"chart radar\"")))
                .andExpect(content().string(containsString("Eigen kijk eerder")))
                .andExpect(content().string(containsString("Kijk van een ander")))
                .andExpect(content().string(containsString("class=\"chart bars\"")))
                .andExpect(content().string(containsString("id=\"radar-table\"")))
                .andExpect(content().string(containsString("id=\"reliance-table\"")))
                .andExpect(content().string(containsString("id=\"fill-qol-self\"")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"fill-assessment-grid\""))));
    }

    @Test
    void the_person_puts_their_wishes_in_order() throws Exception {
        String base = "/api/v1/persons/" + PERSON_JONAS + "/wishes";
        List<String> ids = new ArrayList<>();
        json(as("jonas", get(base)), 200).values().forEach(w -> ids.add(w.path("id").asString()));
        assertThat(ids.size()).isGreaterThanOrEqualTo(3);
        List<String> reversed = new ArrayList<>(ids);
        Collections.reverse(reversed);
        JsonNode after = json(as("jonas", put(base + "/order")).content(JSON.writeValueAsString(java.util.Map.of("order", reversed))), 200);
        assertThat(after.values()).extracting(w -> w.path("id").asString()).containsExactlyElementsOf(reversed);
        assertThat(after.values()).extracting(w -> w.path("priority").asInt()).isSorted();

        // An order that drops a wish is refused, so nothing silently disappears from the plan's start.
        mvc.perform(as("jonas", put(base + "/order")).content(JSON.writeValueAsString(java.util.Map.of("order", reversed.subList(1, reversed.size())))))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.fields.order").exists());
        json(as("pieter", put(base + "/order")).content(JSON.writeValueAsString(java.util.Map.of("order", reversed))), 403);

        // On the page: move the last wish up one place.
        String last = reversed.get(reversed.size() - 1);
        mvc.perform(post("/persons/" + PERSON_JONAS + "/wishes/" + last + "/move").param("direction", "-1")
                .with(httpBasic("jonas", PASSWORD)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(json(as("jonas", get(base)), 200).path(reversed.size() - 2).path("id").asString()).isEqualTo(last);
    }

    @Test
    void the_dossier_shows_the_story_conversations_and_top_wishes_and_instruments_speak_english_too() throws Exception {
        mvc.perform(get("/persons/" + PERSON_JONAS).with(httpBasic("sanne", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"story-head\"")))
                .andExpect(content().string(containsString("id=\"conv-head\"")))
                .andExpect(content().string(containsString("Belangrijkste wensen")))
                .andExpect(content().string(containsString("In eigen woorden van Jonas Verbeke")));
        mvc.perform(get("/persons/" + PERSON_JONAS + "/exploration/fill/self-reliance").param("lang", "en")
                        .with(httpBasic("sanne", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Share from the network (%)")))
                .andExpect(content().string(containsString("Fully self-reliant")));
        // A person cannot open a team instrument's form.
        mvc.perform(get("/persons/" + PERSON_JONAS + "/exploration/fill/assessment-grid").with(httpBasic("jonas", PASSWORD)))
                .andExpect(status().isForbidden())
                .andExpect(content().string(containsString("samen met u")));
        // A bad page submission comes back with the field marked and the answer kept.
        mvc.perform(post("/persons/" + PERSON_FATIMA + "/exploration/fill/self-reliance").with(httpBasic("sanne", PASSWORD)).with(csrf())
                        .param("instrumentVersion", "1").param("action", "complete")
                        .param("a:reliance.living.own", "70").param("a:reliance.living.network", "20"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("samen moeten 100% zijn (nu 90%)")))
                .andExpect(content().string(containsString("value=\"70\"")));
    }
}
