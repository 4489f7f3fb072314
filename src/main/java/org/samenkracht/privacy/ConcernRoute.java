package org.samenkracht.privacy;

import java.time.Instant;

/**
 * The route of a concern (seed 003, P3 and P4). Keep silent towards third parties; first share the
 * concern with the person or family; then weigh it (a deliberation record can be linked); only then,
 * with a justification in line with the mandate, a step outside. Acute danger is different: the duty
 * to help comes first, what was done and who was called are recorded, and it is reviewed afterwards.
 */
public final class ConcernRoute {

    private ConcernRoute() {
    }

    public enum Kind { CONCERN, ACUTE_DANGER }

    public enum Stage { RAISED, SHARED_WITH_FAMILY, WEIGHED, STEPPED_OUTSIDE, REVIEW_DUE, REVIEWED }

    /** Where a concern stands. */
    public record State(Kind kind, Instant sharedWithFamilyAt, Instant weighedAt, Instant steppedOutsideAt,
                        Instant reviewedAt) {
        public static State raised() {
            return new State(Kind.CONCERN, null, null, null, null);
        }

        public static State acute() {
            return new State(Kind.ACUTE_DANGER, null, null, null, null);
        }
    }

    public sealed interface Outcome {
        record Allowed() implements Outcome {
        }

        record Refused(String reasonKey) implements Outcome {
        }
    }

    private static final Outcome OK = new Outcome.Allowed();

    public static Stage stage(State s) {
        if (s.kind() == Kind.ACUTE_DANGER) {
            return s.reviewedAt() == null ? Stage.REVIEW_DUE : Stage.REVIEWED;
        }
        if (s.steppedOutsideAt() != null) {
            return Stage.STEPPED_OUTSIDE;
        }
        if (s.weighedAt() != null) {
            return Stage.WEIGHED;
        }
        return s.sharedWithFamilyAt() != null ? Stage.SHARED_WITH_FAMILY : Stage.RAISED;
    }

    public static Outcome mayShareWithFamily(State s) {
        if (s.kind() == Kind.ACUTE_DANGER) {
            return new Outcome.Refused("concern.refused.acuteIsReviewed");
        }
        return s.sharedWithFamilyAt() == null ? OK : new Outcome.Refused("concern.refused.alreadyShared");
    }

    public static Outcome mayWeigh(State s, String weighing) {
        if (s.kind() == Kind.ACUTE_DANGER) {
            return new Outcome.Refused("concern.refused.acuteIsReviewed");
        }
        if (s.sharedWithFamilyAt() == null) {
            return new Outcome.Refused("concern.refused.familyFirst");
        }
        if (s.weighedAt() != null) {
            return new Outcome.Refused("concern.refused.alreadyWeighed");
        }
        return blank(weighing) ? new Outcome.Refused("concern.refused.weighingNeeded") : OK;
    }

    public static Outcome mayStepOutside(State s, String justification) {
        if (s.kind() == Kind.ACUTE_DANGER) {
            return new Outcome.Refused("concern.refused.acuteIsReviewed");
        }
        if (s.sharedWithFamilyAt() == null) {
            return new Outcome.Refused("concern.refused.familyFirst");
        }
        if (s.weighedAt() == null) {
            return new Outcome.Refused("concern.refused.weighFirst");
        }
        if (s.steppedOutsideAt() != null) {
            return new Outcome.Refused("concern.refused.alreadySteppedOutside");
        }
        return blank(justification) ? new Outcome.Refused("concern.refused.justificationNeeded") : OK;
    }

    /** Acute danger is recorded after the help: what was done and who was called, both required. */
    public static Outcome mayRecordAcute(String actionTaken, String whoWasCalled) {
        if (blank(actionTaken)) {
            return new Outcome.Refused("concern.refused.actionNeeded");
        }
        return blank(whoWasCalled) ? new Outcome.Refused("concern.refused.whoCalledNeeded") : OK;
    }

    public static Outcome mayReview(State s, String note) {
        if (s.kind() != Kind.ACUTE_DANGER) {
            return new Outcome.Refused("concern.refused.onlyAcuteIsReviewed");
        }
        if (s.reviewedAt() != null) {
            return new Outcome.Refused("concern.refused.alreadyReviewed");
        }
        return blank(note) ? new Outcome.Refused("concern.refused.reviewNeeded") : OK;
    }

    /** Whether a step outside has been justified along the route (for {@link SharedSecrecyPolicy}). */
    public static boolean readyToStepOutside(State s) {
        return s.kind() == Kind.CONCERN && s.sharedWithFamilyAt() != null && s.weighedAt() != null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
