package org.samenkracht.privacy;

import org.junit.jupiter.api.Test;
import org.samenkracht.privacy.ConcernRoute.Advice;
import org.samenkracht.privacy.ConcernRoute.Assessment;
import org.samenkracht.privacy.ConcernRoute.Danger;
import org.samenkracht.privacy.ConcernRoute.Step;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The concern route's five steps of the reporting code and its assessment framework, without a database (issue 19, item 7). */
class ConcernFrameworkTest {


    @Test
    void the_five_questions_lead_to_report_help_or_no_suspicion() {
        assertThat(new Assessment(false, null, null, null, null).advice()).isEqualTo(Advice.NO_SUSPICION);
        assertThat(new Assessment(true, Danger.ACUTE, null, null, null).advice()).isEqualTo(Advice.REPORT);
        assertThat(new Assessment(true, Danger.STRUCTURAL, null, null, null).advice()).isEqualTo(Advice.REPORT);
        assertThat(new Assessment(true, Danger.NONE, false, null, null).advice()).isEqualTo(Advice.REPORT);
        assertThat(new Assessment(true, Danger.NONE, true, false, null).advice()).isEqualTo(Advice.REPORT);
        assertThat(new Assessment(true, Danger.NONE, true, true, false).advice()).isEqualTo(Advice.REPORT);
        assertThat(new Assessment(true, Danger.NONE, true, true, true).advice()).isEqualTo(Advice.ORGANISE_HELP);
    }

    @Test
    void a_later_question_is_needed_only_where_the_earlier_answers_lead() {
        assertThat(new Assessment(null, null, null, null, null).missing()).contains("suspicion");
        assertThat(new Assessment(true, null, null, null, null).missing()).contains("danger");
        assertThat(new Assessment(true, Danger.NONE, null, null, null).missing()).contains("canHelp");
        assertThat(new Assessment(true, Danger.NONE, true, null, null).missing()).contains("helpAccepted");
        assertThat(new Assessment(true, Danger.NONE, true, true, null).missing()).contains("resultInTime");
        assertThat(new Assessment(true, Danger.ACUTE, null, null, null).missing()).isEmpty();
        assertThat(new Assessment(false, null, null, null, null).missing()).isEmpty();
        // answers after a decisive one are not kept
        assertThat(new Assessment(true, Danger.ACUTE, true, true, true).asked())
                .isEqualTo(new Assessment(true, Danger.ACUTE, null, null, null));
    }

    @Test
    void skipping_the_conversation_needs_a_reason_and_help_comes_after_the_weighing() {
        var raised = ConcernRoute.State.raised();
        assertThat(ConcernRoute.maySkipFamily(raised, " "))
                .isEqualTo(new ConcernRoute.Outcome.Refused("concern.refused.skipReasonNeeded"));
        assertThat(ConcernRoute.maySkipFamily(raised, "Vertellen brengt het kind in gevaar."))
                .isInstanceOf(ConcernRoute.Outcome.Allowed.class);
        assertThat(ConcernRoute.mayOrganiseHelp(raised, "hulp"))
                .isEqualTo(new ConcernRoute.Outcome.Refused("concern.refused.familyFirst"));
        Instant now = Instant.now();
        var skipped = new ConcernRoute.State(ConcernRoute.Kind.CONCERN, null, null, null, null, null, "gevaar");
        assertThat(ConcernRoute.currentStep(skipped)).isEqualTo(Step.WEIGH);
        assertThat(ConcernRoute.mayOrganiseHelp(skipped, "hulp"))
                .isEqualTo(new ConcernRoute.Outcome.Refused("concern.refused.weighFirst"));
        var weighed = new ConcernRoute.State(ConcernRoute.Kind.CONCERN, null, now, null, null, null, "gevaar");
        assertThat(ConcernRoute.mayOrganiseHelp(weighed, "")).isEqualTo(new ConcernRoute.Outcome.Refused("concern.refused.helpNoteNeeded"));
        assertThat(ConcernRoute.mayOrganiseHelp(weighed, "Gezinscoach twee keer per week")).isInstanceOf(ConcernRoute.Outcome.Allowed.class);
        assertThat(ConcernRoute.currentStep(weighed)).isEqualTo(Step.DECIDE);
        var helped = new ConcernRoute.State(ConcernRoute.Kind.CONCERN, null, now, null, null, null, "gevaar", now);
        assertThat(ConcernRoute.stage(helped)).isEqualTo(ConcernRoute.Stage.HELP_ORGANISED);
        assertThat(ConcernRoute.reportStillDue(helped, new Assessment(true, Danger.STRUCTURAL, null, null, null))).isTrue();
        assertThat(ConcernRoute.reportStillDue(helped, new Assessment(true, Danger.NONE, true, true, true))).isFalse();
        assertThat(ConcernRoute.mayAssess(ConcernRoute.State.raised(), new Assessment(false, null, null, null, null), "x"))
                .isEqualTo(new ConcernRoute.Outcome.Refused("concern.refused.familyFirst"));
    }
}
