package org.samenkracht.signals;

import java.time.Duration;
import java.time.Instant;

/**
 * The time left before a signal is due, as the queue says it in the reader's language: under a day in hours, beyond
 * that in working days (weekends and public holidays do not count, {@link WorkingDays}); once overdue, how late, in
 * hours under a day and in days beyond. The message key is {@code signals.timeLeft.<unit>} or
 * {@code signals.late.<unit>} with the amount as its argument.
 */
public record TimeLeft(Unit unit, long amount, boolean overdue) {

    public enum Unit { HOURS, WORKING_DAYS, DAYS }

    public static TimeLeft of(Instant now, Instant due) {
        if (now.isAfter(due)) {
            Duration late = Duration.between(due, now);
            return late.toHours() < 24 ? new TimeLeft(Unit.HOURS, late.toHours(), true)
                    : new TimeLeft(Unit.DAYS, late.toDays(), true);
        }
        Duration left = Duration.between(now, due);
        if (left.toHours() < 24) {
            return new TimeLeft(Unit.HOURS, left.toHours(), false);
        }
        int days = WorkingDays.left(now, due);
        return days == 0 ? new TimeLeft(Unit.HOURS, left.toHours(), false) : new TimeLeft(Unit.WORKING_DAYS, days, false);
    }

    /** The message key to say it with ({@link #amount()} as its one argument). */
    public String messageKey() {
        return (overdue ? "signals.late." : "signals.timeLeft.") + unit.name();
    }
}
