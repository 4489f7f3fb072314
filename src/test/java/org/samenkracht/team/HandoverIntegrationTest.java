package org.samenkracht.team;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.Role;
import org.samenkracht.person.Persons;
import org.samenkracht.person.RegisterPerson;
import org.samenkracht.privacy.CareTeam;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.samenkracht.common.demo.DemoIds.*;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SamenkrachtTest
class HandoverIntegrationTest {

    @Autowired MockMvc mvc;
    @Autowired Accounts accounts;
    @Autowired Persons persons;
    @Autowired CareTeam careTeam;
    @Autowired JdbcClient jdbc;

    static MockHttpServletRequestBuilder as(String user, MockHttpServletRequestBuilder request) {
        String token = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return request.header("Authorization", "Basic " + token).header("Accept-Language", "nl")
                .contentType(MediaType.APPLICATION_JSON);
    }

    /** A fresh person of Sanne's with an account of their own and the team made known to them. */
    static String freshPerson(Accounts accounts, Persons persons, CareTeam careTeam, AtomicReference<UUID> id) {
        String username = "persoon-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.runAs(PROFESSIONAL_SANNE, () -> {
            UUID p = persons.register(new RegisterPerson("Mila", "Overdracht", LocalDate.of(1970, 2, 2), "", "", "", "", "", ""));
            careTeam.recordDisclosure(p, LocalDate.now(), CareTeam.DisclosedHow.CONVERSATION);
            accounts.create(new Accounts.NewAccount(UUID.randomUUID(), ORGANISATION, username, PASSWORD, "Mila Overdracht",
                    Role.PERSON, p));
            id.set(p);
        });
        return username;
    }

    String body(MockHttpServletRequestBuilder request, int expected) throws Exception {
        return mvc.perform(request).andExpect(status().is(expected)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void after_the_receiver_accepted_and_the_person_signed_the_old_worker_is_refused_and_who_looked_shows_it() throws Exception {
        AtomicReference<UUID> ref = new AtomicReference<>();
        String person = freshPerson(accounts, persons, careTeam, ref);
        UUID p = ref.get();
        String base = "/api/v1/persons/" + p + "/handovers";
        String id = JsonPath.read(body(as("sanne", post(base)).content(
                "{\"toId\":\"" + PROFESSIONAL_LOTTE + "\",\"reason\":\"Minder uren\",\"phaseOut\":\"Nog één keer samen op bezoek\"}"), 201), "$.id");
        String h = base + "/" + id;
        // Before the three-way conversation no one signs.
        mvc.perform(as("lotte", post(h + "/accept")).content("{\"version\":0}")).andExpect(status().isUnprocessableContent());
        body(as("sanne", post(h + "/conversation")).content("{\"heldOn\":\"" + LocalDate.now() + "\",\"note\":\"Met z'n drieën\",\"version\":0}"), 200);
        // Only the receiver accepts; the team signing for the person must say on whose behalf.
        mvc.perform(as("sanne", post(h + "/accept")).content("{\"version\":1}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.fields.handover").exists());
        mvc.perform(as("sanne", post(h + "/sign")).content("{\"version\":1}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.fields.onBehalf").exists());
        // The person signs first: Sanne's part does not end before Lotte accepted.
        assertThat(body(as(person, post(h + "/sign")).content("{\"remark\":\"Lotte is fijn\",\"version\":1}"), 200))
                .contains("AWAITING_RECEIVER");
        body(as("sanne", get("/api/v1/persons/" + p)), 200);
        assertThat(body(as("lotte", post(h + "/accept")).content("{\"version\":2}"), 200)).contains("COMPLETED");
        // From now on Sanne is refused; Lotte is in.
        body(as("sanne", get("/api/v1/persons/" + p)), 403);
        body(as("sanne", get(base)), 403);
        body(as("lotte", get("/api/v1/persons/" + p)), 200);
        assertThat(jdbc.sql("select count(*) from care_team_member where person_id = ? and user_id = ?")
                .params(p, PROFESSIONAL_SANNE).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from audit_event where person_id = ? and resource = 'care-team/left'
                  and ground = ?""").params(p, "MEMBER:" + PROFESSIONAL_SANNE).query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select count(*) from audit_event where person_id = ? and actor_id = ? and action = 'DENIED'""")
                .params(p, PROFESSIONAL_SANNE).query(Integer.class).single()).isPositive();
    }

    @Test
    void the_database_holds_the_order_too_no_end_of_access_before_acceptance() {
        AtomicReference<UUID> ref = new AtomicReference<>();
        freshPerson(accounts, persons, careTeam, ref);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into handover (id, organisation_id, person_id, from_id, to_id, reason, conversation_on, person_signed_at)
                values (?, ?, ?, ?, ?, 'x', current_date, now())""")
                .params(id, ORGANISATION, ref.get(), PROFESSIONAL_SANNE, PROFESSIONAL_LOTTE).update();
        assertThatThrownBy(() -> jdbc.sql("update handover set old_access_ended_at = now() where id = ?").param(id).update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void caseload_is_weighed_against_the_bandwidth_the_team_agreed_and_the_coach_sees_figures_without_names() throws Exception {
        String mine = body(as("sanne", get("/api/v1/team/caseload")), 200);
        assertThat((Double) JsonPath.read(mine, "$.bandwidth")).isEqualTo(12.0);
        assertThat(mine).contains("Fatima El Amrani");
        String team = body(as("marieke", get("/api/v1/team/bandwidth")), 200);
        assertThat(team).contains("Sanne de Wit").doesNotContain("Fatima").doesNotContain("Henk");
        body(as("sanne", get("/api/v1/team/bandwidth")), 403);
        body(as("sanne", put("/api/v1/team/bandwidth")).content("{\"pointsPerProfessional\":30}"), 403);
        mvc.perform(as("marieke", put("/api/v1/team/bandwidth")).content("{\"pointsPerProfessional\":0}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.fields").exists());
    }

    @Test
    void a_review_with_differing_views_follows_who_was_agreed_to_decide() throws Exception {
        String reviews = body(as("marieke", get("/api/v1/persons/" + PERSON_ELS + "/reviews")), 200);
        assertThat((String) JsonPath.read(reviews, "$[0].outcome")).isEqualTo("PHASE_OUT");
        assertThat((Boolean) JsonPath.read(reviews, "$[0].viewsDiffered")).isTrue();
        mvc.perform(as("marieke", post("/api/v1/persons/" + PERSON_ELS + "/reviews")).content("""
                {"heldOn":"2026-01-05","decider":"HEAD_OF_SERVICE","views":[
                  {"viewpoint":"FAMILY","view":"Doorgaan","proposal":"CONTINUE"},
                  {"viewpoint":"COACH","view":"Afbouwen","proposal":"PHASE_OUT"}]}"""))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.fields.decider").exists());
    }
}
