package org.samenkracht.team;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The warm handover (seed 003, l.61–62, 304–311): a change of worker with time and dialogue. A
 * three-way conversation first; then the receiving worker accepts and the person co-signs, in either
 * order, the same dual sign-off as the plan; only when both have signed does the old worker's part end.
 */
public final class HandoverRules {

    private HandoverRules() {
    }

    public record State(LocalDate conversationOn, boolean accepted, boolean personSigned, boolean oldAccessEnded,
                        boolean withdrawn) {
    }

    public enum Stage { PROPOSED, AWAITING_BOTH, AWAITING_PERSON, AWAITING_RECEIVER, COMPLETED, WITHDRAWN }

    public static Stage stage(State s) {
        if (s.withdrawn()) {
            return Stage.WITHDRAWN;
        }
        if (s.oldAccessEnded()) {
            return Stage.COMPLETED;
        }
        if (s.conversationOn() == null) {
            return Stage.PROPOSED;
        }
        if (s.accepted() && s.personSigned()) {
            return Stage.COMPLETED;
        }
        if (s.accepted()) {
            return Stage.AWAITING_PERSON;
        }
        return s.personSigned() ? Stage.AWAITING_RECEIVER : Stage.AWAITING_BOTH;
    }

    public static Optional<String> mayPropose(boolean sameWorker, boolean receiverIsColleague, boolean openHandover) {
        if (sameWorker) {
            return Optional.of("handover.refused.sameWorker");
        }
        if (!receiverIsColleague) {
            return Optional.of("handover.refused.notAColleague");
        }
        return openHandover ? Optional.of("handover.refused.alreadyOpen") : Optional.empty();
    }

    public static Optional<String> mayRecordConversation(State s, LocalDate heldOn, LocalDate today) {
        if (s.withdrawn() || s.oldAccessEnded()) {
            return Optional.of("handover.refused.finished");
        }
        if (s.conversationOn() != null) {
            return Optional.of("handover.refused.conversationRecorded");
        }
        if (heldOn == null || heldOn.isAfter(today)) {
            return Optional.of("handover.refused.conversationFuture");
        }
        return Optional.empty();
    }

    /** Only the receiving worker accepts, after the three-way conversation. */
    public static Optional<String> mayAccept(State s, boolean isReceiver) {
        if (s.withdrawn() || s.oldAccessEnded()) {
            return Optional.of("handover.refused.finished");
        }
        if (!isReceiver) {
            return Optional.of("handover.refused.receiverOnly");
        }
        if (s.conversationOn() == null) {
            return Optional.of("handover.refused.conversationFirst");
        }
        return s.accepted() ? Optional.of("handover.refused.alreadyAccepted") : Optional.empty();
    }

    /** The person co-signs from their own account, or the team records it for a representative or on paper. */
    public static Optional<String> mayPersonSign(State s, boolean self, String onBehalf) {
        if (s.withdrawn() || s.oldAccessEnded()) {
            return Optional.of("handover.refused.finished");
        }
        if (s.conversationOn() == null) {
            return Optional.of("handover.refused.conversationFirst");
        }
        if (s.personSigned()) {
            return Optional.of("handover.refused.alreadySigned");
        }
        return !self && (onBehalf == null || onBehalf.isBlank()) ? Optional.of("handover.refused.onBehalfRequired")
                : Optional.empty();
    }

    /** The old worker's part ends only after the receiver accepted and the person signed. */
    public static Optional<String> mayEndOldAccess(State s) {
        if (!s.accepted()) {
            return Optional.of("handover.refused.receiverFirst");
        }
        return s.personSigned() ? Optional.empty() : Optional.of("handover.refused.personFirst");
    }

    public static Optional<String> mayWithdraw(State s) {
        return s.withdrawn() || s.oldAccessEnded() ? Optional.of("handover.refused.finished") : Optional.empty();
    }
}
