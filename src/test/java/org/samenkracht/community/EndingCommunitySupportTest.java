package org.samenkracht.community;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.network.Network;
import org.samenkracht.network.NetworkMember;
import org.samenkracht.plan.PlanView;
import org.samenkracht.plan.Plans;
import org.samenkracht.privacy.AuditLog;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.samenkracht.privacy.PrivacyScene;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.samenkracht.common.demo.DemoIds.*;
import static org.samenkracht.privacy.PrivacyScene.Subject.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 20, item 5 at the end: when a buddy match ends (completed, rematch, the volunteer stops) or a member leaves a
 * group, the plan step it added is marked ended with the reason and its ecogram entry leaves the current network (the
 * network's history keeps it). An overload warns with the figures and a confirmed overload is kept with the match.
 * "Who looked" keeps what a group coach opened under a grant that has ended; the care-team API lists the grants.
 */
@SamenkrachtTest
class EndingCommunitySupportTest {

    @Autowired Accounts accounts;
    @Autowired PrivacyScene scenes;
    @Autowired BuddyMatching matching;
    @Autowired Volunteers volunteers;
    @Autowired SupportGroups groups;
    @Autowired Plans plans;
    @Autowired Network network;
    @Autowired PersonAccess access;
    @Autowired AuditLog auditLog;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    <T> T as(UUID account, Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        accounts.runAs(account, () -> result.set(work.get()));
        return result.get();
    }

    void as(UUID account, Runnable work) {
        accounts.runAs(account, work);
    }

    private UUID volunteer(UUID account, String firstName, int maxMatches, boolean screened) {
        UUID id = as(COORDINATOR_KARIM, () -> volunteers.register(UUID.randomUUID(), account, new CommunityCommands.SaveVolunteer(
                firstName + " Einde", null, Set.of(), Set.of("nederlands"), Set.of(), Set.of(), Set.of(),
                Set.of(Volunteer.KindOfWork.BUDDY), null, null, BigDecimal.valueOf(4), maxMatches, null, null)));
        if (screened) {
            as(COORDINATOR_KARIM, () -> List.of(Screening.Step.values()).forEach(s -> volunteers.recordScreening(id,
                    new CommunityCommands.RecordScreening(s, LocalDate.now().minusDays(1)))));
        }
        return id;
    }

    /** A request for Jonas under his first goal (Sanne asks, Karim checks the network and visits). */
    private UUID request(UUID goal) {
        UUID rid = as(PROFESSIONAL_SANNE, () -> matching.request(PERSON_JONAS,
                new CommunityCommands.RequestBuddy(goal, null, "Samen naar buiten", COORDINATOR_KARIM)));
        as(COORDINATOR_KARIM, () -> {
            matching.recordNetworkCheck(rid, new CommunityCommands.RecordNetworkCheck("Broer gevraagd; woont ver weg.", false, 0));
            matching.recordHomeVisit(rid, new CommunityCommands.RecordHomeVisit(LocalDate.now(), Volunteer.KindOfWork.BUDDY,
                    Set.of("nederlands"), Set.of(), Set.of(), Set.of(), BigDecimal.ONE, null, 1));
        });
        return rid;
    }

    private BuddyRequest.Match started(UUID rid, UUID volunteerId, UUID volunteerAccount) {
        UUID m = as(COORDINATOR_KARIM, () -> matching.propose(rid, new CommunityCommands.ProposeMatch(volunteerId, "Samen naar buiten", null, null)));
        as(ACCOUNT_JONAS, () -> matching.answerAsPerson(m, new CommunityCommands.Answer(true)));
        as(volunteerAccount, () -> matching.answerAsVolunteer(m, new CommunityCommands.Answer(true), volunteers));
        return match(rid, m);
    }

    private BuddyRequest.Match match(UUID rid, UUID m) {
        return as(COORDINATOR_KARIM, () -> matching.get(rid)).matches().stream().filter(x -> x.id().equals(m)).findFirst().orElseThrow();
    }

    private PlanView.Step step(UUID stepId) {
        return as(PROFESSIONAL_SANNE, () -> plans.current(PERSON_JONAS).orElseThrow()).goals().stream()
                .flatMap(g -> g.steps().stream()).filter(s -> s.id().equals(stepId)).findFirst().orElseThrow();
    }

    private Optional<NetworkMember> inNetwork(String name) {
        return as(PROFESSIONAL_SANNE, () -> network.members(PERSON_JONAS)).stream().filter(n -> n.name().equals(name)).findFirst();
    }

    private boolean keptAsFormer(UUID memberId) {
        return jdbc.sql("select removed_at is not null from network_member where id = ?").param(memberId).query(Boolean.class).single();
    }

    @Test
    void a_buddy_match_that_ends_ends_its_plan_step_with_the_reason_and_leaves_the_ecogram() throws Exception {
        PrivacyScene.Scene scene = scenes.create(Set.of());
        UUID account = scene.as(VOLUNTEER).id();
        String first = "Ilse" + UUID.randomUUID().toString().substring(0, 6);
        UUID ilse = volunteer(account, first, 2, true);
        UUID goal = as(PROFESSIONAL_SANNE, () -> plans.current(PERSON_JONAS).orElseThrow()).goals().get(0).id();
        String entry = first + " (maatje)";

        // a rematch: the match's own step ends ("another one will come"), the entry leaves the network, kept as former
        UUID r1 = request(goal);
        BuddyRequest.Match m1 = started(r1, ilse, account);
        assertThat(m1.planStepId()).isNotNull();
        assertThat(step(m1.planStepId()).ended()).isFalse();
        assertThat(m1.networkMemberId()).isNotNull();
        assertThat(inNetwork(entry)).map(NetworkMember::id).contains(m1.networkMemberId());
        as(COORDINATOR_KARIM, () -> matching.rematch(m1.id()));
        assertThat(step(m1.planStepId())).satisfies(s -> {
            assertThat(s.endedOn()).isEqualTo(LocalDate.now());
            assertThat(s.endedReason()).isEqualTo("community.ended.REMATCH");
        });
        assertThat(inNetwork(entry)).isEmpty();
        assertThat(keptAsFormer(m1.networkMemberId())).isTrue();
        assertThat(as(COORDINATOR_KARIM, () -> matching.worklist())).extracting(BuddyRequest::id).contains(r1);

        // completed: the step ends as done
        UUID r2 = request(goal);
        BuddyRequest.Match m2 = started(r2, ilse, account);
        as(COORDINATOR_KARIM, () -> matching.complete(m2.id()));
        assertThat(step(m2.planStepId()).endedReason()).isEqualTo("community.ended.COMPLETED");
        assertThat(inNetwork(entry)).isEmpty();
        // the plan page shows it ended, with the reason, in the reader's words
        var sanne = PrivacyScene.authentication(user(PROFESSIONAL_SANNE));
        mvc.perform(get("/persons/" + PERSON_JONAS + "/plan").with(authentication(sanne)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Klaar. Het maatjescontact is afgerond.")));

        // the volunteer stops: the match's step ends, the entry leaves, and the request is back on the coordinator's list
        UUID r3 = request(goal);
        BuddyRequest.Match m3 = started(r3, ilse, account);
        as(COORDINATOR_KARIM, () -> volunteers.stop(ilse, new CommunityCommands.StopVolunteer(LocalDate.now())));
        assertThat(step(m3.planStepId()).endedReason()).isEqualTo("community.ended.VOLUNTEER_STOPPED");
        assertThat(inNetwork(entry)).isEmpty();
        assertThat(as(COORDINATOR_KARIM, () -> matching.get(r3)).cameBack()).isTrue();
        assertThat(as(COORDINATOR_KARIM, () -> matching.worklist())).extracting(BuddyRequest::id).contains(r3);
    }

    @Test
    void a_request_from_a_plan_step_keeps_that_step_through_a_rematch_and_ends_it_when_completed() {
        PrivacyScene.Scene scene = scenes.create(Set.of());
        UUID account = scene.as(VOLUNTEER).id();
        UUID v = volunteer(account, "Roos" + UUID.randomUUID().toString().substring(0, 6), 2, true);
        PlanView plan = as(PROFESSIONAL_SANNE, () -> plans.current(PERSON_JONAS).orElseThrow());
        UUID goal = plan.goals().get(0).id();
        // a step of its own at the volunteer layer, so this test ends no other test's step
        UUID own = as(PROFESSIONAL_SANNE, () -> plans.addStep(PERSON_JONAS, new org.samenkracht.plan.PlanCommands.AddStep(goal,
                "Een maatje om mee te wandelen", CommunityLayer.TAKER, null, null, "Maatjesproject",
                org.samenkracht.vocabulary.Intensity.SUPPORT, null, null, plan.version())));
        UUID rid = as(PROFESSIONAL_SANNE, () -> matching.request(PERSON_JONAS,
                new CommunityCommands.RequestBuddy(null, own, "Wandelen", COORDINATOR_KARIM)));
        as(COORDINATOR_KARIM, () -> {
            matching.recordNetworkCheck(rid, new CommunityCommands.RecordNetworkCheck("Niemand kan.", false, 0));
            matching.recordHomeVisit(rid, new CommunityCommands.RecordHomeVisit(LocalDate.now(), Volunteer.KindOfWork.BUDDY,
                    Set.of("nederlands"), Set.of(), Set.of(), Set.of(), BigDecimal.ONE, null, 1));
        });
        BuddyRequest.Match m = started(rid, v, account);
        assertThat(m.planStepId()).isEqualTo(own);
        as(COORDINATOR_KARIM, () -> matching.rematch(m.id()));
        assertThat(step(own).ended()).as("the need stands: the step waits for the next volunteer").isFalse();
        UUID other = volunteer(scenes.create(Set.of()).as(VOLUNTEER).id(), "Sem" + UUID.randomUUID().toString().substring(0, 6), 2, true);
        BuddyRequest.Match next = started(rid, other, accountOf(other));
        as(COORDINATOR_KARIM, () -> matching.complete(next.id()));
        assertThat(step(own).endedReason()).isEqualTo("community.ended.COMPLETED");
        // a step whose support ended asks for no new volunteer: a new need is a new step
        assertThatThrownBy(() -> as(PROFESSIONAL_SANNE, () -> matching.request(PERSON_JONAS,
                new CommunityCommands.RequestBuddy(null, own, "Nog eens", COORDINATOR_KARIM))))
                .isInstanceOf(RuleViolation.class).hasMessage("community.request.stepEnded");
    }

    private UUID accountOf(UUID volunteerId) {
        return jdbc.sql("select account_id from volunteer where id = ?").param(volunteerId).query(UUID.class).single();
    }

    @Test
    void leaving_a_group_ends_its_plan_step_and_ecogram_entry_also_when_the_coach_ends_it() throws Exception {
        PrivacyScene.Scene scene = scenes.create(Set.of());
        UUID coach = scene.as(SAME_ORG_COACH).id();
        String name = "Eindgroep " + UUID.randomUUID().toString().substring(0, 8);
        UUID group = as(COORDINATOR_KARIM, () -> groups.create(new SupportGroupCommands.CreateGroup(name, coach, "Om de week", null)));
        UUID goal = as(PROFESSIONAL_SANNE, () -> plans.current(PERSON_JONAS).orElseThrow()).goals().get(0).id();

        // Jonas leaves himself
        as(PROFESSIONAL_SANNE, () -> groups.addMember(group, new SupportGroupCommands.AddMember(PERSON_JONAS, "Rust", goal)));
        UUID step1 = stepOfMembership(group);
        UUID entry1 = inNetwork(name).orElseThrow().id();
        // the coach opens the member's community part under the grant, which "who looked" keeps after it ended
        as(coach, () -> access.read(PERSON_JONAS, Part.COMMUNITY));
        as(ACCOUNT_JONAS, () -> groups.leave(group, PERSON_JONAS));
        assertThat(step(step1).endedReason()).isEqualTo("community.ended.LEFT_GROUP");
        assertThat(inNetwork(name)).isEmpty();
        assertThat(keptAsFormer(entry1)).isTrue();
        String coachName = scene.as(SAME_ORG_COACH).displayName();
        assertThat(as(ACCOUNT_JONAS, () -> auditLog.whoLooked(PERSON_JONAS, 1000)))
                .anySatisfy(e -> {
                    assertThat(e.actor()).isEqualTo(coachName);
                    assertThat(e.ground()).isEqualTo("GRANT");
                });
        // the care-team API shows the ended grant (who, ground, until when), as the privacy page does
        mvc.perform(get("/api/v1/persons/" + PERSON_JONAS + "/care-team").with(authentication(PrivacyScene.authentication(user(PROFESSIONAL_SANNE)))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.grants").isArray())
                .andExpect(jsonPath("$.endedGrants[?(@.ground == 'GROUP:" + group + "')].endedOn").value(LocalDate.now().toString()));

        // joins again; now the coach ends it: the step and the entry end in the name of Sanne, who added him
        as(PROFESSIONAL_SANNE, () -> groups.addMember(group, new SupportGroupCommands.AddMember(PERSON_JONAS, "Weer rust", goal)));
        UUID step2 = stepOfMembership(group);
        assertThat(step2).isNotEqualTo(step1);
        assertThat(inNetwork(name)).isPresent();
        as(coach, () -> groups.leave(group, PERSON_JONAS));
        assertThat(step(step2).endedReason()).isEqualTo("community.ended.LEFT_GROUP");
        assertThat(inNetwork(name)).isEmpty();
    }

    @Autowired Neighbourhood neighbourhood;

    @Test
    void signing_off_from_an_activity_ends_its_plan_step_and_takes_the_place_out_of_the_ecogram() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID[] ids = new UUID[2];
        as(COORDINATOR_KARIM, () -> {
            ids[0] = neighbourhood.create(new NeighbourhoodCommands.SavePlace("Buurthuis " + tag, "Oost", null, null, Set.of(), null, null));
            ids[1] = neighbourhood.addActivity(ids[0], new NeighbourhoodCommands.AddActivity("Soep " + tag, java.time.DayOfWeek.FRIDAY,
                    java.time.LocalTime.of(12, 0), java.time.LocalTime.of(13, 0), null, null, null, null));
        });
        UUID goal = as(PROFESSIONAL_SANNE, () -> plans.current(PERSON_JONAS).orElseThrow()).goals().get(0).id();
        as(PROFESSIONAL_SANNE, () -> neighbourhood.signUp(PERSON_JONAS, new NeighbourhoodCommands.SignUp(ids[1], goal)));
        UUID stepId = jdbc.sql("select plan_step_id from activity_signup where activity_id = ? and person_id = ?")
                .params(ids[1], PERSON_JONAS).query(UUID.class).single();
        String entry = "Soep " + tag + " (Buurthuis " + tag + ")";
        UUID memberId = inNetwork(entry).orElseThrow().id();

        // Jonas signs off on his community tab (the page), himself
        var jonas = PrivacyScene.authentication(user(ACCOUNT_JONAS));
        mvc.perform(post("/persons/" + PERSON_JONAS + "/community/signups/" + ids[1] + "/sign-off").with(authentication(jonas)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(step(stepId).endedReason()).isEqualTo("community.ended.SIGNED_OFF");
        assertThat(inNetwork(entry)).isEmpty();
        assertThat(keptAsFormer(memberId)).isTrue();
        // not signed up any more: 422 naming the field, never a 500
        mvc.perform(post("/api/v1/persons/" + PERSON_JONAS + "/community/signups/" + ids[1] + "/sign-off").with(authentication(jonas)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fields.activityId").exists());
    }

    private UUID stepOfMembership(UUID group) {
        return jdbc.sql("select plan_step_id from group_member where group_id = ? and person_id = ?").params(group, PERSON_JONAS)
                .query(UUID.class).single();
    }

    @Test
    void an_overloading_match_warns_with_the_figures_and_a_confirmed_one_is_kept_with_them() throws Exception {
        PrivacyScene.Scene scene = scenes.create(Set.of());
        UUID account = scene.as(VOLUNTEER).id();
        UUID v = volunteer(account, "Lot" + UUID.randomUUID().toString().substring(0, 6), 1, true);
        UUID first = request(null);
        as(COORDINATOR_KARIM, () -> matching.propose(first, new CommunityCommands.ProposeMatch(v, "Samen naar buiten", null, null)));
        UUID second = request(null);
        // never suggested while it would overload her
        var ranked = (BuddyMatching.Suggestions.Ranked) as(COORDINATOR_KARIM, () -> matching.suggestions(second));
        assertThat(ranked.volunteers()).extracting(VolunteerMatchingPolicy.Suggestion::volunteerId).doesNotContain(v);
        // proposed anyway: a warning with her figures, nothing proposed
        assertThatThrownBy(() -> as(COORDINATOR_KARIM, () -> matching.propose(second,
                new CommunityCommands.ProposeMatch(v, "Samen naar buiten", null, null))))
                .isInstanceOfSatisfying(OverloadWarning.class, w -> {
                    assertThat(w.field()).isEqualTo("confirmOverload");
                    assertThat(w.load()).isEqualTo(new VolunteerMatchingPolicy.Load(1, 1, 2.0, 4.0, null));
                    assertThat(w.over()).containsExactly("community.excluded.enoughMatches");
                });
        assertThat(as(COORDINATOR_KARIM, () -> matching.get(second)).matches()).isEmpty();
        // the API answers 422 naming the field, with the figures
        var karim = PrivacyScene.authentication(user(COORDINATOR_KARIM));
        mvc.perform(post("/api/v1/community/requests/" + second + "/matches").with(authentication(karim)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"volunteerId\":\"" + v + "\",\"sharedGoal\":\"Samen\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fields.confirmOverload").value(org.hamcrest.Matchers.containsString("1 van 1")))
                .andExpect(jsonPath("$.load.openMatches").value(1))
                .andExpect(jsonPath("$.load.maxMatches").value(1))
                .andExpect(jsonPath("$.over[0]").value("community.excluded.enoughMatches"));
        // the page shows the warning and the form as typed, with the box to confirm
        mvc.perform(post("/community/requests/" + second + "/matches").with(authentication(karim)).with(csrf())
                        .param("volunteerId", v.toString()).param("sharedGoal", "Samen fietsen op zaterdag"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"overload-warning\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Samen fietsen op zaterdag")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"confirmOverload\"")));
        // confirmed: proposed, and the figures she was proposed with are kept, with who confirmed
        UUID m = as(COORDINATOR_KARIM, () -> matching.propose(second,
                new CommunityCommands.ProposeMatch(v, "Samen naar buiten", null, null, true)));
        BuddyRequest.Overload kept = match(second, m).overload();
        assertThat(kept).isNotNull();
        assertThat(kept.load()).isEqualTo(new VolunteerMatchingPolicy.Load(1, 1, 2.0, 4.0, null));
        assertThat(kept.confirmedByName()).isEqualTo(accounts.find(COORDINATOR_KARIM).orElseThrow().displayName());
        assertThat(match(first, as(COORDINATOR_KARIM, () -> matching.get(first)).matches().get(0).id()).overload()).isNull();

        // an unscreened volunteer stays refused, confirmed or not
        UUID unscreened = volunteer(null, "Mats" + UUID.randomUUID().toString().substring(0, 6), 3, false);
        UUID third = request(null);
        assertThatThrownBy(() -> as(COORDINATOR_KARIM, () -> matching.propose(third,
                new CommunityCommands.ProposeMatch(unscreened, "Samen", null, null, true))))
                .isInstanceOf(RuleViolation.class).isNotInstanceOf(OverloadWarning.class)
                .hasMessage("community.excluded.notScreened");
    }

    private CurrentUser user(UUID account) {
        var a = accounts.find(account).orElseThrow();
        return new CurrentUser(a.id(), a.organisationId(), a.username(), a.displayName(), a.role(), a.personId());
    }
}
