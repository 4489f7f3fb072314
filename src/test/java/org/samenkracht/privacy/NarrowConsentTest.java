package org.samenkracht.privacy;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * A consent opens exactly what it names. For each kind of information a person can consent to, a
 * network member with only that consent reads every part of the file through the API: the parts of
 * that kind answer 200, every other part 403, and no refused part shows up in a body.
 */
@SamenkrachtTest
class NarrowConsentTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    PrivacyScene scenes;

    /** Each API read of a person's file, and the part it shows. */
    static Map<String, Part> routes() {
        Map<String, Part> routes = new LinkedHashMap<>();
        routes.put("/api/v1/persons/{id}", Part.PERSON);
        routes.put("/api/v1/persons/{id}/four-questions", Part.FOUR_QUESTIONS);
        routes.put("/api/v1/persons/{id}/story", Part.OWN_STORY);
        routes.put("/api/v1/persons/{id}/conversations", Part.CONVERSATIONS);
        routes.put("/api/v1/persons/{id}/logbook", Part.LOGBOOK);
        routes.put("/api/v1/persons/{id}/responses", Part.INSTRUMENT_RESPONSES);
        routes.put("/api/v1/persons/{id}/wishes", Part.WISHES);
        routes.put("/api/v1/persons/{id}/network-members", Part.NETWORK);
        routes.put("/api/v1/persons/{id}/plan/versions", Part.PLAN);
        routes.put("/api/v1/persons/{id}/care-team", Part.CARE_TEAM);
        routes.put("/api/v1/persons/{id}/consents", Part.CONSENTS);
        routes.put("/api/v1/persons/{id}/access-log", Part.AUDIT_LOG);
        routes.put("/api/v1/persons/{id}/access-log/grouped", Part.AUDIT_LOG);
        return routes;
    }

    @Test
    void a_consent_for_one_kind_of_information_opens_those_parts_and_nothing_else() throws Exception {
        for (Information consented : EnumSet.of(Information.PERSON, Information.OWN_WORDS, Information.EXPLORATION,
                Information.NETWORK, Information.PLAN)) {
            PrivacyScene.Scene scene = scenes.create(EnumSet.of(consented));
            var member = PrivacyScene.authentication(scene.as(PrivacyScene.Subject.NETWORK_WITH_CONSENT));
            for (var route : routes().entrySet()) {
                MvcResult r = mvc.perform(get(route.getKey().replace("{id}", scene.person().toString()))
                        .with(authentication(member))).andReturn();
                boolean opened = route.getValue().information() == consented;
                int expected = opened ? 200 : 403;
                int status = r.getResponse().getStatus();
                if (opened && status == 404) {
                    status = 200;  // opened, and there is nothing yet (a plan not started)
                }
                assertThat(status).as(consented + " → " + route.getKey()).isEqualTo(expected);
                String body = r.getResponse().getContentAsString();
                if (route.getValue() != Part.NETWORK) {
                    // the other network member's name belongs to the network part only
                    assertThat(body).as(consented + " → " + route.getKey()).doesNotContain("Buur ");
                }
                if (route.getValue() != Part.PERSON && expected == 403) {
                    assertThat(body).doesNotContain("Scène");
                }
            }
        }
    }

    @Test
    void a_consent_for_own_words_opens_the_story_and_the_logbook_on_the_pages_too() throws Exception {
        PrivacyScene.Scene scene = scenes.create(EnumSet.of(Information.OWN_WORDS));
        var member = PrivacyScene.authentication(scene.as(PrivacyScene.Subject.NETWORK_WITH_CONSENT));
        String id = scene.person().toString();
        assertThat(mvc.perform(get("/persons/" + id + "/story").with(authentication(member))).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/persons/" + id + "/logbook").with(authentication(member))).andReturn()
                .getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(get("/persons/" + id + "/plan").with(authentication(member))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/persons/" + id + "/network").with(authentication(member))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void a_closed_part_is_left_out_of_the_dossier_never_shown_as_empty() throws Exception {
        // as Kevin in the demo: a consent for the person's details and the plan
        PrivacyScene.Scene scene = scenes.create(EnumSet.of(Information.PERSON, Information.PLAN));
        var member = PrivacyScene.authentication(scene.as(PrivacyScene.Subject.NETWORK_WITH_CONSENT));
        var self = PrivacyScene.authentication(scene.as(PrivacyScene.Subject.SELF));
        String id = scene.person().toString();
        var answer = mvc.perform(get("/persons/" + id).with(authentication(member))).andReturn().getResponse();
        assertThat(answer.getStatus()).isEqualTo(200);
        String page = answer.getContentAsString();
        // the four questions and the team are closed to a network member with a consent for the plan: no card
        // saying "not filled in yet", no heading over an empty team, no link to a page that would refuse
        assertThat(page).doesNotContain("In eigen woorden").doesNotContain("Nog niet ingevuld")
                .doesNotContain("Team rond deze persoon").doesNotContain(id + "/questions");
        String dossier = mvc.perform(get("/api/v1/persons/" + id + "/dossier").with(authentication(member))).andReturn()
                .getResponse().getContentAsString();
        assertThat(dossier).contains("\"parts\":[\"PERSON\",\"PLAN\"]");
        assertThat(page).contains("Ondersteuningsplan");
        // the person themself sees the card, filled in or not
        String own = mvc.perform(get("/persons/" + id).with(authentication(self))).andReturn().getResponse().getContentAsString();
        assertThat(own).contains("In eigen woorden").contains(id + "/questions");
    }
}
