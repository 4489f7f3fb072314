package org.samenkracht.community;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.identity.Accounts;
import org.samenkracht.plan.PlanView;
import org.samenkracht.plan.Plans;
import org.samenkracht.vocabulary.Layer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.samenkracht.common.demo.DemoIds.*;

/** Support groups on the real database: who keeps, joins and records; never a discussion of a member without that member. */
@SamenkrachtTest
class SupportGroupsTest {

    @Autowired Accounts accounts;
    @Autowired SupportGroups groups;
    @Autowired Plans plans;
    @Autowired JdbcClient jdbc;
    @Autowired org.samenkracht.network.Network network;

    <T> T as(UUID account, Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        accounts.runAs(account, () -> result.set(work.get()));
        return result.get();
    }

    void as(UUID account, Runnable work) {
        accounts.runAs(account, work);
    }

    @Test
    void a_group_with_a_coach_members_with_their_own_plan_and_a_meeting_with_progress_per_member_present() {
        // only coordinators start a group; the coach must be of the organisation
        assertThatThrownBy(() -> as(PROFESSIONAL_SANNE, () -> groups.create(new SupportGroupCommands.CreateGroup("X", COACH_MARIEKE, "Wekelijks", null))))
                .isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> as(COORDINATOR_KARIM, () -> groups.create(new SupportGroupCommands.CreateGroup("X", PROFESSIONAL_PIETER, "Wekelijks", null))))
                .isInstanceOf(RuleViolation.class).hasMessage("community.group.coachUnknown");
        UUID g = as(COORDINATOR_KARIM, () -> groups.create(new SupportGroupCommands.CreateGroup("Proefgroep " + UUID.randomUUID().toString().substring(0, 6),
                COACH_MARIEKE, "Om de week", "Wat hier gezegd wordt, blijft hier.")));

        // Sanne adds Jonas and Henk; Jonas's membership becomes a step of his plan at the community layer
        PlanView plan = as(PROFESSIONAL_SANNE, () -> plans.current(PERSON_JONAS).orElseThrow());
        UUID goal = plan.goals().get(0).id();
        as(PROFESSIONAL_SANNE, () -> groups.addMember(g, new SupportGroupCommands.AddMember(PERSON_JONAS, "Een vaste dagindeling", goal)));
        as(PROFESSIONAL_SANNE, () -> groups.addMember(g, new SupportGroupCommands.AddMember(PERSON_HENK, "Vaker de deur uit", null)));
        UUID stepId = jdbc.sql("select plan_step_id from group_member where group_id = ? and person_id = ?").params(g, PERSON_JONAS)
                .query(UUID.class).single();
        PlanView.Step step = as(PROFESSIONAL_SANNE, () -> plans.current(PERSON_JONAS).orElseThrow()).goals().stream()
                .flatMap(gl -> gl.steps().stream()).filter(s -> s.id().equals(stepId)).findFirst().orElseThrow();
        assertThat(step.layer()).isEqualTo(CommunityLayer.LAYER).isEqualTo(Layer.GENERAL_COLLECTIVE);
        assertThat(step.description()).contains(as(COACH_MARIEKE, () -> groups.get(g)).name());
        // and in Jonas's ecogram, at the community layer (taken out again: the demo's Jonas keeps the network other tests count)
        String groupName = as(COACH_MARIEKE, () -> groups.get(g)).name();
        var inEcogram = as(PROFESSIONAL_SANNE, () -> network.members(PERSON_JONAS)).stream()
                .filter(n -> n.name().equals(groupName)).findFirst().orElseThrow();
        assertThat(inEcogram.layer()).isEqualTo(Layer.GENERAL_COLLECTIVE);
        as(PROFESSIONAL_SANNE, () -> network.remove(PERSON_JONAS, inEcogram.id(), null, null));
        assertThatThrownBy(() -> as(PROFESSIONAL_SANNE, () -> groups.addMember(g, new SupportGroupCommands.AddMember(PERSON_HENK, null, null))))
                .isInstanceOf(RuleViolation.class).hasMessage("community.group.alreadyMember");
        // someone outside the person's team may not add them
        assertThatThrownBy(() -> as(PROFESSIONAL_PIETER, () -> groups.addMember(g, new SupportGroupCommands.AddMember(PERSON_FATIMA, null, null))))
                .isInstanceOf(AccessRefused.class);

