package org.samenkracht.signals;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * How fast a kind of signal is handled, an organisation setting: triage within so many hours of
 * receipt, first contact within so many hours of triage (none for weak signals: they go on the radar).
 */
public record DeadlineProfile(DeadlineKind kind, int triageWithinHours, Integer contactWithinHours) {

    public DeadlineProfile {
        if (triageWithinHours < 1 || triageWithinHours > 2000) {
            throw new IllegalArgumentException("triageWithinHours");
        }
        if (contactWithinHours != null && (contactWithinHours < 1 || contactWithinHours > 5000)) {
            throw new IllegalArgumentException("contactWithinHours");
        }
    }

    /** The defaults a new organisation starts with: acute within the hour, weak signals within a week. */
    public static Map<DeadlineKind, DeadlineProfile> defaults() {
        Map<DeadlineKind, DeadlineProfile> m = new EnumMap<>(DeadlineKind.class);
        m.put(DeadlineKind.ACUTE, new DeadlineProfile(DeadlineKind.ACUTE, 1, 4));
        m.put(DeadlineKind.URGENT, new DeadlineProfile(DeadlineKind.URGENT, 24, 72));
        m.put(DeadlineKind.REGULAR, new DeadlineProfile(DeadlineKind.REGULAR, 72, 240));
        m.put(DeadlineKind.WEAK, new DeadlineProfile(DeadlineKind.WEAK, 168, null));
        return m;
    }

    /** A new signal must be triaged by then. */
    public Instant triageDue(Instant receivedAt) {
        return receivedAt.plus(Duration.ofHours(triageWithinHours));
    }

    /**
     * After triage: first contact is due by then; a weak signal has no contact deadline and is looked at
     * again when the triage period has passed once more (the radar keeps it in view).
     */
    public Instant contactDue(Instant triagedAt) {
        return triagedAt.plus(Duration.ofHours(contactWithinHours != null ? contactWithinHours : triageWithinHours));
    }

    /** Where a signal stands against its deadline. */
    public enum Timing { ON_TIME, DUE_SOON, OVERDUE }

    /** Overdue after the due time; due soon within the last quarter of the period (at least the last hour). */
    public static Timing timing(Instant start, Instant due, Instant now) {
        if (now.isAfter(due)) {
            return Timing.OVERDUE;
        }
        long period = Duration.between(start, due).toMinutes();
        long left = Duration.between(now, due).toMinutes();
        return left <= Math.max(60, period / 4) ? Timing.DUE_SOON : Timing.ON_TIME;
    }
}
