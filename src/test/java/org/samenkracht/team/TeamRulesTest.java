package org.samenkracht.team;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.team.ReviewRules.Outcome.*;
import static org.samenkracht.team.ReviewRules.Viewpoint.*;

class TeamRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    static HandoverRules.State state(LocalDate talk, boolean accepted, boolean signed) {
        return new HandoverRules.State(talk, accepted, signed, false, false);
    }

    @Test
    void the_old_worker_stops_only_after_the_receiver_accepted_and_the_person_signed() {
        assertThat(HandoverRules.mayEndOldAccess(state(TODAY, false, true))).contains("handover.refused.receiverFirst");
        assertThat(HandoverRules.mayEndOldAccess(state(TODAY, true, false))).contains("handover.refused.personFirst");
        assertThat(HandoverRules.mayEndOldAccess(state(TODAY, true, true))).isEmpty();
        assertThat(HandoverRules.stage(state(TODAY, false, true))).isEqualTo(HandoverRules.Stage.AWAITING_RECEIVER);
        assertThat(HandoverRules.stage(state(TODAY, true, false))).isEqualTo(HandoverRules.Stage.AWAITING_PERSON);
        assertThat(HandoverRules.stage(state(null, false, false))).isEqualTo(HandoverRules.Stage.PROPOSED);
    }

    @Test
    void the_three_way_conversation_comes_first_and_only_the_receiver_accepts() {
        assertThat(HandoverRules.mayAccept(state(null, false, false), true)).contains("handover.refused.conversationFirst");
        assertThat(HandoverRules.mayAccept(state(TODAY, false, false), false)).contains("handover.refused.receiverOnly");
        assertThat(HandoverRules.mayAccept(state(TODAY, false, false), true)).isEmpty();
        assertThat(HandoverRules.mayPersonSign(state(null, false, false), true, null)).contains("handover.refused.conversationFirst");
        assertThat(HandoverRules.mayRecordConversation(state(null, false, false), TODAY.plusDays(1), TODAY))
                .contains("handover.refused.conversationFuture");
    }

    @Test
    void the_person_signs_themself_or_the_team_says_on_whose_behalf_as_with_the_plan() {
        assertThat(HandoverRules.mayPersonSign(state(TODAY, false, false), true, null)).isEmpty();
        assertThat(HandoverRules.mayPersonSign(state(TODAY, false, false), false, " ")).contains("handover.refused.onBehalfRequired");
        assertThat(HandoverRules.mayPersonSign(state(TODAY, false, false), false, "Dochter Ann (vertegenwoordiger)")).isEmpty();
        assertThat(HandoverRules.mayPersonSign(state(TODAY, false, true), true, null)).contains("handover.refused.alreadySigned");
    }

    @Test
    void a_handover_goes_to_a_colleague_other_than_oneself_one_at_a_time() {
        assertThat(HandoverRules.mayPropose(true, true, false)).contains("handover.refused.sameWorker");
        assertThat(HandoverRules.mayPropose(false, false, false)).contains("handover.refused.notAColleague");
        assertThat(HandoverRules.mayPropose(false, true, true)).contains("handover.refused.alreadyOpen");
        assertThat(HandoverRules.mayPropose(false, true, false)).isEmpty();
    }

    static ReviewRules.View view(ReviewRules.Viewpoint p, ReviewRules.Outcome o) {
        return new ReviewRules.View(p, "zicht", o);
    }

    @Test
    void when_views_differ_the_viewpoint_agreed_beforehand_decides() {
        List<ReviewRules.View> views = List.of(view(FAMILY, CONTINUE), view(WORKER, PHASE_OUT), view(COACH, PHASE_OUT));
        assertThat(ReviewRules.viewsDiffer(views)).isTrue();
        assertThat(ReviewRules.outcome(views, FAMILY)).isEqualTo(CONTINUE);
        assertThat(ReviewRules.outcome(views, COACH)).isEqualTo(PHASE_OUT);
        assertThat(ReviewRules.outcome(List.of(view(FAMILY, CONTINUE), view(WORKER, CONTINUE)), HEAD_OF_SERVICE)).isEqualTo(CONTINUE);
        assertThat(ReviewRules.check(views, HEAD_OF_SERVICE, null, null, TODAY, null)).get()
                .extracting(r -> r[1]).isEqualTo("review.refused.deciderWithoutView");
    }

    @Test
    void a_review_hears_the_family_prefers_phasing_out_and_a_phase_out_has_a_plan_and_an_end() {
        assertThat(ReviewRules.check(List.of(view(FAMILY, CONTINUE)), FAMILY, null, null, TODAY, null)).get()
                .extracting(r -> r[1]).isEqualTo("review.refused.severalViews");
        assertThat(ReviewRules.check(List.of(view(WORKER, CONTINUE), view(COACH, CONTINUE)), COACH, null, null, TODAY, null)).get()
                .extracting(r -> r[1]).isEqualTo("review.refused.familyView");
        List<ReviewRules.View> phaseOut = List.of(view(FAMILY, PHASE_OUT), view(WORKER, PHASE_OUT));
        assertThat(ReviewRules.check(phaseOut, FAMILY, null, null, TODAY, null)).get().extracting(r -> r[1])
                .isEqualTo("review.refused.phaseOutPlan");
        assertThat(ReviewRules.check(phaseOut, FAMILY, "om de week", TODAY, TODAY, "om de week")).get().extracting(r -> r[1])
                .isEqualTo("review.refused.phaseOutUntil");
        assertThat(ReviewRules.check(phaseOut, FAMILY, "om de week", TODAY.plusMonths(2), TODAY, "om de week")).isEmpty();
        List<ReviewRules.View> end = List.of(view(FAMILY, END), view(WORKER, END));
        assertThat(ReviewRules.check(end, FAMILY, null, null, TODAY, null)).get().extracting(r -> r[1])
                .isEqualTo("review.refused.whyNotPhaseOut");
    }

    @Test
    void caseload_points_set_against_the_agreed_bandwidth() {
        assertThat(BandwidthPolicy.planComplexity(1, 2)).isEqualTo(0.5);
        assertThat(BandwidthPolicy.planComplexity(5, 20)).isEqualTo(3.0);
        assertThat(BandwidthPolicy.networkLoad(5)).isEqualTo(2.0);
        assertThat(BandwidthPolicy.evaluationDue(31)).isEqualTo(1.5);
        assertThat(BandwidthPolicy.evaluationDue(0)).isEqualTo(1.0);
        assertThat(BandwidthPolicy.percent(9, 12)).isEqualTo(75);
        assertThat(BandwidthPolicy.level(9, 12)).isEqualTo(BandwidthPolicy.Level.ROOM);
        assertThat(BandwidthPolicy.level(10.5, 12)).isEqualTo(BandwidthPolicy.Level.TIGHT);
        assertThat(BandwidthPolicy.level(12.5, 12)).isEqualTo(BandwidthPolicy.Level.OVER);
    }
}
