package org.samenkracht.signals;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * A deadline profile per kind of concern, an organisation setting counted in working days ({@link WorkingDays}):
 * the signal is assessed (triaged) within so many working days of its receipt, and acted on (first contact) within
 * so many working days of its receipt. Either may be empty. It tightens, never loosens, the deadline of the urgency
 * kind ({@link DeadlineProfile}): the earlier of the two counts. For example threatening debts (an eviction or a
 * cut-off): act within 3 working days.
 */
public record ConcernDeadline(SignalDetails.ConcernKind concernKind, Integer assessWithinWorkingDays,
                              Integer actWithinWorkingDays) {

    public static final int MAX_WORKING_DAYS = 60;

    public ConcernDeadline {
        if (concernKind == null) {
            throw new IllegalArgumentException("concernKind");
        }
        if (assessWithinWorkingDays != null && (assessWithinWorkingDays < 1 || assessWithinWorkingDays > MAX_WORKING_DAYS)) {
            throw new IllegalArgumentException("assessWithinWorkingDays");
        }
        if (actWithinWorkingDays != null && (actWithinWorkingDays < 1 || actWithinWorkingDays > MAX_WORKING_DAYS)) {
            throw new IllegalArgumentException("actWithinWorkingDays");
        }
        if (assessWithinWorkingDays != null && actWithinWorkingDays != null && actWithinWorkingDays < assessWithinWorkingDays) {
            throw new IllegalArgumentException("actWithinWorkingDays");
        }
    }

    /** What a new organisation starts with: threatening debts assessed within 1 and acted on within 3 working days. */
    public static Map<SignalDetails.ConcernKind, ConcernDeadline> defaults() {
        Map<SignalDetails.ConcernKind, ConcernDeadline> m = new EnumMap<>(SignalDetails.ConcernKind.class);
        for (SignalDetails.ConcernKind k : SignalDetails.ConcernKind.values()) {
            m.put(k, new ConcernDeadline(k, null, null));
        }
        m.put(SignalDetails.ConcernKind.THREATENING_DEBTS, new ConcernDeadline(SignalDetails.ConcernKind.THREATENING_DEBTS, 1, 3));
        return m;
    }

    public boolean any() {
        return assessWithinWorkingDays != null || actWithinWorkingDays != null;
    }

    /**
     * When a new signal must be triaged: the urgency kind's time, unless this kind of concern sets an earlier end
     * (its assessment, or its action deadline: a signal cannot wait for triage past the time it must be acted on).
     */
    public Instant triageDue(Instant receivedAt, Instant byKind) {
        Instant due = byKind;
        if (assessWithinWorkingDays != null) {
            due = earlier(due, WorkingDays.due(receivedAt, assessWithinWorkingDays));
        }
        if (actWithinWorkingDays != null) {
            due = earlier(due, WorkingDays.due(receivedAt, actWithinWorkingDays));
        }
        return due;
    }

    /** When first contact is due after triage: the urgency kind's time, unless the action deadline (from receipt) is earlier. */
    public Instant contactDue(Instant receivedAt, Instant byKind) {
        return actWithinWorkingDays == null ? byKind : earlier(byKind, WorkingDays.due(receivedAt, actWithinWorkingDays));
    }

    private static Instant earlier(Instant a, Instant b) {
        return b.isBefore(a) ? b : a;
    }
}