        // only the coach records topics and meetings
        as(COACH_MARIEKE, () -> groups.addTopic(g, new SupportGroupCommands.AddTopic("Goed slapen", PERSON_HENK)));
        assertThatThrownBy(() -> as(COACH_MARIEKE, () -> groups.addTopic(g, new SupportGroupCommands.AddTopic("Geld", PERSON_FATIMA))))
                .isInstanceOf(RuleViolation.class).hasMessage("community.group.notAMember");
        LocalDate day = LocalDate.now().minusDays(3);
        var jonasThere = new SupportGroupCommands.MemberProgress(PERSON_JONAS, true, "Staat om acht uur op", "Naar de volleybal");
        assertThatThrownBy(() -> as(PROFESSIONAL_SANNE, () -> groups.recordMeeting(g, new SupportGroupCommands.RecordMeeting(day, null,
                List.of(jonasThere))))).isInstanceOf(AccessRefused.class);

        // never a discussion of a member without that member
        assertThatThrownBy(() -> as(COACH_MARIEKE, () -> groups.recordMeeting(g, new SupportGroupCommands.RecordMeeting(day, "Slapen",
                List.of(jonasThere, new SupportGroupCommands.MemberProgress(PERSON_HENK, false, "Henk lijkt somber", null))))))
                .isInstanceOf(RuleViolation.class).hasMessage("community.group.notPresent")
                .satisfies(e -> assertThat(((RuleViolation) e).field()).isEqualTo("members[1].progress"));
        assertThatThrownBy(() -> as(COACH_MARIEKE, () -> groups.recordMeeting(g, new SupportGroupCommands.RecordMeeting(day, null,
                List.of(new SupportGroupCommands.MemberProgress(PERSON_FATIMA, true, "x", null))))))
                .isInstanceOf(RuleViolation.class).hasMessage("community.group.notAMember");
        as(COACH_MARIEKE, () -> groups.recordMeeting(g, new SupportGroupCommands.RecordMeeting(day, "Slapen",
                List.of(jonasThere, new SupportGroupCommands.MemberProgress(PERSON_HENK, false, null, null)))));
        assertThatThrownBy(() -> as(COACH_MARIEKE, () -> groups.recordMeeting(g, new SupportGroupCommands.RecordMeeting(day, null, List.of()))))
                .isInstanceOf(RuleViolation.class).hasMessage("community.group.meetingExists");
        // and the database holds to it too: no notes about someone who was not there
        UUID meetingId = jdbc.sql("select id from group_meeting where group_id = ?").param(g).query(UUID.class).single();
        assertThatThrownBy(() -> jdbc.sql("""
                insert into group_progress (meeting_id, person_id, organisation_id, present, progress)
                values (?, ?, ?, false, 'Fatima leek moe')""").params(meetingId, PERSON_FATIMA, ORGANISATION).update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);

