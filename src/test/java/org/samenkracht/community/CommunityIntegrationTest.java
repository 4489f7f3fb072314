package org.samenkracht.community;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.community.internal.CommunityStore;
import org.samenkracht.identity.Accounts;
import org.samenkracht.plan.PlanView;
import org.samenkracht.plan.Plans;
import org.samenkracht.privacy.PrivacyScene;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.samenkracht.common.demo.DemoIds.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Buddy matching on the real database: network first, home visit, suggestions, answers, rematch, a volunteer who stops. */
@SamenkrachtTest
class CommunityIntegrationTest {

    @Autowired Accounts accounts;
    @Autowired BuddyMatching matching;
    @Autowired Volunteers volunteers;
    @Autowired CommunityStore store;
    @Autowired Plans plans;
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

    @Test
    void the_demo_suggests_only_screened_volunteers_with_room_for_henk() {
        BuddyRequest henk = as(COORDINATOR_KARIM, () -> matching.worklist()).stream()
                .filter(r -> r.personId().equals(PERSON_HENK)).findFirst().orElseThrow();
        var s = (BuddyMatching.Suggestions.Ranked) as(COORDINATOR_KARIM, () -> matching.suggestions(henk.id()));
        List<String> names = s.volunteers().stream().map(VolunteerMatchingPolicy.Suggestion::name).toList();
        assertThat(names).first().isEqualTo("Bram de Vries");
        assertThat(names).doesNotContain("Anouk Peeters", "Joost Janssens");  // not screened; says it is too heavy
        assertThat(s.volunteers().get(0).reasons()).extracting(VolunteerMatchingPolicy.Reason::key)
                .contains("community.reason.sameArea", "community.reason.kindOfWork");
    }

