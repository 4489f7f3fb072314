package org.samenkracht.privacy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.samenkracht.privacy.SharedSecrecyPolicy.Facts;
import org.samenkracht.privacy.SharedSecrecyPolicy.Outcome;
import org.samenkracht.privacy.SharedSecrecyPolicy.RecipientKind;
import org.samenkracht.privacy.SharedSecrecyPolicy.Request;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The seed's secrecy rules, the concern route and the access policy, without a database. */
class SecrecyRulesTest {

    static final Facts NOTHING = new Facts(false, false, false, false);
    static final Facts DISCLOSED_IN_TEAM = new Facts(true, true, false, false);

    @Nested
    class Shared_secrecy {

        @Test
        void a_check_on_them_request_is_refused_always_even_with_consent_and_every_condition_met() {
            Facts everything = new Facts(true, true, true, true);
            for (RecipientKind kind : RecipientKind.values()) {
                assertThat(SharedSecrecyPolicy.decide(new Request(kind, true, true, true), everything))
                        .isEqualTo(new Outcome.Refuse("sharing.refused.checkRequest"));
            }
        }

        @Test
        void joint_secrecy_in_the_team_needs_the_team_disclosed_to_the_person() {
            assertThat(SharedSecrecyPolicy.decide(new Request(RecipientKind.TEAM, false, true, true), new Facts(false, true, false, false)))
                    .isEqualTo(new Outcome.Refuse("sharing.refused.teamNotDisclosed"));
            assertThat(SharedSecrecyPolicy.decide(new Request(RecipientKind.TEAM, false, true, true), DISCLOSED_IN_TEAM))
                    .isInstanceOf(Outcome.Share.class);
        }

        @Test
        void joint_secrecy_needs_the_same_assignment_and_a_recipient_in_the_team() {
            assertThat(SharedSecrecyPolicy.decide(new Request(RecipientKind.TEAM, false, true, false), DISCLOSED_IN_TEAM))
                    .isEqualTo(new Outcome.Refuse("sharing.refused.notSameAssignment"));
            assertThat(SharedSecrecyPolicy.decide(new Request(RecipientKind.TEAM, false, true, true), new Facts(true, false, false, false)))
                    .isEqualTo(new Outcome.Refuse("sharing.refused.notInTeam"));
        }

        @Test
        void a_manager_gets_it_only_in_the_interest_of_the_help_and_when_taking_part_with_the_same_goal() {
            assertThat(SharedSecrecyPolicy.decide(new Request(RecipientKind.MANAGER, false, false, true), DISCLOSED_IN_TEAM))
                    .isEqualTo(new Outcome.Refuse("sharing.refused.notInInterestOfHelp"));
            assertThat(SharedSecrecyPolicy.decide(new Request(RecipientKind.MANAGER, false, true, true), new Facts(true, false, false, false)))
                    .isEqualTo(new Outcome.Refuse("sharing.refused.managerNotTakingPart"));
            assertThat(SharedSecrecyPolicy.decide(new Request(RecipientKind.MANAGER, false, true, true), DISCLOSED_IN_TEAM))
                    .isEqualTo(new Outcome.Share("sharing.ground.sharedSecrecy"));
        }

        @Test
        void outside_the_team_nothing_goes_without_consent_unless_by_the_concern_route() {
            assertThat(SharedSecrecyPolicy.decide(new Request(RecipientKind.EXTERNAL, false, true, true), NOTHING))
                    .isEqualTo(new Outcome.Refuse("sharing.refused.noConsent"));
            assertThat(SharedSecrecyPolicy.decide(new Request(RecipientKind.EXTERNAL, false, true, true), new Facts(false, false, true, false)))
                    .isEqualTo(new Outcome.Share("sharing.ground.consentAndSharedSecrecy"));
            assertThat(SharedSecrecyPolicy.decide(new Request(RecipientKind.EXTERNAL, false, true, false), new Facts(false, false, true, false)))
                    .isEqualTo(new Outcome.Refuse("sharing.refused.recipientNotTakingPart"));
            assertThat(SharedSecrecyPolicy.decide(new Request(RecipientKind.EXTERNAL, false, false, false), new Facts(false, false, false, true)))
                    .isEqualTo(new Outcome.Share("sharing.ground.concernRoute"));
        }
    }

    @Nested
    class The_concern_route {

        final Instant now = Instant.now();

