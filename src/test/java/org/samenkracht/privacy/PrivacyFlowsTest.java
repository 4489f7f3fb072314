package org.samenkracht.privacy;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.identity.Accounts;
import org.samenkracht.privacy.PrivacyScene.Subject;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.samenkracht.common.demo.DemoIds.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SamenkrachtTest
class PrivacyFlowsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    PrivacyScene scenes;
    @Autowired
    Accounts accounts;
    @Autowired
    CareTeam team;
    @Autowired
    Consents consents;
    @Autowired
    Concerns concerns;
    @Autowired
    SharingDecisions sharing;
    @Autowired
    PersonRights rights;
    @Autowired
    AuditLog auditLog;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_revoked_consent_counts_from_the_next_request_and_covers_only_what_it_names() throws Exception {
        var scene = scenes.create(EnumSet.of(Information.PERSON, Information.PLAN));
        var friend = authentication(PrivacyScene.authentication(scene.as(Subject.NETWORK_WITH_CONSENT)));
        mvc.perform(get("/api/v1/persons/{id}", scene.person()).with(friend)).andExpect(status().isOk());
        mvc.perform(get("/persons/{id}/questions", scene.person()).with(friend)).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("geen toestemming")));
        mvc.perform(get("/api/v1/persons/{id}", scene.person())
                        .with(authentication(PrivacyScene.authentication(scene.as(Subject.NETWORK_WITHOUT_CONSENT)))))
                .andExpect(status().isForbidden());

        mvc.perform(post("/api/v1/persons/{id}/consents/{c}/revoke", scene.person(), scene.consentId())
                        .with(authentication(PrivacyScene.authentication(scene.as(Subject.SELF)))).with(csrf()))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/persons/{id}", scene.person()).with(friend)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").exists());

        var log = new java.util.ArrayList<AuditLog.Entry>();
        accounts.runAs(scene.as(Subject.SELF).id(), () -> log.addAll(auditLog.whoLooked(scene.person(), 50)));
        assertThat(log).anyMatch(e -> e.consent() && e.action().equals("READ"));
        assertThat(log).anyMatch(e -> e.action().equals("DENIED") && e.ground().equals("access.refused.noConsent"));
    }

    @Test
    void a_second_team_member_opens_the_file_only_after_the_team_was_introduced_to_the_person() {
        var scene = scenes.create(Set.of());
        jdbc.sql("delete from care_team_disclosure where person_id = ?").param(scene.person()).update();
        accounts.runAs(scene.as(Subject.TEAM_COACH).id(), () -> assertThatThrownBy(() -> consents.of(scene.person()))
                .isInstanceOf(AccessRefused.class).hasMessage("access.refused.teamNotDisclosed"));
        // The one who started the support is not sharing with anyone: they keep access.
        accounts.runAs(scene.as(Subject.TEAM_PROFESSIONAL).id(), () -> {
            assertThat(consents.of(scene.person())).isNotEmpty();
            team.recordDisclosure(scene.person(), LocalDate.now(), CareTeam.DisclosedHow.LETTER);
        });
        accounts.runAs(scene.as(Subject.TEAM_COACH).id(), () -> assertThat(consents.of(scene.person())).isNotEmpty());
        accounts.runAs(scene.as(Subject.TEAM_PROFESSIONAL).id(), () -> assertThatThrownBy(() ->
                team.recordDisclosure(scene.person(), LocalDate.now().plusDays(1), CareTeam.DisclosedHow.LETTER))
                .isInstanceOf(RuleViolation.class).hasMessage("careTeam.disclosedOnFuture"));
    }

    @Test
    void emergency_access_is_read_only_time_limited_flagged_notified_and_reviewed() throws Exception {
        var scene = scenes.create(Set.of());
        var night = authentication(PrivacyScene.authentication(scene.as(Subject.EMERGENCY)));
        mvc.perform(get("/persons/{id}", scene.person()).with(night)).andExpect(status().isOk());
        mvc.perform(post("/persons/{id}/edit", scene.person()).with(night).with(csrf())
                .param("givenName", "X").param("familyName", "Y").param("version", "0")).andExpect(status().isForbidden());
        var grant = jdbc.sql("select id, expires_at - opened_at <= interval '60 minutes' from emergency_access where person_id = ? and actor_id = ?")
                .params(scene.person(), scene.as(Subject.EMERGENCY).id()).query((rs, i) -> new Object[]{rs.getObject(1, java.util.UUID.class), rs.getBoolean(2)}).single();
        assertThat((Boolean) grant[1]).isTrue();
        // both professionals of another organisation asked: the coach got a question each
        assertThat(jdbc.sql("select count(*) from privacy_notification where person_id = ? and kind = 'EMERGENCY_ASKED' and recipient_id = ?")
                .params(scene.person(), scene.as(Subject.TEAM_COACH).id()).query(Long.class).single()).isEqualTo(2);
        mvc.perform(get("/privacy/notifications").with(authentication(PrivacyScene.authentication(scene.as(Subject.TEAM_COACH)))))
                .andExpect(status().isOk()).andExpect(content().string(containsString("vraagt noodtoegang")))
                .andExpect(content().string(containsString("Scène")));
        accounts.runAs(scene.as(Subject.SELF).id(), () ->
                assertThat(auditLog.whoLooked(scene.person(), 100).stream().filter(AuditLog.Entry::emergency)).isNotEmpty());
        mvc.perform(post("/persons/{id}/privacy/emergency/{g}/review", scene.person(), grant[0])
                        .with(authentication(PrivacyScene.authentication(scene.as(Subject.TEAM_COACH)))).with(csrf())
                        .param("note", "Terecht: de buurvrouw belde, medicatie gecontroleerd."))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select reviewed_at is not null from emergency_access where id = ?").param(grant[0])
                .query(Boolean.class).single()).isTrue();
        // When it has expired, the door is shut again.
        jdbc.sql("update emergency_access set opened_at = now() - interval '2 hours', expires_at = now() - interval '1 hour' where id = ?")
                .param(grant[0]).update();
        mvc.perform(get("/persons/{id}", scene.person()).with(night)).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/persons/{id}/emergency-access", scene.person())
                        .with(authentication(PrivacyScene.authentication(scene.as(Subject.OTHER_ORG_PROFESSIONAL)))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"kort\"}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.fields.reason").exists());
    }

    @Test
    void emergency_access_across_organisations_is_asked_and_opens_only_after_the_team_approves() throws Exception {
        var scene = scenes.create(Set.of());
        var stranger = authentication(PrivacyScene.authentication(scene.as(Subject.OTHER_ORG_PROFESSIONAL)));
        var coach = authentication(PrivacyScene.authentication(scene.as(Subject.TEAM_COACH)));
        var colleague = authentication(PrivacyScene.authentication(scene.as(Subject.SAME_ORG_PROFESSIONAL)));
        // another organisation asks: 202, nothing opens, every part of the file stays shut
        String asked = mvc.perform(post("/api/v1/persons/{id}/emergency-access", scene.person()).with(stranger).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Crisisdienst: buren bellen, niemand doet open.\"}"))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("ASKED"))
                .andReturn().getResponse().getContentAsString();
        String grant = com.jayway.jsonpath.JsonPath.read(asked, "$.id");
        for (String path : java.util.List.of("/api/v1/persons/{id}", "/api/v1/persons/{id}/consents", "/api/v1/persons/{id}/concerns")) {
            mvc.perform(get(path, scene.person()).with(stranger)).andExpect(status().isForbidden());
        }
        // only the person's coach decides: not a team professional (the team has a coach), not the one who asked
        for (var who : java.util.List.of(stranger, authentication(PrivacyScene.authentication(scene.as(Subject.TEAM_PROFESSIONAL))), colleague)) {
            mvc.perform(post("/api/v1/persons/{id}/emergency-access/{g}/decision", scene.person(), grant).with(who).with(csrf())
                    .contentType(MediaType.APPLICATION_JSON).content("{\"approve\":true}")).andExpect(status().isForbidden());
        }
        mvc.perform(post("/api/v1/persons/{id}/emergency-access/{g}/decision", scene.person(), grant).with(coach).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.fields.approve").exists());
        mvc.perform(get("/api/v1/emergency-access/to-decide").with(coach)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + grant + "')]").exists());
        mvc.perform(post("/api/v1/persons/{id}/emergency-access/{g}/decision", scene.person(), grant).with(coach).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"approve\":true,\"note\":\"Akkoord, het is nacht.\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("OPEN"));
        mvc.perform(get("/api/v1/persons/{id}", scene.person()).with(stranger)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/persons/{id}/emergency-access/{g}/decision", scene.person(), grant).with(coach).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"approve\":false,\"note\":\"toch niet\"}"))
                .andExpect(status().isUnprocessableContent());
        // the person is told, and sees who, why and who approved
        var self = authentication(PrivacyScene.authentication(scene.as(Subject.SELF)));
        mvc.perform(get("/api/v1/persons/{id}/emergency-access", scene.person()).with(self)).andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == '" + grant + "')].decidedBy").value(scene.as(Subject.TEAM_COACH).displayName()));
        mvc.perform(get("/privacy/notifications").with(self)).andExpect(status().isOk())
                .andExpect(content().string(containsString("vroeg in nood om in uw dossier te kijken")));
        // a refusal keeps it shut and needs a reason
        String second = com.jayway.jsonpath.JsonPath.read(mvc.perform(post("/api/v1/persons/{id}/emergency-access", scene.person())
                        .with(authentication(PrivacyScene.authentication(scene.as(Subject.EMERGENCY_ASKED)))).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Nog een keer gevraagd, zorgen.\"}"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString(), "$.id");
        mvc.perform(post("/persons/{id}/privacy/emergency/{g}/decision", scene.person(), second).with(coach).with(csrf())
                .param("approve", "false")).andExpect(status().isUnprocessableContent());
        mvc.perform(post("/persons/{id}/privacy/emergency/{g}/decision", scene.person(), second).with(coach).with(csrf())
                .param("approve", "false").param("note", "Geen nood: de buren hebben al contact.")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/persons/{id}", scene.person())
                .with(authentication(PrivacyScene.authentication(scene.as(Subject.EMERGENCY_ASKED))))).andExpect(status().isForbidden());
        // a professional of the person's own organisation (outside the team) opens at once: 201
        mvc.perform(post("/api/v1/persons/{id}/emergency-access", scene.person()).with(colleague).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"Avonddienst: acute zorgen, collega ziek.\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("OPEN"));
        mvc.perform(get("/api/v1/persons/{id}", scene.person()).with(colleague)).andExpect(status().isOk());
    }

    @Test
    void the_check_question_must_be_answered_and_the_decision_keeps_the_answer() throws Exception {
        var scene = scenes.create(Set.of());
        var pro = authentication(PrivacyScene.authentication(scene.as(Subject.TEAM_PROFESSIONAL)));
        String unanswered = "{\"recipientKind\":\"EXTERNAL\",\"recipient\":\"Woningcorporatie\",\"information\":\"Huurschuld\","
                + "\"purpose\":\"Betalingsregeling\",\"interestOfHelp\":true,\"recipientSameGoal\":true}";
        mvc.perform(post("/api/v1/persons/{id}/sharing-decisions", scene.person()).with(pro).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(unanswered))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fields.checkRequest").value(containsString("ja of nee")));
        mvc.perform(post("/api/v1/persons/{id}/sharing-decisions", scene.person()).with(pro).with(csrf())
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content(unanswered))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fields.checkRequest").value(containsString("yes or no")));
        assertThat(jdbc.sql("select count(*) from sharing_decision where person_id = ?").param(scene.person())
                .query(Long.class).single()).isZero();
        // the page's form comes back with what was typed and the question marked
        mvc.perform(post("/persons/{id}/privacy/sharing", scene.person()).with(pro).with(csrf())
                        .param("recipientKind", "EXTERNAL").param("recipient", "Woningcorporatie De Linde")
                        .param("information", "Huurschuld").param("purpose", "Betalingsregeling afspreken"))
                .andExpect(content().string(containsString("Woningcorporatie De Linde")))
                .andExpect(content().string(containsString("Betalingsregeling afspreken")))
                .andExpect(content().string(containsString("id=\"checkRequest-error\"")));
        // answered "no": decided on the other grounds, and the answer is kept with the decision
        mvc.perform(post("/api/v1/persons/{id}/sharing-decisions", scene.person()).with(pro).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(unanswered.replace("}", ",\"checkRequest\":false}")))
                .andExpect(status().is2xxSuccessful()).andExpect(jsonPath("$.checkRequest").value(false));
        assertThat(jdbc.sql("select check_request from sharing_decision where person_id = ?").param(scene.person())
                .query(Boolean.class).single()).isFalse();
    }

    @Test
    void a_check_on_them_request_is_refused_and_kept_with_its_grounds() {
        var scene = scenes.create(Set.of());
        accounts.runAs(scene.as(Subject.TEAM_PROFESSIONAL).id(), () -> {
            var decision = sharing.decide(scene.person(), new SharingDecisions.ShareRequest(SharedSecrecyPolicy.RecipientKind.EXTERNAL,
                    "Kraamzorg", null, "Houdt moeder zich aan de afspraken?", "Controle gevraagd", true, true, true, scene.consentId()));
            assertThat(decision.shared()).isFalse();
            assertThat(decision.reasonKey()).isEqualTo("sharing.refused.checkRequest");
            assertThat(sharing.of(scene.person())).extracting(SharingDecisions.DecisionView::id).contains(decision.id());
        });
        assertThat(jdbc.sql("select count(*) from audit_event where person_id = ? and action = 'SHARE' and ground like 'REFUSED sharing.refused.checkRequest%'")
                .param(scene.person()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void the_concern_route_keeps_its_order_and_a_step_outside_becomes_a_sharing_decision() {
        var scene = scenes.create(Set.of());
        accounts.runAs(scene.as(Subject.TEAM_PROFESSIONAL).id(), () -> {
            var id = concerns.raise(scene.person(), "Blauwe plekken bij het kind gezien.");
            assertThatThrownBy(() -> concerns.weigh(scene.person(), id, 0, "afgewogen", null))
                    .isInstanceOf(RuleViolation.class).hasMessage("concern.refused.familyFirst");
            concerns.shareWithFamily(scene.person(), id, 0, "Met moeder besproken, vanuit verwondering.");
            assertThatThrownBy(() -> concerns.stepOutside(scene.person(), id, 1, "Vertrouwensarts", "zorg", "nodig"))
                    .isInstanceOf(RuleViolation.class).hasMessage("concern.refused.weighFirst");
            assertThatThrownBy(() -> concerns.weigh(scene.person(), id, 0, "stale", null))
                    .isInstanceOf(org.springframework.dao.OptimisticLockingFailureException.class);
            concerns.weigh(scene.person(), id, 1, "Met coach gewogen; veiligheid kind gaat voor.", "gps-12");
            var decision = concerns.stepOutside(scene.person(), id, 2, "Vertrouwensarts", "De zorg over het kind",
                    "In lijn met het mandaat: veiligheid van het kind, gezin vooraf ingelicht.");
            assertThat(decision.shared()).isTrue();
            assertThat(decision.reasonKey()).isEqualTo("sharing.ground.concernRoute");
            assertThat(decision.concernId()).isEqualTo(id);

            var acute = concerns.recordAcuteDanger(scene.person(), "Val in de badkamer", "Eerste hulp gegeven", "112 en de zus");
            assertThat(concerns.of(scene.person())).filteredOn(c -> c.id().equals(acute))
                    .singleElement().extracting(Concerns.ConcernView::stage).isEqualTo(ConcernRoute.Stage.REVIEW_DUE);
        });
    }

    @Test
    void the_export_holds_everything_is_audited_and_renders_a_pdf() throws Exception {
        var scene = scenes.create(Set.of());
        var self = authentication(PrivacyScene.authentication(scene.as(Subject.SELF)));
        mvc.perform(get("/api/v1/persons/{id}/export", scene.person()).with(self))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.person[0].given_name").value("Test"))
                .andExpect(jsonPath("$.records.network_member.length()").value(2))
                .andExpect(jsonPath("$.privacy.consents.length()").value(1))
                .andExpect(jsonPath("$.accessLog").isArray());
        byte[] pdf = mvc.perform(get("/persons/{id}/export.pdf", scene.person()).with(self))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        assertThat(jdbc.sql("select count(*) from audit_event where person_id = ? and action = 'EXPORT'")
                .param(scene.person()).query(Long.class).single()).isEqualTo(2);
        mvc.perform(get("/api/v1/persons/{id}/export", scene.person())
                        .with(authentication(PrivacyScene.authentication(scene.as(Subject.NETWORK_WITH_CONSENT)))))
                .andExpect(status().isForbidden());
    }

    @Test
    void erasure_waits_for_the_retention_period_and_leaves_a_pseudonymised_log() {
        var scene = scenes.create(Set.of());
        var pro = scene.as(Subject.TEAM_PROFESSIONAL);
        accounts.runAs(pro.id(), () -> assertThatThrownBy(() -> rights.erase(scene.person(), LocalDate.now().minusYears(2)))
                .isInstanceOf(RuleViolation.class).hasMessage("erasure.withinRetention"));
        accounts.runAs(pro.id(), () -> rights.restrict(scene.person(), "Ik wil eerst weten wat er bewaard wordt."));
        accounts.runAs(pro.id(), () -> assertThatThrownBy(() -> concerns.raise(scene.person(), "iets"))
                .isInstanceOf(AccessRefused.class).hasMessage("access.refused.restricted"));
        accounts.runAs(pro.id(), () -> rights.lift(scene.person()));
        accounts.runAs(pro.id(), () -> rights.erase(scene.person(), LocalDate.now().minusYears(20)));
        assertThat(jdbc.sql("select given_name from person where id = ?").param(scene.person()).query(String.class).single()).isEqualTo("-");
        assertThat(jdbc.sql("select count(*) from network_member where person_id = ?").param(scene.person()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from consent where person_id = ?").param(scene.person()).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where person_id = ?").param(scene.person()).query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select enabled from app_user where person_id = ?").param(scene.person()).query(Boolean.class).single()).isFalse();
    }

    @Test
    void a_coach_outside_the_team_sees_figures_without_names() throws Exception {
        var scene = scenes.create(Set.of());
        var otherCoach = authentication(PrivacyScene.authentication(scene.as(Subject.SAME_ORG_COACH)));
        mvc.perform(get("/persons/{id}", scene.person()).with(otherCoach)).andExpect(status().isForbidden())
                .andExpect(content().string(containsString("niet bij het team")));
        mvc.perform(get("/privacy/team").with(otherCoach)).andExpect(status().isOk())
                .andExpect(content().string(containsString(scene.as(Subject.TEAM_PROFESSIONAL).displayName())))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Scène"))));
    }

    @Test
    void the_person_sees_who_looked_in_plain_words_and_can_ask_about_an_entry() throws Exception {
        var scene = scenes.create(Set.of());
        var self = authentication(PrivacyScene.authentication(scene.as(Subject.SELF)));
        mvc.perform(get("/persons/{id}/access-log", scene.person()).with(self)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Wie keek er in uw dossier?")))
                .andExpect(content().string(containsString("in een noodsituatie")));
        long entry = jdbc.sql("select id from audit_event where person_id = ? and actor_id = ? order by id limit 1")
                .params(scene.person(), scene.as(Subject.EMERGENCY).id()).query(Long.class).single();
        mvc.perform(post("/persons/{id}/access-log/{e}/questions", scene.person(), entry).with(self).with(csrf())
                .param("question", "Wie is deze persoon en waarom keek die?")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from privacy_notification where person_id = ? and kind = 'AUDIT_QUESTION'")
                .param(scene.person()).query(Long.class).single()).isEqualTo(2);
    }
}