    @Test
    void from_a_plan_step_through_network_visit_match_decline_rematch_and_a_volunteer_who_stops() {
        PlanView plan = as(PROFESSIONAL_SANNE, () -> plans.current(PERSON_JONAS).orElseThrow());
        PlanView.Step general = plan.goals().stream().flatMap(g -> g.steps().stream())
                .filter(st -> CommunityLayer.isVolunteerLayer(st.layer())).findFirst().orElseThrow();
        PlanView.Step own = plan.goals().stream().flatMap(g -> g.steps().stream())
                .filter(st -> !CommunityLayer.isVolunteerLayer(st.layer())).findFirst().orElseThrow();
        // only a step at the volunteer layer
        assertThatThrownBy(() -> as(PROFESSIONAL_SANNE, () -> matching.request(PERSON_JONAS,
                new CommunityCommands.RequestBuddy(null, own.id(), "Maatje", COORDINATOR_KARIM))))
                .isInstanceOf(RuleViolation.class).hasMessage("community.request.notVolunteerLayer");
        UUID rid = as(PROFESSIONAL_SANNE, () -> matching.request(PERSON_JONAS,
                new CommunityCommands.RequestBuddy(null, general.id(), "Samen naar volleybal de eerste weken", COORDINATOR_KARIM)));

        // network first: Jonas's network has someone who could; without a reason, no volunteer
        assertThat(as(COORDINATOR_KARIM, () -> matching.suggestions(rid))).isInstanceOf(BuddyMatching.Suggestions.NetworkFirst.class);
        NetworkFirstPolicy.Check check = as(COORDINATOR_KARIM, () -> matching.networkCheck(rid));
        if (!check.realGap()) {
            assertThatThrownBy(() -> as(COORDINATOR_KARIM, () -> matching.recordNetworkCheck(rid,
                    new CommunityCommands.RecordNetworkCheck("", false, 0))))
                    .isInstanceOf(RuleViolation.class).hasMessage("community.networkGap.required");
        }
        assertThatThrownBy(() -> as(COORDINATOR_KARIM, () -> matching.recordHomeVisit(rid, visit(0))))
                .isInstanceOf(RuleViolation.class).hasMessage("community.visit.networkFirst");
        as(COORDINATOR_KARIM, () -> matching.recordNetworkCheck(rid,
                new CommunityCommands.RecordNetworkCheck("Kevin is gevraagd; hij werkt 's avonds.", false, 0)));
        assertThat(as(COORDINATOR_KARIM, () -> matching.suggestions(rid))).isInstanceOf(BuddyMatching.Suggestions.HomeVisitFirst.class);
        as(COORDINATOR_KARIM, () -> matching.recordHomeVisit(rid, visit(1)));

        // a volunteer of our own, screened, for this test
        UUID eva = as(COORDINATOR_KARIM, () -> volunteers.register(new CommunityCommands.SaveVolunteer("Eva Test " + rid.toString().substring(0, 6),
                null, Set.of(), Set.of("Nederlands"), Set.of("THURSDAY_EVENING"), Set.of("Lindenhoven-Noord"), Set.of("Volleybal"),
                Set.of(Volunteer.KindOfWork.BUDDY), null, null, BigDecimal.valueOf(3), 1, null, null)));
        var ranked = (BuddyMatching.Suggestions.Ranked) as(COORDINATOR_KARIM, () -> matching.suggestions(rid));
        assertThat(ranked.volunteers()).extracting(VolunteerMatchingPolicy.Suggestion::volunteerId).doesNotContain(eva);
        as(COORDINATOR_KARIM, () -> List.of(Screening.Step.values()).forEach(st -> volunteers.recordScreening(eva,
                new CommunityCommands.RecordScreening(st, LocalDate.now().minusDays(1)))));
        ranked = (BuddyMatching.Suggestions.Ranked) as(COORDINATOR_KARIM, () -> matching.suggestions(rid));
        assertThat(ranked.volunteers().get(0).volunteerId()).isEqualTo(eva);

        // at most two years
        assertThatThrownBy(() -> as(COORDINATOR_KARIM, () -> matching.propose(rid, new CommunityCommands.ProposeMatch(eva,
                "Samen volleyballen", null, LocalDate.now().plusYears(2).plusDays(1)))))
                .isInstanceOf(RuleViolation.class).hasMessage("community.match.atMostTwoYears");
        UUID m1 = as(COORDINATOR_KARIM, () -> matching.propose(rid, new CommunityCommands.ProposeMatch(eva, "Samen volleyballen",
                "Donderdagavond", null)));
        BuddyRequest.Match proposed = as(COORDINATOR_KARIM, () -> matching.get(rid)).matches().get(0);
        assertThat(proposed.plannedEnd()).isEqualTo(LocalDate.now().plusYears(1));
        // eva now carries as many matches as she wants: not suggested elsewhere
        BuddyRequest henk = as(COORDINATOR_KARIM, () -> matching.worklist()).stream()
                .filter(r -> r.personId().equals(PERSON_HENK)).findFirst().orElseThrow();
        var forHenk = (BuddyMatching.Suggestions.Ranked) as(COORDINATOR_KARIM, () -> matching.suggestions(henk.id()));
        assertThat(forHenk.volunteers()).extracting(VolunteerMatchingPolicy.Suggestion::volunteerId).doesNotContain(eva);

        // the person declines: back on the list, eva is not suggested again for this request
        as(ACCOUNT_JONAS, () -> matching.answerAsPerson(m1, new CommunityCommands.Answer(false)));
        BuddyRequest back = as(COORDINATOR_KARIM, () -> matching.get(rid));
        assertThat(back.cameBack()).isTrue();
        assertThat(as(COORDINATOR_KARIM, () -> matching.worklist())).extracting(BuddyRequest::id).contains(rid);
        ranked = (BuddyMatching.Suggestions.Ranked) as(COORDINATOR_KARIM, () -> matching.suggestions(rid));
        assertThat(ranked.volunteers()).extracting(VolunteerMatchingPolicy.Suggestion::volunteerId).doesNotContain(eva);

        // Noor: proposed, both say yes -> running, linked to the plan step it was requested from
        UUID noor = store.volunteerOfAccount(VOLUNTEER_NOOR).orElseThrow().id();
        UUID m2 = as(COORDINATOR_KARIM, () -> matching.propose(rid, new CommunityCommands.ProposeMatch(noor, "Samen volleyballen",
                "Donderdagavond bij de sporthal", null)));
        as(ACCOUNT_JONAS, () -> matching.answerAsPerson(m2, new CommunityCommands.Answer(true)));
        as(VOLUNTEER_NOOR, () -> matching.answerAsVolunteer(m2, new CommunityCommands.Answer(true), volunteers));
        BuddyRequest.Match running = as(COORDINATOR_KARIM, () -> matching.get(rid)).matches().stream()
                .filter(m -> m.id().equals(m2)).findFirst().orElseThrow();
        assertThat(running.status()).isEqualTo(BuddyRequest.Match.Status.ACTIVE);
        assertThat(running.planStepId()).isEqualTo(general.id());
        // Noor sees the shared goal and practical details, nothing else
        MyMatch mine = as(VOLUNTEER_NOOR, () -> volunteers.mine()).matches().stream()
                .filter(m -> m.matchId().equals(m2)).findFirst().orElseThrow();
        assertThat(mine.personGivenName()).isEqualTo("Jonas");
        assertThat(mine.sharedGoal()).isEqualTo("Samen volleyballen");
        // the four-week check and a follow-up asking the person
        as(COORDINATOR_KARIM, () -> matching.recordContact(m2, new CommunityCommands.RecordContact(BuddyMatching.ContactKind.FOUR_WEEK_CHECK,
                LocalDate.now(), BuddyMatching.WithWhom.BOTH, 4, "Klikt goed")));
        assertThatThrownBy(() -> as(COORDINATOR_KARIM, () -> matching.recordContact(m2, new CommunityCommands.RecordContact(
                BuddyMatching.ContactKind.FOLLOW_UP, LocalDate.now(), BuddyMatching.WithWhom.VOLUNTEER, 4, null))))
                .isInstanceOf(RuleViolation.class).hasMessage("community.contact.followUpAsksPerson");

        // a rematch: the request comes back to Karim, Noor is not suggested again for it
        as(COORDINATOR_KARIM, () -> matching.rematch(m2));
        assertThat(as(COORDINATOR_KARIM, () -> matching.get(rid)).cameBack()).isTrue();

        // a volunteer who stops puts their matches back on the coordinator's list
        UUID finn = as(COORDINATOR_KARIM, () -> volunteers.register(new CommunityCommands.SaveVolunteer("Finn Test " + rid.toString().substring(0, 6),
                null, Set.of(), Set.of("nederlands"), Set.of("THURSDAY_EVENING"), Set.of("lindenhoven-noord"), Set.of(),
                Set.of(Volunteer.KindOfWork.BUDDY), null, null, BigDecimal.valueOf(3), 2, null, null)));
        as(COORDINATOR_KARIM, () -> List.of(Screening.Step.values()).forEach(st -> volunteers.recordScreening(finn,
                new CommunityCommands.RecordScreening(st, LocalDate.now().minusDays(1)))));
        UUID m3 = as(COORDINATOR_KARIM, () -> matching.propose(rid, new CommunityCommands.ProposeMatch(finn, "Samen volleyballen", null, null)));
        as(ACCOUNT_JONAS, () -> matching.answerAsPerson(m3, new CommunityCommands.Answer(true)));
        assertThat(as(COORDINATOR_KARIM, () -> matching.get(rid)).needsMatch()).isFalse();
        as(COORDINATOR_KARIM, () -> volunteers.stop(finn, new CommunityCommands.StopVolunteer(LocalDate.now())));
        BuddyRequest afterStop = as(COORDINATOR_KARIM, () -> matching.get(rid));
        assertThat(afterStop.matches()).filteredOn(m -> m.id().equals(m3)).first()
                .satisfies(m -> assertThat(m.endReason()).isEqualTo("VOLUNTEER_STOPPED"));
        assertThat(afterStop.cameBack()).isTrue();
        assertThat(as(COORDINATOR_KARIM, () -> matching.worklist())).extracting(BuddyRequest::id).contains(rid);
    }

