package org.samenkracht.signals;

import org.junit.jupiter.api.Test;
import org.samenkracht.signals.UrgencyScheme.Duration;
import org.samenkracht.signals.UrgencyScheme.Extent;
import org.samenkracht.signals.UrgencyScheme.ReportAction;
import org.samenkracht.signals.UrgencyScheme.ReporterAction;
import org.samenkracht.signals.UrgencyScheme.Scores;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The urgency scheme of seed 001, §3.3: items, total, and the suggested actions per band. */
class UrgencySchemeTest {

    @Test
    void the_total_adds_nature_extent_and_duration_and_extent_counts_once() {
        assertThat(new Scores(0, 0, 0, Extent.INDIVIDUAL, Duration.INCIDENTAL).total()).isZero();
        assertThat(new Scores(1, 2, 0, Extent.MORE_PEOPLE, Duration.STRUCTURAL_SHORT).total()).isEqualTo(5);
        assertThat(new Scores(2, 2, 2, Extent.OVER_75, Duration.STRUCTURAL_LONG).total()).isEqualTo(10);
        assertThat(new Scores(0, 0, 0, Extent.UNDER_18, Duration.INCIDENTAL).total()).isEqualTo(2);
    }

    @Test
    void below_five_no_action_on_the_report_and_information_advice_and_support_to_the_reporter() {
        var s = UrgencyScheme.suggest(new Scores(1, 1, 1, Extent.MORE_PEOPLE, Duration.INCIDENTAL));
        assertThat(s.total()).isEqualTo(4);
        assertThat(s.onReport()).containsExactly(ReportAction.NONE);
        assertThat(s.towardReporter()).containsExactly(ReporterAction.INFORMATION_ADVICE_SUPPORT);
        assertThat(s.kind()).isEqualTo(DeadlineKind.WEAK);
    }

    @Test
    void five_and_six_a_gap_in_the_source_are_weighed_with_the_team() {
        for (int total : new int[]{5, 6}) {
            var s = UrgencyScheme.suggest(new Scores(2, 2, total - 4, Extent.INDIVIDUAL, Duration.INCIDENTAL));
            assertThat(s.total()).isEqualTo(total);
            assertThat(s.onReport()).containsExactly(ReportAction.WEIGH_WITH_TEAM);
            assertThat(s.towardReporter()).containsExactly(ReporterAction.INFORMATION_ADVICE_SUPPORT);
            assertThat(s.kind()).isEqualTo(DeadlineKind.REGULAR);
        }
    }

    @Test
    void above_six_work_toward_services_check_present_help_and_feed_back_to_the_reporter() {
        var s = UrgencyScheme.suggest(new Scores(2, 2, 1, Extent.OVER_75, Duration.INCIDENTAL));
        assertThat(s.total()).isEqualTo(7);
        assertThat(s.onReport()).containsExactly(ReportAction.ACTIVE_TOWARD_SERVICES, ReportAction.CHECK_HELP_PRESENT);
        assertThat(s.towardReporter()).containsExactly(ReporterAction.INFORMATION_ADVICE_SUPPORT, ReporterAction.FEEDBACK_ON_ACTION);
        assertThat(s.kind()).isEqualTo(DeadlineKind.URGENT);
        assertThat(UrgencyScheme.suggest(new Scores(2, 2, 2, Extent.OVER_75, Duration.STRUCTURAL_SHORT)).kind())
                .isEqualTo(DeadlineKind.URGENT);
    }

    @Test
    void ten_is_acute_help_or_a_crisis_report() {
        var s = UrgencyScheme.suggest(new Scores(2, 2, 2, Extent.UNDER_18, Duration.STRUCTURAL_LONG));
        assertThat(s.total()).isEqualTo(10);
        assertThat(s.onReport()).containsExactly(ReportAction.ACUTE_HELP);
        assertThat(s.towardReporter()).contains(ReporterAction.FEEDBACK_ON_ACTION);
        assertThat(s.kind()).isEqualTo(DeadlineKind.ACUTE);
    }

    @Test
    void items_outside_zero_to_two_are_refused() {
        assertThatThrownBy(() -> new Scores(3, 0, 0, Extent.INDIVIDUAL, Duration.INCIDENTAL)).hasMessageContaining("safety");
        assertThatThrownBy(() -> new Scores(0, -1, 0, Extent.INDIVIDUAL, Duration.INCIDENTAL)).hasMessageContaining("health");
        assertThatThrownBy(() -> new Scores(0, 0, 0, null, Duration.INCIDENTAL)).hasMessageContaining("extent");
    }
}
