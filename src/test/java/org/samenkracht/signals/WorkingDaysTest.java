package org.samenkracht.signals;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Working days the Dutch way, deadlines per kind of concern, and the time left as the queue says it (issue 19, item 2). */
class WorkingDaysTest {

    static Instant at(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(Signals.ZONE).toInstant();
    }

    @Test
    void easter_falls_on_the_known_dates() {
        assertThat(WorkingDays.easter(2000)).isEqualTo(LocalDate.of(2000, 4, 23));
        assertThat(WorkingDays.easter(2019)).isEqualTo(LocalDate.of(2019, 4, 21));
        assertThat(WorkingDays.easter(2024)).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(WorkingDays.easter(2025)).isEqualTo(LocalDate.of(2025, 4, 20));
        assertThat(WorkingDays.easter(2026)).isEqualTo(LocalDate.of(2026, 4, 5));
        assertThat(WorkingDays.easter(2027)).isEqualTo(LocalDate.of(2027, 3, 28));
        assertThat(WorkingDays.easter(2038)).isEqualTo(LocalDate.of(2038, 4, 25)); // the latest possible
        assertThat(WorkingDays.easter(2285)).isEqualTo(LocalDate.of(2285, 3, 22)); // the earliest possible
    }

    @Test
    void the_public_holidays_of_the_algemene_termijnenwet_in_2026() {
        // Nieuwjaarsdag, 2e Paasdag, Koningsdag, Bevrijdingsdag, Hemelvaart, 2e Pinksterdag, Kerst
        for (String d : new String[]{"2026-01-01", "2026-04-06", "2026-04-27", "2026-05-05", "2026-05-14", "2026-05-25",
                "2026-12-25", "2026-12-26"}) {
            assertThat(WorkingDays.isPublicHoliday(LocalDate.parse(d))).as(d).isTrue();
        }
        // Good Friday, Easter Sunday and the days around are not public holidays; Easter Sunday is not a working day
        assertThat(WorkingDays.isPublicHoliday(LocalDate.of(2026, 4, 3))).isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 4, 3))).isTrue();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 4, 5))).isFalse();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 4, 7))).isTrue();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 12, 24))).isTrue();
        assertThat(WorkingDays.isWorkingDay(LocalDate.of(2026, 12, 27))).isFalse(); // a Sunday
    }

    @Test
    void kings_day_moves_to_the_saturday_when_the_27th_is_a_sunday() {
        assertThat(WorkingDays.isPublicHoliday(LocalDate.of(2025, 4, 26))).isTrue();
        assertThat(WorkingDays.isPublicHoliday(LocalDate.of(2025, 4, 27))).isFalse();
        assertThat(WorkingDays.isPublicHoliday(LocalDate.of(2026, 4, 27))).isTrue();
        assertThat(WorkingDays.isPublicHoliday(LocalDate.of(2026, 4, 26))).isFalse();
    }

    @Test
    void counting_skips_weekends_and_holidays_and_never_counts_the_first_day() {
        // Monday 2 March 2026 + 3 = Thursday
        assertThat(WorkingDays.plus(LocalDate.of(2026, 3, 2), 3)).isEqualTo(LocalDate.of(2026, 3, 5));
        // Friday + 1 = Monday
        assertThat(WorkingDays.plus(LocalDate.of(2026, 3, 6), 1)).isEqualTo(LocalDate.of(2026, 3, 9));
        // Thursday before Easter 2026 + 2: Good Friday, (weekend, Easter Monday), Tuesday
        assertThat(WorkingDays.plus(LocalDate.of(2026, 4, 2), 2)).isEqualTo(LocalDate.of(2026, 4, 7));
        // Christmas Eve 2026 (Thursday) + 1: Friday 25 and Saturday 26 are Christmas, then Sunday: Monday the 28th
        assertThat(WorkingDays.plus(LocalDate.of(2026, 12, 24), 1)).isEqualTo(LocalDate.of(2026, 12, 28));
        // a deadline ends at midnight of the last working day, Amsterdam time (summer time here)
        assertThat(WorkingDays.due(at("2026-04-03T15:00"), 3)).isEqualTo(at("2026-04-10T00:00"));
        assertThatThrownBy(() -> WorkingDays.plus(LocalDate.of(2026, 3, 2), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void threatening_debts_are_acted_on_within_three_working_days_whatever_the_urgency_kind_says() {
        var debts = ConcernDeadline.defaults().get(SignalDetails.ConcernKind.THREATENING_DEBTS);
        assertThat(debts.actWithinWorkingDays()).isEqualTo(3);
        assertThat(ConcernDeadline.defaults().get(SignalDetails.ConcernKind.LONELINESS).any()).isFalse();
        Instant friday = at("2026-04-03T15:00"); // Good Friday, a working day; Easter Monday is not
        Instant regularTriage = DeadlineProfile.defaults().get(DeadlineKind.REGULAR).triageDue(friday); // Monday 15:00
        // assess within 1 working day: the end of Tuesday 7 April; the regular 72 hours end earlier (Monday), so they count
        assertThat(debts.triageDue(friday, regularTriage)).isEqualTo(regularTriage);
        // a longer urgency deadline is cut to the concern's: act by the end of Thursday 9 April
        Instant regularContact = DeadlineProfile.defaults().get(DeadlineKind.REGULAR).contactDue(friday.plusSeconds(3600));
        assertThat(debts.contactDue(friday, regularContact)).isEqualTo(at("2026-04-10T00:00"));
        // received on a Monday morning, 1 working day to assess: the end of Tuesday, before the regular Thursday
        Instant monday = at("2026-03-02T09:00");
        assertThat(debts.triageDue(monday, DeadlineProfile.defaults().get(DeadlineKind.REGULAR).triageDue(monday)))
                .isEqualTo(at("2026-03-04T00:00"));
        // acute stays acute: an hour is earlier than any number of working days
        Instant acute = DeadlineProfile.defaults().get(DeadlineKind.ACUTE).triageDue(monday);
        assertThat(debts.triageDue(monday, acute)).isEqualTo(acute);
    }

    @Test
    void a_concern_deadline_stays_within_bounds_and_acting_is_not_due_before_assessing() {
        assertThatThrownBy(() -> new ConcernDeadline(SignalDetails.ConcernKind.OTHER, 0, null)).hasMessageContaining("assess");
        assertThatThrownBy(() -> new ConcernDeadline(SignalDetails.ConcernKind.OTHER, null, 61)).hasMessageContaining("act");
        assertThatThrownBy(() -> new ConcernDeadline(SignalDetails.ConcernKind.OTHER, 5, 3)).hasMessageContaining("act");
        assertThat(new ConcernDeadline(SignalDetails.ConcernKind.OTHER, 5, null).any()).isTrue();
    }

    @Test
    void time_left_is_hours_under_a_day_working_days_beyond_and_how_late_once_overdue() {
        Instant friday = at("2026-03-06T16:00");
        // due at the end of Tuesday: Monday and Tuesday are left (the weekend does not count)
        TimeLeft left = TimeLeft.of(friday, at("2026-03-11T00:00"));
        assertThat(left).isEqualTo(new TimeLeft(TimeLeft.Unit.WORKING_DAYS, 2, false));
        assertThat(left.messageKey()).isEqualTo("signals.timeLeft.WORKING_DAYS");
        assertThat(TimeLeft.of(friday, friday.plusSeconds(5 * 3600 + 60))).isEqualTo(new TimeLeft(TimeLeft.Unit.HOURS, 5, false));
        assertThat(TimeLeft.of(friday, friday.plusSeconds(600))).isEqualTo(new TimeLeft(TimeLeft.Unit.HOURS, 0, false));
        // more than a day, but only weekend hours before it: said in hours
        assertThat(TimeLeft.of(friday, at("2026-03-07T20:00"))).isEqualTo(new TimeLeft(TimeLeft.Unit.HOURS, 28, false));
        TimeLeft late = TimeLeft.of(friday, friday.minusSeconds(3 * 3600));
        assertThat(late).isEqualTo(new TimeLeft(TimeLeft.Unit.HOURS, 3, true));
        assertThat(late.messageKey()).isEqualTo("signals.late.HOURS");
        assertThat(TimeLeft.of(friday, friday.minusSeconds(50 * 3600))).isEqualTo(new TimeLeft(TimeLeft.Unit.DAYS, 2, true));
        assertThat(WorkingDays.left(friday, friday.minusSeconds(1))).isZero();
        assertThat(ZonedDateTime.ofInstant(at("2026-03-11T00:00"), Signals.ZONE).getHour()).isZero();
    }
}