        SupportGroup seen = as(COACH_MARIEKE, () -> groups.get(g));
        assertThat(seen.members()).extracting(SupportGroup.Member::personId).containsExactlyInAnyOrder(PERSON_JONAS, PERSON_HENK);
        assertThat(seen.members()).filteredOn(m -> m.personId().equals(PERSON_JONAS)).first()
                .satisfies(m -> assertThat(m.lastNextStep()).isEqualTo("Naar de volleybal"));
        SupportGroup.Meeting meeting = seen.meetings().get(0);
        assertThat(meeting.progress()).extracting(SupportGroup.Progress::personId, SupportGroup.Progress::present, SupportGroup.Progress::progress)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(PERSON_JONAS, true, "Staat om acht uur op"),
                        org.assertj.core.groups.Tuple.tuple(PERSON_HENK, false, null));
        assertThat(seen.topics()).extracting(SupportGroup.Topic::topic).containsExactly("Goed slapen");

        // another professional of the organisation, not the coach, does not open the group; Marieke sees it in her list
        assertThatThrownBy(() -> as(PROFESSIONAL_LOTTE, () -> groups.get(g))).isInstanceOf(AccessRefused.class);
        assertThat(as(COACH_MARIEKE, () -> groups.list())).extracting(SupportGroup.Summary::id).contains(g);
        assertThat(as(PROFESSIONAL_LOTTE, () -> groups.list())).extracting(SupportGroup.Summary::id).doesNotContain(g);
        assertThat(as(PROFESSIONAL_SANNE, () -> groups.groupsOf(PERSON_HENK))).extracting(SupportGroup.Summary::id).contains(g);
    }

    @Autowired org.springframework.test.web.servlet.MockMvc mvc;

    /** The meeting form: an unticked member posts no "present"; a note about them comes back (422) with what was typed. */
    @Test
    void the_meeting_form_refuses_a_note_about_an_absent_member_and_keeps_what_was_typed() throws Exception {
        UUID g = as(COORDINATOR_KARIM, () -> groups.create(new SupportGroupCommands.CreateGroup("Formgroep", COACH_MARIEKE, "Wekelijks", null)));
        as(PROFESSIONAL_SANNE, () -> groups.addMember(g, new SupportGroupCommands.AddMember(PERSON_JONAS, null, null)));
        as(PROFESSIONAL_SANNE, () -> groups.addMember(g, new SupportGroupCommands.AddMember(PERSON_HENK, null, null)));
        var marieke = org.samenkracht.privacy.PrivacyScene.authentication(new org.samenkracht.identity.CurrentUser(COACH_MARIEKE,
                ORGANISATION, "marieke", "Marieke", org.samenkracht.identity.Role.COACH, null));
        String day = LocalDate.now().minusDays(1).toString();
        var refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/community/groups/" + g + "/meetings")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication(marieke))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("heldOn", day).param("topic", "Slapen")
                        .param("members[0].personId", PERSON_JONAS.toString()).param("members[0].present", "true")
                        .param("members[0].progress", "Gaat beter")
                        .param("members[1].personId", PERSON_HENK.toString()).param("members[1].progress", "Henk leek somber"))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(422);
        assertThat(refused.getContentAsString()).contains("meeting-error").contains("Henk leek somber").contains("Gaat beter");
        var saved = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/community/groups/" + g + "/meetings")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication(marieke))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                        .param("heldOn", day)
                        .param("members[0].personId", PERSON_JONAS.toString()).param("members[0].present", "true")
                        .param("members[0].progress", "Gaat beter")
                        .param("members[1].personId", PERSON_HENK.toString()))
                .andReturn().getResponse();
        assertThat(saved.getStatus()).isEqualTo(302);
        assertThat(as(COACH_MARIEKE, () -> groups.get(g)).meetings().get(0).progress())
                .extracting(SupportGroup.Progress::personId, SupportGroup.Progress::present)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(PERSON_JONAS, true), org.assertj.core.groups.Tuple.tuple(PERSON_HENK, false));
    }

    @Test
    void a_full_group_takes_no_one_more() {
        UUID g = as(COORDINATOR_KARIM, () -> groups.create(new SupportGroupCommands.CreateGroup("Kleine groep", COACH_MARIEKE, "Wekelijks", null)));
        jdbc.sql("update support_group set max_members = 2 where id = ?").param(g).update();
        // (not Fatima as a member: the coach would join her team, and her file holds a secret for her own team only)
        as(PROFESSIONAL_SANNE, () -> groups.addMember(g, new SupportGroupCommands.AddMember(PERSON_JONAS, null, null)));
        as(PROFESSIONAL_SANNE, () -> groups.addMember(g, new SupportGroupCommands.AddMember(PERSON_HENK, null, null)));
        assertThatThrownBy(() -> as(PROFESSIONAL_SANNE, () -> groups.addMember(g, new SupportGroupCommands.AddMember(PERSON_FATIMA, null, null))))
                .isInstanceOf(RuleViolation.class).hasMessage("community.group.full");
    }
}