        @Test
        void the_family_comes_first_then_the_weighing_then_a_justified_step_outside() {
            ConcernRoute.State raised = ConcernRoute.State.raised();
            assertThat(ConcernRoute.mayWeigh(raised, "afgewogen")).isEqualTo(new ConcernRoute.Outcome.Refused("concern.refused.familyFirst"));
            assertThat(ConcernRoute.mayStepOutside(raised, "nodig")).isEqualTo(new ConcernRoute.Outcome.Refused("concern.refused.familyFirst"));
            assertThat(ConcernRoute.mayShareWithFamily(raised)).isInstanceOf(ConcernRoute.Outcome.Allowed.class);

            var shared = new ConcernRoute.State(ConcernRoute.Kind.CONCERN, now, null, null, null);
            assertThat(ConcernRoute.stage(shared)).isEqualTo(ConcernRoute.Stage.SHARED_WITH_FAMILY);
            assertThat(ConcernRoute.mayStepOutside(shared, "nodig")).isEqualTo(new ConcernRoute.Outcome.Refused("concern.refused.weighFirst"));
            assertThat(ConcernRoute.mayWeigh(shared, " ")).isEqualTo(new ConcernRoute.Outcome.Refused("concern.refused.weighingNeeded"));
            assertThat(ConcernRoute.mayWeigh(shared, "afgewogen met coach")).isInstanceOf(ConcernRoute.Outcome.Allowed.class);
            assertThat(ConcernRoute.readyToStepOutside(shared)).isFalse();

            var weighed = new ConcernRoute.State(ConcernRoute.Kind.CONCERN, now, now, null, null);
            assertThat(ConcernRoute.mayStepOutside(weighed, "")).isEqualTo(new ConcernRoute.Outcome.Refused("concern.refused.justificationNeeded"));
            assertThat(ConcernRoute.mayStepOutside(weighed, "veiligheid van het kind, in lijn met mandaat")).isInstanceOf(ConcernRoute.Outcome.Allowed.class);
            assertThat(ConcernRoute.readyToStepOutside(weighed)).isTrue();

            var outside = new ConcernRoute.State(ConcernRoute.Kind.CONCERN, now, now, now, null);
            assertThat(ConcernRoute.stage(outside)).isEqualTo(ConcernRoute.Stage.STEPPED_OUTSIDE);
            assertThat(ConcernRoute.mayStepOutside(outside, "nog eens")).isEqualTo(new ConcernRoute.Outcome.Refused("concern.refused.alreadySteppedOutside"));
        }

        @Test
        void the_five_steps_of_the_reporting_code_telling_the_family_is_skipped_only_with_a_recorded_reason() {
            var raised = ConcernRoute.State.raised();
            // step 2: a colleague consulted, once, with a note
            assertThat(ConcernRoute.mayConsult(raised, " ")).isEqualTo(new ConcernRoute.Outcome.Refused("concern.refused.consultNoteNeeded"));
            assertThat(ConcernRoute.mayConsult(raised, "met coach besproken")).isInstanceOf(ConcernRoute.Outcome.Allowed.class);
            var consulted = new ConcernRoute.State(ConcernRoute.Kind.CONCERN, null, null, null, null, now, null);
            assertThat(ConcernRoute.stage(consulted)).isEqualTo(ConcernRoute.Stage.CONSULTED);
            assertThat(ConcernRoute.mayConsult(consulted, "nog eens")).isEqualTo(new ConcernRoute.Outcome.Refused("concern.refused.alreadyConsulted"));
            // consulting is not telling the family: weighing still waits for step 3
            assertThat(ConcernRoute.mayWeigh(consulted, "afgewogen")).isEqualTo(new ConcernRoute.Outcome.Refused("concern.refused.familyFirst"));
            // step 3 skipped: only with a reason
            assertThat(ConcernRoute.maySkipFamily(consulted, "")).isEqualTo(new ConcernRoute.Outcome.Refused("concern.refused.skipReasonNeeded"));
            assertThat(ConcernRoute.maySkipFamily(consulted, null)).isEqualTo(new ConcernRoute.Outcome.Refused("concern.refused.skipReasonNeeded"));
            assertThat(ConcernRoute.maySkipFamily(consulted, "vertellen brengt het kind in gevaar")).isInstanceOf(ConcernRoute.Outcome.Allowed.class);
            var skipped = new ConcernRoute.State(ConcernRoute.Kind.CONCERN, null, null, null, null, now, "vertellen brengt het kind in gevaar");
            assertThat(ConcernRoute.stage(skipped)).isEqualTo(ConcernRoute.Stage.FAMILY_SKIPPED);
            assertThat(ConcernRoute.mayShareWithFamily(skipped)).isEqualTo(new ConcernRoute.Outcome.Refused("concern.refused.alreadyShared"));
            // a blank reason is no reason: the family step is not done
            var blankReason = new ConcernRoute.State(ConcernRoute.Kind.CONCERN, null, null, null, null, now, "  ");
            assertThat(ConcernRoute.mayWeigh(blankReason, "afgewogen")).isEqualTo(new ConcernRoute.Outcome.Refused("concern.refused.familyFirst"));
            // steps 4 and 5 follow as before
            assertThat(ConcernRoute.mayWeigh(skipped, "afgewogen met afwegingskader")).isInstanceOf(ConcernRoute.Outcome.Allowed.class);
            var weighed = new ConcernRoute.State(ConcernRoute.Kind.CONCERN, null, now, null, null, now, "vertellen brengt het kind in gevaar");
            assertThat(ConcernRoute.readyToStepOutside(weighed)).isTrue();
            assertThat(ConcernRoute.mayStepOutside(weighed, "melding Veilig Thuis, in lijn met mandaat")).isInstanceOf(ConcernRoute.Outcome.Allowed.class);
        }