    @Test
    void a_volunteer_never_opens_the_persons_file_and_only_answers_their_own_match() throws Exception {
        var noor = PrivacyScene.authentication(new org.samenkracht.identity.CurrentUser(VOLUNTEER_NOOR, ORGANISATION, "noor",
                "Noor Visser", org.samenkracht.identity.Role.VOLUNTEER, null));
        mvc.perform(get("/persons/" + PERSON_FATIMA).with(authentication(noor))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/persons/" + PERSON_FATIMA + "/community/requests").with(authentication(noor))).andExpect(status().isForbidden());
        mvc.perform(get("/community").with(authentication(noor))).andExpect(status().isForbidden());
        mvc.perform(get("/community/mine").with(authentication(noor))).andExpect(status().isOk());
        BuddyRequest henk = as(COORDINATOR_KARIM, () -> matching.worklist()).stream()
                .filter(r -> r.personId().equals(PERSON_HENK)).findFirst().orElseThrow();
        assertThatThrownBy(() -> as(VOLUNTEER_NOOR, () -> matching.get(henk.id()))).isInstanceOf(AccessRefused.class);
    }

    @Test
    void the_database_picks_the_same_best_volunteers_as_the_policy_over_all_of_them() {
        var need = new VolunteerMatchingPolicy.Need(Set.of("nederlands"), Set.of("lindenhoven-noord"), Set.of("MONDAY_AFTERNOON"),
                Set.of("wandelen"), Volunteer.KindOfWork.WALKING, 2, Set.of());
        List<VolunteerMatchingPolicy.Candidate> all = as(COORDINATOR_KARIM, () -> volunteers.list()).stream().map(Volunteer::candidate).toList();
        List<UUID> byPolicy = VolunteerMatchingPolicy.rank(need, all).stream().limit(5).map(VolunteerMatchingPolicy.Suggestion::volunteerId).toList();
        List<UUID> bySql = matching.suggest(ORGANISATION, need).stream().limit(5).map(VolunteerMatchingPolicy.Suggestion::volunteerId).toList();
        assertThat(bySql).isEqualTo(byPolicy);
    }

    private static CommunityCommands.RecordHomeVisit visit(int version) {
        return new CommunityCommands.RecordHomeVisit(LocalDate.now(), Volunteer.KindOfWork.BUDDY, Set.of("nederlands"),
                Set.of("THURSDAY_EVENING"), Set.of("lindenhoven-noord"), Set.of("volleybal"), BigDecimal.valueOf(1), "Eerste weken mee", version);
    }
}
