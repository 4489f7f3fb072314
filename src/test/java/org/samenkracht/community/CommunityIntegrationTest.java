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

    @Autowired org.samenkracht.network.Network network;
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
        // a step of its own at the volunteer layer: a demo step this test ended before asks for no volunteer again
        UUID generalId = as(PROFESSIONAL_SANNE, () -> plans.addStep(PERSON_JONAS, new org.samenkracht.plan.PlanCommands.AddStep(
                plan.goals().get(0).id(), "Samen naar volleybal", CommunityLayer.TAKER, null, null, "Maatjesproject",
                org.samenkracht.vocabulary.Intensity.SUPPORT, null, null, plan.version())));
        PlanView.Step general = as(PROFESSIONAL_SANNE, () -> plans.current(PERSON_JONAS).orElseThrow()).goals().stream()
                .flatMap(g -> g.steps().stream()).filter(st -> st.id().equals(generalId)).findFirst().orElseThrow();
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
        // among the best (the test database keeps the Evas of earlier runs, who score the same: they pause)
        jdbc.sql("update volunteer set status = 'PAUSED' where name like 'Eva Test %' and id <> ? and status = 'ACTIVE'").param(eva).update();
        ranked = (BuddyMatching.Suggestions.Ranked) as(COORDINATOR_KARIM, () -> matching.suggestions(rid));
        double best = ranked.volunteers().get(0).score();
        assertThat(ranked.volunteers()).filteredOn(v -> v.score() == best)
                .extracting(VolunteerMatchingPolicy.Suggestion::volunteerId).contains(eva);

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
        // and shows in Jonas's ecogram at the volunteer layer (once, however often the test runs)
        assertThat(as(PROFESSIONAL_SANNE, () -> network.members(PERSON_JONAS))).filteredOn(n -> n.name().equals("Noor (maatje)"))
                .singleElement().satisfies(n -> assertThat(n.layer()).isEqualTo(org.samenkracht.vocabulary.Layer.VOLUNTEER));
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

    @Autowired PrivacyScene scenes;
    @Autowired CommunityScene communityScene;

    /**
     * The person's own yes can be the one that starts the match (the volunteer said yes first): the start
     * writes the plan and the ecogram in the coordinator's name, so the buddy is in the ecogram all the same,
     * and once (a second start is impossible; the entry is not doubled).
     */
    @Test
    void the_persons_own_yes_that_starts_the_match_puts_the_buddy_in_the_ecogram_once() {
        PrivacyScene.Scene scene = scenes.create(Set.of());
        UUID[] ids = communityScene.create(scene);
        UUID match = ids[2];
        as(scene.as(PrivacyScene.Subject.VOLUNTEER).id(), () -> matching.answerAsVolunteer(match, new CommunityCommands.Answer(true), volunteers));
        UUID pro = scene.as(PrivacyScene.Subject.TEAM_PROFESSIONAL).id();
        assertThat(as(pro, () -> network.members(scene.person()))).noneMatch(n -> n.name().contains("(maatje)"));
        as(scene.as(PrivacyScene.Subject.SELF).id(), () -> matching.answerAsPerson(match, new CommunityCommands.Answer(true)));
        assertThat(as(pro, () -> matching.get(ids[1])).matches()).singleElement()
                .satisfies(m -> assertThat(m.status()).isEqualTo(BuddyRequest.Match.Status.ACTIVE));
        assertThat(as(pro, () -> network.members(scene.person()))).filteredOn(n -> n.name().equals("Scène (maatje)"))
                .singleElement().satisfies(n -> assertThat(n.layer()).isEqualTo(org.samenkracht.vocabulary.Layer.VOLUNTEER));
        // a second yes does not start it again
        assertThatThrownBy(() -> as(scene.as(PrivacyScene.Subject.SELF).id(), () -> matching.answerAsPerson(match, new CommunityCommands.Answer(true))))
                .isInstanceOf(RuleViolation.class).hasMessage("community.match.notProposed");
        assertThat(as(pro, () -> network.members(scene.person()))).filteredOn(n -> n.name().contains("(maatje)")).hasSize(1);
    }

    @Test
    void a_volunteer_never_opens_the_persons_file_and_only_answers_their_own_match() throws Exception {
        var noor = PrivacyScene.authentication(new org.samenkracht.identity.CurrentUser(VOLUNTEER_NOOR, ORGANISATION, "noor",
                "Noor Visser", org.samenkracht.identity.Role.VOLUNTEER, null));
        mvc.perform(get("/persons/" + PERSON_FATIMA).with(authentication(noor))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/persons/" + PERSON_FATIMA + "/community/requests").with(authentication(noor))).andExpect(status().isForbidden());
        mvc.perform(get("/community").with(authentication(noor))).andExpect(status().isForbidden());
        String mine = mvc.perform(get("/community/mine").with(authentication(noor))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        // her hours in Dutch ("2 uur", never "2.0"), the match's state with what it is
        assertThat(mine).containsPattern("\\d{2}-\\d{2}-\\d{4}: 2 uur").doesNotContain(": 2.0")
                .containsPattern("<strong>Status</strong>: <span>loopt</span>");
        var karim = PrivacyScene.authentication(new org.samenkracht.identity.CurrentUser(COORDINATOR_KARIM, ORGANISATION, "karim",
                "Karim Haddou", org.samenkracht.identity.Role.COORDINATOR, null));
        String volunteers = mvc.perform(get("/community").with(authentication(karim))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        // hours and screening steps in Dutch: "2" not "2.0", "nog 3 stappen" not "stap(pen)"
        assertThat(volunteers).doesNotContain(".0</td>").doesNotContain("stap(pen)").containsPattern("nog \\d stappen|nog 1 stap");
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

    /**
     * The candidates query looks at a narrower set first (same language and neighbourhood, then either) and
     * widens when that cannot hold the best: for many random needs over 600 random volunteers the answer is
     * the same as scoring all of them; and the open matches kept on the volunteer row follow the matches.
     */
    @Test
    void looking_narrow_first_gives_the_same_best_volunteers_as_scoring_all_of_them() {
        UUID org = UUID.randomUUID();
        jdbc.sql("insert into organisation (id, name) values (?, ?)").params(org, "Proef " + org).update();
        jdbc.sql("""
                insert into volunteer (id, organisation_id, name, languages, availability, areas, interests, kinds_of_work,
                  hours_per_week, max_matches, reported_load, conduct_certificate_on, intake_on, training_on, agreement_on, status)
                select gen_random_uuid(), ?, 'Proef ' || i,
                  case (i * 7) % 5 when 0 then array['nederlands'] when 1 then array['nederlands','arabisch'] when 2 then array['turks']
                    when 3 then array['engels','nederlands'] else array['arabisch'] end,
                  array[(array['MONDAY_MORNING','MONDAY_AFTERNOON','TUESDAY_MORNING','WEDNESDAY_AFTERNOON'])[1 + (i * 3) % 4],
                        (array['MONDAY_AFTERNOON','TUESDAY_EVENING','FRIDAY_AFTERNOON'])[1 + i % 3]],
                  array['wijk-' || ((i * 13) % 9)],
                  array[(array['wandelen','koken','koffie'])[1 + (i * 5) % 3], (array['lezen','tuin','wandelen','fietsen'])[1 + i % 4]],
                  array[(array['BUDDY','WALKING','PRACTICAL_HELP'])[1 + (i * 11) % 3]],
                  2 + i % 3, 1 + i % 2, case when i % 9 = 0 then 5 else null end,
                  case when i % 8 = 3 then null else current_date - 100 end, current_date - 95, current_date - 80, current_date - 79,
                  case when i % 17 = 7 then 'PAUSED' else 'ACTIVE' end
                from generate_series(1, 600) as i""").params(org).update();
        java.util.Random random = new java.util.Random(20);
        List<String> langs = List.of("nederlands", "arabisch", "turks", "engels", "pools");
        List<String> days = List.of("MONDAY_MORNING", "MONDAY_AFTERNOON", "TUESDAY_EVENING", "FRIDAY_AFTERNOON");
        List<String> interests = List.of("wandelen", "koken", "koffie", "tuin");
        for (int t = 0; t < 60; t++) {
            var need = new VolunteerMatchingPolicy.Need(pick(random, langs, 2), pick(random, List.of("wijk-0", "wijk-3", "wijk-8", "wijk-20"), 2),
                    pick(random, days, 3), pick(random, interests, 3),
                    random.nextBoolean() ? null : Volunteer.KindOfWork.values()[random.nextInt(3)], 1 + random.nextInt(3), Set.of());
            int limit = List.of(5, 20, 50).get(random.nextInt(3));
            var q = new CommunityStore.CandidateQuery(org, need, limit);
            assertThat(store.candidates(q)).as("need %s, limit %d", need, limit)
                    .extracting(VolunteerMatchingPolicy.Candidate::id)
                    .isEqualTo(store.candidates(q, CommunityStore.Narrowing.ALL).stream().map(VolunteerMatchingPolicy.Candidate::id).toList());
        }
        // the narrow look is used when it can hold the best: many volunteers share language and neighbourhood
        var common = new VolunteerMatchingPolicy.Need(Set.of("nederlands"), Set.of("wijk-0"), Set.of(), Set.of(), null, 1, Set.of());
        assertThat(CommunityStore.outsideBound(CommunityStore.Narrowing.LANGUAGE_AND_AREA, common)).isEqualTo(23);
        assertThat(CommunityStore.outsideBound(CommunityStore.Narrowing.LANGUAGE_OR_AREA, common)).isEqualTo(-12);

        // open matches and hours on the volunteer row follow the matches (trigger, same transaction)
        UUID v = jdbc.sql("select id from volunteer where organisation_id = ? limit 1").param(org).query(UUID.class).single();
        UUID request = jdbc.sql("select id from buddy_request limit 1").query(UUID.class).single();
        UUID person = jdbc.sql("select person_id from buddy_request where id = ?").param(request).query(UUID.class).single();
        UUID match = UUID.randomUUID();
        jdbc.sql("""
                insert into buddy_match (id, organisation_id, request_id, person_id, volunteer_id, shared_goal, hours_per_week,
                  proposed_on, planned_end) values (?, ?, ?, ?, ?, 'Proef', 1.5, current_date, current_date + 300)""")
                .params(match, org, request, person, v).update();
        assertThat(load(v)).isEqualTo("1/1.5");
        jdbc.sql("update buddy_match set status = 'ACTIVE', started_on = current_date where id = ?").param(match).update();
        assertThat(load(v)).isEqualTo("1/1.5");
        jdbc.sql("update buddy_match set status = 'ENDED', ended_on = current_date where id = ?").param(match).update();
        assertThat(load(v)).isEqualTo("0/0.0");
        jdbc.sql("delete from buddy_match where id = ?").param(match).update();
        assertThat(load(v)).isEqualTo("0/0.0");
    }

    private String load(UUID volunteer) {
        return jdbc.sql("select open_matches || '/' || committed_hours from volunteer where id = ?").param(volunteer).query(String.class).single();
    }

    private static Set<String> pick(java.util.Random random, List<String> from, int most) {
        Set<String> out = new java.util.HashSet<>();
        int n = random.nextInt(most + 1);
        for (int i = 0; i < n; i++) {
            out.add(from.get(random.nextInt(from.size())));
        }
        return out;
    }

    private static CommunityCommands.RecordHomeVisit visit(int version) {
        return new CommunityCommands.RecordHomeVisit(LocalDate.now(), Volunteer.KindOfWork.BUDDY, Set.of("nederlands"),
                Set.of("THURSDAY_EVENING"), Set.of("lindenhoven-noord"), Set.of("volleybal"), BigDecimal.valueOf(1), "Eerste weken mee", version);
    }
}
