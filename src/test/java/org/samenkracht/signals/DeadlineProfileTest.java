package org.samenkracht.signals;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Deadline profiles per kind, timing in the queue, the weak-signal radar, receipts and small numbers. */
class DeadlineProfileTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void defaults_give_acute_an_hour_to_triage_and_weak_signals_no_contact_deadline() {
        var d = DeadlineProfile.defaults();
        assertThat(d).containsOnlyKeys(DeadlineKind.values());
        assertThat(d.get(DeadlineKind.ACUTE).triageDue(T0)).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(d.get(DeadlineKind.ACUTE).contactDue(T0)).isEqualTo(T0.plus(Duration.ofHours(4)));
        assertThat(d.get(DeadlineKind.URGENT).contactDue(T0)).isEqualTo(T0.plus(Duration.ofHours(72)));
        assertThat(d.get(DeadlineKind.WEAK).contactWithinHours()).isNull();
        // a weak signal is looked at again after its triage period: it stays in view
        assertThat(d.get(DeadlineKind.WEAK).contactDue(T0)).isEqualTo(T0.plus(Duration.ofHours(168)));
        // the kinds are ordered by urgency
        assertThat(d.get(DeadlineKind.ACUTE).triageWithinHours()).isLessThan(d.get(DeadlineKind.URGENT).triageWithinHours());
        assertThat(d.get(DeadlineKind.URGENT).triageWithinHours()).isLessThan(d.get(DeadlineKind.REGULAR).triageWithinHours());
    }

    @Test
    void an_organisation_profile_sets_its_own_hours_within_bounds() {
        var p = new DeadlineProfile(DeadlineKind.REGULAR, 48, 120);
        assertThat(p.triageDue(T0)).isEqualTo(T0.plus(Duration.ofHours(48)));
        assertThat(p.contactDue(T0)).isEqualTo(T0.plus(Duration.ofHours(120)));
        assertThatThrownBy(() -> new DeadlineProfile(DeadlineKind.REGULAR, 0, 10)).hasMessageContaining("triage");
        assertThatThrownBy(() -> new DeadlineProfile(DeadlineKind.REGULAR, 10, 0)).hasMessageContaining("contact");
    }

    @Test
    void timing_is_on_time_then_due_soon_in_the_last_quarter_then_overdue() {
        Instant due = T0.plus(Duration.ofHours(72));
        assertThat(DeadlineProfile.timing(T0, due, T0.plus(Duration.ofHours(10)))).isEqualTo(DeadlineProfile.Timing.ON_TIME);
        assertThat(DeadlineProfile.timing(T0, due, T0.plus(Duration.ofHours(60)))).isEqualTo(DeadlineProfile.Timing.DUE_SOON);
        assertThat(DeadlineProfile.timing(T0, due, due)).isEqualTo(DeadlineProfile.Timing.DUE_SOON);
        assertThat(DeadlineProfile.timing(T0, due, due.plusSeconds(1))).isEqualTo(DeadlineProfile.Timing.OVERDUE);
        // an acute hour is "due soon" all the way (at least the last hour)
        assertThat(DeadlineProfile.timing(T0, T0.plus(Duration.ofHours(1)), T0)).isEqualTo(DeadlineProfile.Timing.DUE_SOON);
    }

    @Test
    void weak_signals_add_up_three_from_two_partners_in_six_weeks_and_decay() {
        var radar = WeakSignalRadar.DEFAULT;
        Instant now = T0.plus(Duration.ofDays(50));
        var a = new WeakSignalRadar.Blip(now.minus(Duration.ofDays(40)), "pharmacy");
        var b = new WeakSignalRadar.Blip(now.minus(Duration.ofDays(20)), "housing");
        var c = new WeakSignalRadar.Blip(now.minus(Duration.ofDays(1)), "pharmacy");
        var old = new WeakSignalRadar.Blip(now.minus(Duration.ofDays(43)), "church");
        assertThat(radar.read(List.of(a, b, c), now).raised()).isTrue();
        assertThat(radar.read(List.of(a, c), now).raised()).isFalse();                                       // two signals
        assertThat(radar.read(List.of(a, c, new WeakSignalRadar.Blip(now.minus(Duration.ofDays(3)), "pharmacy")), now)
                .raised()).isFalse();                                                                         // one partner
        assertThat(radar.read(List.of(old, b, c), now).raised()).isFalse();                                  // one out of the window
        var reading = radar.read(List.of(a, b, c), now);
        assertThat(reading.signals()).isEqualTo(3);
        assertThat(reading.partners()).isEqualTo(2);
        // decay: (1 - 40/42) + (1 - 20/42) + (1 - 1/42) = 3 - 61/42 = 1.55
        assertThat(reading.weight()).isEqualTo(1.55);
        assertThat(radar.read(List.of(c), now).weight()).isGreaterThan(radar.read(List.of(a), now).weight());
        assertThat(WeakSignalRadar.partnerOf(null, "RESIDENT")).isEqualTo("kind:RESIDENT");
        UUID agreement = UUID.randomUUID();
        assertThat(WeakSignalRadar.partnerOf(agreement, "PHARMACY")).isEqualTo(agreement.toString());
    }

    @Test
    void a_receipt_says_received_taken_up_or_not_and_closed_in_safe_words() {
        assertThat(Receipt.stage("RECEIVED", null)).isEqualTo(Receipt.Stage.RECEIVED);
        assertThat(Receipt.stage("RECEIVED", true)).isEqualTo(Receipt.Stage.RECEIVED);
        assertThat(Receipt.stage("TRIAGED", true)).isEqualTo(Receipt.Stage.TAKEN_UP);
        assertThat(Receipt.stage("TRIAGED", false)).isEqualTo(Receipt.Stage.NOT_TAKEN_UP);
        assertThat(Receipt.stage("OUTREACH", true)).isEqualTo(Receipt.Stage.TAKEN_UP);
        assertThat(Receipt.stage("CLOSED", false)).isEqualTo(Receipt.Stage.CLOSED);
        assertThat(new Receipt("S-1", T0, Receipt.Stage.TAKEN_UP, null).messageKey()).isEqualTo("signals.receipt.TAKEN_UP");
    }

    @Test
    void the_typology_has_four_degrees_each_oriented_or_not() {
        assertThat(IsolationType.values()).hasSize(8);
        assertThat(IsolationType.of(1, true)).isEqualTo(IsolationType.ACTIVES);
        assertThat(IsolationType.of(3, false)).isEqualTo(IsolationType.OUTSIDERS);
        assertThat(IsolationType.of(4, false)).isEqualTo(IsolationType.SURVIVORS);
        assertThat(IsolationType.HOPEFULS.interventionsKey()).isEqualTo("signals.typology.interventions.4");
        assertThatThrownBy(() -> IsolationType.of(5, true)).isInstanceOf(IllegalArgumentException.class);
    }
}
