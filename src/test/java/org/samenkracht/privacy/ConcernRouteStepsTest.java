package org.samenkracht.privacy;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.privacy.ConcernRoute.Advice;
import org.samenkracht.privacy.ConcernRoute.Step;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.util.EnumSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The concern route along the five steps of the reporting code (issue 19, item 7): one page a step, the
 * conversation skipped only with a recorded reason, the five questions of the assessment framework and
 * their advice, and the decision to organise help and/or report; pages and API alike.
 */
@SamenkrachtTest
class ConcernRouteStepsTest {


    @Autowired
    MockMvc mvc;
    @Autowired
    PrivacyScene scenes;
    @Autowired
    Concerns concerns;
    @Autowired
    Accounts accounts;

    @Test
    void each_step_has_its_page_and_a_refused_step_comes_back_with_what_was_typed() throws Exception {
        var scene = scenes.create(EnumSet.of(Information.EVERYTHING));
        CurrentUser pro = scene.as(PrivacyScene.Subject.TEAM_PROFESSIONAL);
        UUID p = scene.person();
        UUID c = raise(pro, p, "Het kind had blauwe plekken op de armen.");
        String base = "/persons/" + p + "/privacy/concerns/" + c;

        mvc.perform(get(base).with(as(pro))).andExpect(redirectedUrl(base + "/steps/consult"));
        for (Step s : Step.values()) {
            String page = page(base + "/steps/" + s.path(), pro);
            assertThat(page).contains("aria-current=\"page\"").contains(base + "/steps/signals");
        }
        assertThat(page(base + "/steps/signals", pro)).contains("blauwe plekken");

        // step 2: a colleague and the advice line
        mvc.perform(form(base + "/consultation", pro).param("version", "0").param("note", "Met aandachtsfunctionaris Ria besproken.")
                .param("adviceLine", "true")).andExpect(redirectedUrl(base));
        assertThat(view(p, c, pro).adviceLineConsulted()).isTrue();
        mvc.perform(get(base).with(as(pro))).andExpect(redirectedUrl(base + "/steps/talk"));

        // step 4 before step 3 is refused, with the answers kept
        String refused = mvc.perform(form(base + "/assessment", pro).param("version", "1").param("suspicion", "true")
                        .param("danger", "STRUCTURAL").param("weighing", "Eerst getypt"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("Eerst getypt");
        assertThat(page(base + "/steps/weigh", pro)).doesNotContain("name=\"weighing\"");

        // step 3 skipped: not without a reason; the typed text comes back
        String noReason = mvc.perform(form(base + "/conversation-skipped", pro).param("version", "1").param("reason", " "))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(noReason).contains("alleen overslaan met een reden");
        mvc.perform(form(base + "/conversation-skipped", pro).param("version", "1")
                .param("reason", "Vader is agressief; vertellen brengt moeder en kind in gevaar.")).andExpect(redirectedUrl(base));
        var skipped = view(p, c, pro);
        assertThat(skipped.stage()).isEqualTo(ConcernRoute.Stage.FAMILY_SKIPPED);
        assertThat(skipped.familySkippedReason()).contains("agressief");
        assertThat(skipped.sharedWithFamilyAt()).as("not recorded falsely as told").isNull();

        // step 4: the five questions; a missing one is named
        String missing = mvc.perform(form(base + "/assessment", pro).param("version", "2").param("suspicion", "true")
                        .param("danger", "NONE").param("weighing", "Zorgen, geen direct gevaar"))
                .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
        assertThat(missing).contains("Vraag 3").contains("Zorgen, geen direct gevaar");
        var assessed = mvc.perform(form(base + "/assessment", pro).param("version", "2").param("suspicion", "true")
                .param("danger", "STRUCTURAL").param("weighing", "Herhaald letsel: structurele onveiligheid.")).andReturn().getResponse();
        assertThat(assessed.getRedirectedUrl()).as(problems(assessed.getContentAsString())).isEqualTo(base);
        var weighed = view(p, c, pro);
        assertThat(weighed.advice()).isEqualTo(Advice.REPORT);
        assertThat(weighed.currentStep()).isEqualTo(Step.DECIDE);

        // step 5: help beside the report; the report is still due until made
        mvc.perform(form(base + "/help", pro).param("version", "3").param("note", "Moeder en kind naar de opvang."))
                .andExpect(redirectedUrl(base));
        assertThat(page(base + "/steps/decide", pro)).contains("id=\"report-due\"");
        mvc.perform(form(base + "/report", pro).param("version", "4").param("recipient", "Veilig Thuis")
                .param("information", "De zorg over het kind").param("justification", "Structurele onveiligheid; melden is nodig."))
                .andExpect(redirectedUrl(base));
        var decided = view(p, c, pro);
        assertThat(decided.stage()).isEqualTo(ConcernRoute.Stage.STEPPED_OUTSIDE);
        assertThat(decided.helpOrganisedAt()).isNotNull();
        assertThat(decided.reportStillDue()).isFalse();
        assertThat(page(base + "/steps/decide", pro)).doesNotContain("id=\"report-due\"").contains("Moeder en kind naar de opvang");
    }

    @Test
    void the_api_twin_walks_the_same_route_and_names_the_refused_field() throws Exception {
        var scene = scenes.create(EnumSet.of(Information.EVERYTHING));
        CurrentUser pro = scene.as(PrivacyScene.Subject.TEAM_PROFESSIONAL);
        UUID p = scene.person();
        UUID c = raise(pro, p, "Kind zegt dat het thuis geslagen wordt.");
        String api = "/api/v1/persons/" + p + "/concerns/" + c;

        mvc.perform(get(api).with(as(pro))).andExpect(status().isOk())
                .andExpect(jsonPath("$.currentStep").value("CONSULT")).andExpect(jsonPath("$.stage").value("RAISED"));
        mvc.perform(json(api + "/conversation-skipped", pro, "{\"version\":0,\"reason\":\"\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.fields.reason").exists());
        mvc.perform(json(api + "/conversation", pro, "{\"version\":0,\"note\":\"Met ouders besproken.\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.currentStep").value("WEIGH"));
        mvc.perform(json(api + "/assessment", pro, "{\"version\":1,\"suspicion\":true,\"danger\":\"NONE\",\"canHelp\":true,\"weighing\":\"w\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.fields.helpAccepted").exists());
        mvc.perform(json(api + "/assessment", pro, "{\"version\":1,\"suspicion\":true,\"danger\":\"NONE\",\"canHelp\":true,"
                        + "\"helpAccepted\":true,\"resultInTime\":true,\"weighing\":\"Ouders werken mee.\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.advice").value("ORGANISE_HELP"))
                .andExpect(jsonPath("$.reportStillDue").value(false));
        mvc.perform(json(api + "/help", pro, "{\"version\":2,\"note\":\"Opvoedondersteuning, elke week.\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.stage").value("HELP_ORGANISED"));
        mvc.perform(json(api + "/help", pro, "{\"note\":\"x\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.fields.version").exists());

        // a colleague outside the team reads no step of it
        CurrentUser outside = scene.as(PrivacyScene.Subject.SAME_ORG_PROFESSIONAL);
        assertThat(mvc.perform(get(api).with(as(outside))).andReturn().getResponse().getStatus()).isIn(403, 404);
        assertThat(mvc.perform(get("/persons/" + p + "/privacy/concerns/" + c + "/steps/weigh").with(as(outside)))
                .andReturn().getResponse().getStatus()).isIn(403, 404);
    }

    private Concerns.ConcernView view(UUID p, UUID c, CurrentUser user) {
        var view = new java.util.concurrent.atomic.AtomicReference<Concerns.ConcernView>();
        accounts.runAs(user.id(), () -> view.set(concerns.one(p, c)));
        return view.get();
    }

    private UUID raise(CurrentUser user, UUID p, String text) {
        var id = new java.util.concurrent.atomic.AtomicReference<UUID>();
        accounts.runAs(user.id(), () -> id.set(concerns.raise(p, text)));
        return id.get();
    }

    private static String problems(String html) {
        int at = html.indexOf("id=\"problems\"");
        return at < 0 ? "no problems shown" : html.substring(at, Math.min(html.length(), at + 400));
    }

    private String page(String path, CurrentUser user) throws Exception {
        return mvc.perform(get(path).with(as(user))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private MockHttpServletRequestBuilder form(String path, CurrentUser user) {
        return post(path).with(as(user)).with(csrf());
    }

    private MockHttpServletRequestBuilder json(String path, CurrentUser user, String body) {
        return post(path).with(as(user)).with(csrf()).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private org.springframework.test.web.servlet.request.RequestPostProcessor as(CurrentUser user) {
        return authentication(PrivacyScene.authentication(user));
    }
}