        @Test
        void acute_danger_is_recorded_after_helping_and_then_reviewed_not_routed() {
            assertThat(ConcernRoute.mayRecordAcute("", "huisarts")).isEqualTo(new ConcernRoute.Outcome.Refused("concern.refused.actionNeeded"));
            assertThat(ConcernRoute.mayRecordAcute("eerste hulp", null)).isEqualTo(new ConcernRoute.Outcome.Refused("concern.refused.whoCalledNeeded"));
            assertThat(ConcernRoute.mayRecordAcute("eerste hulp", "112")).isInstanceOf(ConcernRoute.Outcome.Allowed.class);

            var acute = ConcernRoute.State.acute();
            assertThat(ConcernRoute.stage(acute)).isEqualTo(ConcernRoute.Stage.REVIEW_DUE);
            assertThat(ConcernRoute.mayShareWithFamily(acute)).isEqualTo(new ConcernRoute.Outcome.Refused("concern.refused.acuteIsReviewed"));
            assertThat(ConcernRoute.mayReview(acute, "terecht gehandeld")).isInstanceOf(ConcernRoute.Outcome.Allowed.class);
            var reviewed = new ConcernRoute.State(ConcernRoute.Kind.ACUTE_DANGER, null, null, null, now);
            assertThat(ConcernRoute.stage(reviewed)).isEqualTo(ConcernRoute.Stage.REVIEWED);
            assertThat(ConcernRoute.mayReview(reviewed, "nog eens")).isEqualTo(new ConcernRoute.Outcome.Refused("concern.refused.alreadyReviewed"));
            assertThat(ConcernRoute.mayReview(ConcernRoute.State.raised(), "x")).isEqualTo(new ConcernRoute.Outcome.Refused("concern.refused.onlyAcuteIsReviewed"));
        }
    }

    @Nested
    class The_access_policy {

        final CurrentUser professional = user(Role.PROFESSIONAL);
        final CurrentUser networkMember = user(Role.NETWORK_MEMBER);

        static CurrentUser user(Role role) {
            return new CurrentUser(UUID.randomUUID(), UUID.randomUUID(), "u", "U", role, null);
        }

        static PersonAccess.Facts facts(boolean inTeam, boolean disclosed, boolean restricted, boolean emergency, UUID consent) {
            return new PersonAccess.Facts(inTeam, disclosed, restricted, emergency,
                    consent == null ? java.util.Map.of() : java.util.Map.of(Information.PLAN, consent));
        }

        @Test
        void a_team_member_gets_in_only_once_the_team_was_disclosed_or_when_they_started_the_support() {
            assertThat(PersonAccess.decide(professional, Part.PLAN, AccessKind.WRITE, facts(true, true, false, false, null)))
                    .isEqualTo(new PersonAccess.Decision.Allowed("CARE_TEAM"));
            assertThat(PersonAccess.decide(professional, Part.PLAN, AccessKind.READ, facts(true, false, false, false, null)))
                    .isEqualTo(new PersonAccess.Decision.Refused("access.refused.teamNotDisclosed"));
        }

        @Test
        void consent_opens_reading_only_and_its_absence_says_so() {
            UUID consent = UUID.randomUUID();
            assertThat(PersonAccess.decide(networkMember, Part.PLAN, AccessKind.READ, facts(false, false, false, false, consent)))
                    .isEqualTo(new PersonAccess.Decision.Allowed("CONSENT:" + consent));
            assertThat(PersonAccess.decide(networkMember, Part.PLAN, AccessKind.WRITE, facts(false, false, false, false, consent)))
                    .isEqualTo(new PersonAccess.Decision.Refused("access.refused.consentReadOnly"));
            assertThat(PersonAccess.decide(networkMember, Part.PLAN, AccessKind.READ, facts(false, false, false, false, null)))
                    .isEqualTo(new PersonAccess.Decision.Refused("access.refused.noConsent"));
            assertThat(PersonAccess.decide(professional, Part.PLAN, AccessKind.READ, facts(false, false, false, false, null)))
                    .isEqualTo(new PersonAccess.Decision.Refused("access.refused.notInTeam"));
        }

