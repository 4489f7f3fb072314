package org.samenkracht.exploration;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.PERSON_JONAS;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The API twin of an instrument's form (issue 15): the instrument in the path, the same service, gate and rules. */
@SamenkrachtTest
class FillInApiTest extends org.samenkracht.ApiTest {

    private final String base = "/api/v1/persons/" + PERSON_JONAS + "/exploration/fill/";


    @Test
    void the_person_fills_in_a_self_report_through_the_api_but_not_a_team_instrument_nor_does_another_organisation()
            throws Exception {
        String draft = "{\"instrumentVersion\":\"1\",\"answers\":{},\"complete\":false}";
        MvcResult created = mvc.perform(as("jonas", post(base + "qol-self")).content(draft))
                .andExpect(status().isCreated()).andReturn();
        JsonNode response = JSON.readTree(created.getResponse().getContentAsString());
        assertThat(response.path("instrument").asString()).isEqualTo("qol-self");
        assertThat(response.path("status").asString()).isEqualTo("DRAFT");
        assertThat(created.getResponse().getHeader("Location"))
                .isEqualTo("/api/v1/persons/" + PERSON_JONAS + "/responses/" + response.path("id").asString());
        // a team instrument is not the person's to fill in; another organisation's professional may not at all
        json(as("jonas", post(base + "assessment-grid")).content(draft), 403);
        json(as("pieter", post(base + "qol-self")).content(draft), 403);
        // a wrong answer: 422 naming the question; no version: 422 naming it
        JsonNode wrong = json(as("sanne", post(base + "qol-other")).header("Accept-Language", "nl")
                .content("{\"instrumentVersion\":\"1\",\"complete\":false,\"answers\":{\"qol.emotional.score\":\"7\"}}"), 422);
        assertThat(wrong.path("fields").path("qol.emotional.score").asString()).contains("1 tot en met 5");
        JsonNode noVersion = json(as("sanne", post(base + "qol-self")).content("{\"answers\":{},\"complete\":false}"), 422);
        assertThat(noVersion.path("fields").path("instrumentVersion").asString()).isNotBlank();
    }
}
