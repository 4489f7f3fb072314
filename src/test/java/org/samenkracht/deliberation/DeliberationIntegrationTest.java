package org.samenkracht.deliberation;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.exploration.Wishes;
import org.samenkracht.identity.Accounts;
import org.samenkracht.person.OwnStory;
import org.samenkracht.person.Persons;
import org.samenkracht.person.RegisterPerson;
import org.samenkracht.plan.PlanCommands;
import org.samenkracht.plan.Plans;
import org.samenkracht.privacy.Concerns;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SamenkrachtTest
class DeliberationIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Persons persons;
    @Autowired Wishes wishes;
    @Autowired Plans plans;
    @Autowired OwnStory story;
    @Autowired Concerns concerns;
    @Autowired JdbcClient jdbc;

    static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
        String token = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return request.header("Authorization", "Basic " + token).header("Accept-Language", "nl")
                .contentType(MediaType.APPLICATION_JSON);
    }

    /** A fresh person of Sanne's with a plan of one goal, their own story, and a concern shared with them. */
    record Fresh(UUID person, UUID goal, UUID concern) {
    }

    Fresh fresh(String name) {
        AtomicReference<Fresh> f = new AtomicReference<>();
        accounts.runAs(PROFESSIONAL_SANNE, () -> {
            UUID p = persons.register(new RegisterPerson(name, "Proef", LocalDate.of(1985, 5, 5), "", "", "", "", "", ""));
            wishes.add(p, new Wishes.AddWish("Rust in huis.", "CONVERSATION"));
            plans.start(p);
            UUID goal = plans.addGoal(p, new PlanCommands.AddGoal(wishes.prioritised(p).get(0).id(), "Rust in huis",
                    null, "Ik voel me veilig thuis", "SHORT", null, null, plans.current(p).orElseThrow().version()));
            UUID c = concerns.raise(p, "Ze vertelde in vertrouwen dat haar man haar soms slaat.");
            concerns.shareWithFamily(p, c, 0, "Besproken met haar, vanuit verwondering.");
            f.set(new Fresh(p, goal, c));
        });
        return f.get();
    }

    String body(MockHttpServletRequestBuilder request, int expected) throws Exception {
        return mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void the_seed_dilemma_goes_from_the_gps_to_a_decision_a_plan_step_and_the_concerns_weighing() throws Exception {
        Fresh f = fresh("Nadia");
        // Her own words, from her own account (what the team adds beside them is not her perspective).
        UUID own = UUID.randomUUID();
        accounts.runAs(PROFESSIONAL_SANNE, () -> accounts.create(new Accounts.NewAccount(own, ORGANISATION,
                "nadia-" + own.toString().substring(0, 8), PASSWORD, "Nadia Proef", org.samenkracht.identity.Role.PERSON, f.person())));
        accounts.runAs(own, () -> story.add(f.person(), new OwnStory.Write("Ik wil dat mijn kinderen rustig kunnen slapen.")));
        accounts.runAs(PROFESSIONAL_SANNE, () -> story.add(f.person(), new OwnStory.Write("Sanne: de kinderen lijken stil.")));
        String base = "/api/v1/persons/" + f.person() + "/deliberations";
        String id = JsonPath.read(body(as("sanne", post(base)).content("{\"title\":\"Geheim over geweld\",\"method\":\"GPS\"}"), 201), "$.id");
        String d = base + "/" + id;
        // Deciding before the work is done is refused, naming the field.
        mvc.perform(as("sanne", post(d + "/decision")).content("{\"decision\":\"Zwijgen\",\"version\":0}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.fields.keyQuestion").exists());
        body(as("sanne", put(d + "/answers")).content("""
                {"answers":{"gutReaction":"Schrik","keyQuestion":"Zwijgen of een stap naar buiten?","facts":"Ze zegt dat hij haar slaat.",
                "suspicions":"De kinderen zien het misschien.","conflictKind":"LOYALTY","laws":"Beroepsgeheim",
                "decisiveArguments":"Geen acuut gevaar; zij wil zelf stappen zetten."},"version":0}"""), 200);
        // A stale version is a conflict, not a silent overwrite.
        mvc.perform(as("sanne", put(d + "/answers")).content("{\"answers\":{\"facts\":\"x\"},\"version\":0}"))
                .andExpect(status().isConflict());
        body(as("sanne", post(d + "/values")).content("{\"perspective\":\"Nadia\",\"valueName\":\"vertrouwen\",\"version\":1}"), 200);
        body(as("sanne", post(d + "/values")).content("{\"perspective\":\"De kinderen\",\"valueName\":\"veiligheid\",\"version\":2}"), 200);
        String view = body(as("sanne", post(d + "/perspective")).content("{\"version\":3}"), 200);
        assertThat((String) JsonPath.read(view, "$.personPerspective")).contains("Ik wil dat mijn kinderen rustig kunnen slapen.")
                .doesNotContain("de kinderen lijken stil");
        body(as("sanne", post(d + "/decision")).content("{\"decision\":\"Nu geen stap naar buiten; veiligheidsplan.\",\"version\":4}"), 200);
        LocalDate evaluate = LocalDate.now().plusWeeks(4);
        body(as("sanne", post(d + "/actions")).content("{\"description\":\"Veiligheidsplan maken\",\"goalId\":\"" + f.goal()
                + "\",\"evaluateOn\":\"" + evaluate + "\",\"version\":5}"), 201);
        AtomicReference<String> stepText = new AtomicReference<>();
        accounts.runAs(PROFESSIONAL_SANNE, () -> stepText.set(plans.current(f.person()).orElseThrow().goals().get(0).steps().get(0).description()));
        assertThat(stepText.get()).contains("Veiligheidsplan maken").contains(evaluate.format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")));
        String linked = body(as("sanne", post(d + "/concern")).content("{\"concernId\":\"" + f.concern() + "\",\"concernVersion\":1,\"version\":6}"), 200);
        assertThat((String) JsonPath.read(linked, "$.concernId")).isEqualTo(f.concern().toString());
        var weighed = jdbc.sql("select weighed_at is not null, deliberation_ref from concern where id = ?").param(f.concern())
                .query((rs, i) -> new Object[] {rs.getBoolean(1), rs.getString(2)}).single();
        assertThat(weighed[0]).isEqualTo(true);
        assertThat((String) weighed[1]).isEqualTo("/persons/" + f.person() + "/deliberations/" + id);
        body(as("sanne", post(d + "/close")).content("{\"version\":7}"), 200);
    }

    @Test
    void secret_by_default_only_the_team_sees_it_and_no_one_links_it_to_a_person_they_may_not_see() throws Exception {
        UUID fatimas = jdbc.sql("select id from deliberation where person_id = ? and method = 'GPS'").param(PERSON_FATIMA).query(UUID.class).single();
        body(as("sanne", get("/api/v1/persons/" + PERSON_FATIMA + "/deliberations/" + fatimas)), 200);
        // Marieke coaches, but takes no part in Fatima's support; Pieter is of another organisation.
        body(as("marieke", get("/api/v1/persons/" + PERSON_FATIMA + "/deliberations/" + fatimas)), 403);
        body(as("pieter", post("/api/v1/persons/" + PERSON_FATIMA + "/deliberations")).content("{\"title\":\"x\",\"method\":\"GPS\"}"), 403);
        // Kevin's consent opens Jonas's plan, never a deliberation.
        body(as("kevin", get("/api/v1/persons/" + PERSON_JONAS + "/deliberations")), 403);
        assertThat(body(as("sanne", get("/api/v1/persons/" + PERSON_FATIMA + "/deliberations/" + fatimas)), 200))
                .contains("Een geheim over geweld thuis").contains("vertrouwen").contains("veiligheid");
    }

    @Test
    void a_socratic_conversation_ends_without_a_decision() throws Exception {
        Fresh f = fresh("Rosa");
        String base = "/api/v1/persons/" + f.person() + "/deliberations";
        String id = JsonPath.read(body(as("sanne", post(base)).content("{\"title\":\"Nabijheid\",\"method\":\"SOCRATIC\"}"), 201), "$.id");
        mvc.perform(as("sanne", post(base + "/" + id + "/decision")).content("{\"decision\":\"x\",\"version\":0}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.fields.decision").exists());
        body(as("sanne", put(base + "/" + id + "/answers")).content("{\"answers\":{\"understanding\":\"Nabijheid vraagt grenzen.\"},\"version\":0}"), 200);
        body(as("sanne", post(base + "/" + id + "/close")).content("{\"version\":1}"), 200);
    }

    @Test
    void intervision_never_carries_a_name_and_asks_no_advice_in_the_question_round() throws Exception {
        mvc.perform(as("sanne", post("/api/v1/sessions")).content("""
                {"kind":"INTERVISION","heldOn":"2026-01-05","casePseudonym":"Fatima","caseQuestion":"Mag ik zwijgen?",
                 "participantIds":["%s"]}""".formatted(PROFESSIONAL_LOTTE)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.fields.casePseudonym").exists());
        String id = JsonPath.read(body(as("sanne", post("/api/v1/sessions")).content("""
                {"kind":"INTERVISION","heldOn":"2026-01-05","casePseudonym":"Mevrouw B.","caseQuestion":"Mag ik zwijgen?",
                 "participantIds":["%s"]}""".formatted(PROFESSIONAL_LOTTE)), 201), "$.id");
        String s = "/api/v1/sessions/" + id;
        body(as("sanne", post(s + "/rounds")).content("{\"round\":\"introduction\",\"notes\":\"Afspraken\",\"version\":0}"), 200);
        body(as("sanne", post(s + "/rounds")).content("{\"round\":\"incident\",\"notes\":\"Een moeder vertelt.\",\"version\":1}"), 200);
        mvc.perform(as("lotte", post(s + "/rounds")).content("{\"round\":\"questions\",\"notes\":\"Je moet de politie bellen.\",\"version\":2}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.fields.notes").exists());
        body(as("lotte", post(s + "/rounds")).content("{\"round\":\"questions\",\"notes\":\"Hoe reageerde ze?\",\"version\":2}"), 200);
        body(as("lotte", post(s + "/burden")).content("{\"burden\":6}"), 200);
        // Ahmed (administrator) is no participant; Pieter of another organisation does not find it.
        body(as("ahmed", get(s)), 403);
        body(as("pieter", get(s)), 404);
        String burden = body(as("lotte", get("/api/v1/sessions/burden")), 200);
        assertThat(burden).contains("\"burden\":6").doesNotContain("Sanne de Wit");
        assertThat(body(as("marieke", get("/api/v1/sessions/burden")), 200)).contains("Sanne de Wit").contains("Lotte Peeters");
    }
}