        @Test
        void emergency_access_reads_but_never_writes_and_a_network_member_cannot_use_it() {
            assertThat(PersonAccess.decide(professional, Part.PLAN, AccessKind.READ, facts(false, false, false, true, null)))
                    .isEqualTo(new PersonAccess.Decision.Allowed("EMERGENCY"));
            assertThat(PersonAccess.decide(professional, Part.PLAN, AccessKind.WRITE, facts(false, false, false, true, null)))
                    .isEqualTo(new PersonAccess.Decision.Refused("access.refused.emergencyReadOnly"));
            assertThat(PersonAccess.decide(networkMember, Part.PLAN, AccessKind.READ, facts(false, false, false, true, null)))
                    .isEqualTo(new PersonAccess.Decision.Refused("access.refused.noConsent"));
        }

        @Test
        void a_restriction_stops_every_change_and_every_consent() {
            assertThat(PersonAccess.decide(professional, Part.PLAN, AccessKind.WRITE, facts(true, true, true, false, null)))
                    .isEqualTo(new PersonAccess.Decision.Refused("access.refused.restricted"));
            assertThat(PersonAccess.decide(professional, Part.PLAN, AccessKind.READ, facts(true, true, true, false, null)))
                    .isEqualTo(new PersonAccess.Decision.Allowed("CARE_TEAM"));
            assertThat(PersonAccess.decide(networkMember, Part.PLAN, AccessKind.READ, facts(false, false, true, false, UUID.randomUUID())))
                    .isEqualTo(new PersonAccess.Decision.Refused("access.refused.restricted"));
        }

        @Test
        void a_consent_opens_exactly_the_parts_of_the_information_it_names() {
            UUID consent = UUID.randomUUID();
            var ownWords = new PersonAccess.Facts(false, false, false, false, java.util.Map.of(Information.OWN_WORDS, consent));
            for (Part part : Part.values()) {
                var decision = PersonAccess.decide(networkMember, part, AccessKind.READ, ownWords);
                if (part.information() == Information.OWN_WORDS) {
                    assertThat(decision).as(part.name()).isEqualTo(new PersonAccess.Decision.Allowed("CONSENT:" + consent));
                } else {
                    assertThat(decision).as(part.name()).isInstanceOf(PersonAccess.Decision.Refused.class);
                }
            }
            assertThat(java.util.EnumSet.allOf(Part.class).stream().filter(p -> p.information() == Information.OWN_WORDS))
                    .containsExactlyInAnyOrder(Part.FOUR_QUESTIONS, Part.OWN_STORY, Part.CONVERSATIONS, Part.LOGBOOK);
        }

        @Test
        void a_consent_for_everything_opens_every_part_but_the_teams_own_work() {
            UUID consent = UUID.randomUUID();
            var everything = new PersonAccess.Facts(false, false, false, false, java.util.Map.of(Information.EVERYTHING, consent));
            for (Part part : Part.values()) {
                assertThat(PersonAccess.decide(networkMember, part, AccessKind.READ, everything)).as(part.name())
                        .isInstanceOf(part.information() == Information.TEAM_ONLY
                                ? PersonAccess.Decision.Refused.class : PersonAccess.Decision.Allowed.class);
            }
        }

        @Test
        void every_part_belongs_to_a_kind_a_consent_can_name_or_to_the_teams_own_work_never_to_everything() {
            for (Part part : Part.values()) {
                assertThat(part.information()).as(part.name()).isNotEqualTo(Information.EVERYTHING);
                assertThat(Information.choosable().contains(part.information()) || part.information() == Information.TEAM_ONLY).isTrue();
            }
            assertThat(java.util.Arrays.stream(Part.values()).map(Part::key).distinct().count()).isEqualTo(Part.values().length);
            assertThat(Information.choosable()).doesNotContain(Information.TEAM_ONLY);
        }

        @Test
        void audit_rows_written_before_parts_were_typed_still_name_their_kind_of_information() {
            assertThat(Information.of("plan")).isEqualTo(Information.PLAN);
            assertThat(Information.of("plan.versions")).isEqualTo(Information.PLAN);
            assertThat(Information.of("plan.evaluation")).isEqualTo(Information.PLAN);
            assertThat(Information.of("planning")).isEqualTo(Information.EVERYTHING);
            assertThat(Information.of("four-questions")).isEqualTo(Information.OWN_WORDS);
            assertThat(Information.of("instrument:qol-self")).isEqualTo(Information.EXPLORATION);
            assertThat(Information.of("conversation-report")).isEqualTo(Information.OWN_WORDS);
            assertThat(Information.of("logbook-search")).isEqualTo(Information.OWN_WORDS);
            assertThat(Information.of("consent")).isEqualTo(Information.TEAM_ONLY);
            assertThat(Information.of("something-new")).isEqualTo(Information.EVERYTHING);
        }
    }
}
