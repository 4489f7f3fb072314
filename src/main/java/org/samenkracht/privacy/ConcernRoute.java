package org.samenkracht.privacy;

import java.time.Instant;

/**
 * The route of a concern (seed 003, P3 and P4), along the five steps of the Dutch reporting code
 * (meldcode): (1) map the signals (the concern is raised), (2) consult a colleague, (3) talk with the
 * person or family, (4) weigh, (5) decide: a step outside, with a justification in line with the mandate.
 * Keep silent towards third parties; telling the person or family first can be skipped only with a
 * recorded reason (for instance when telling them would put someone in danger). Acute danger is different: the duty
 * to help comes first, what was done and who was called are recorded, and it is reviewed afterwards.
 */
public final class ConcernRoute {

    private ConcernRoute() {
    }

    public enum Kind { CONCERN, ACUTE_DANGER }

    public enum Stage { RAISED, CONSULTED, SHARED_WITH_FAMILY, FAMILY_SKIPPED, WEIGHED, STEPPED_OUTSIDE, REVIEW_DUE, REVIEWED }

    /** Where a concern stands; {@code familySkippedReason}: why the family was not told first (step 3 skipped). */
    public record State(Kind kind, Instant sharedWithFamilyAt, Instant weighedAt, Instant steppedOutsideAt,
                        Instant reviewedAt, Instant consultedAt, String familySkippedReason) {

        public State(Kind kind, Instant sharedWithFamilyAt, Instant weighedAt, Instant steppedOutsideAt, Instant reviewedAt) {
            this(kind, sharedWithFamilyAt, weighedAt, steppedOutsideAt, reviewedAt, null, null);
        }

        /** Step 3 done: the family was told, or skipping it has a recorded reason. */
        public boolean familyStepDone() {
            return sharedWithFamilyAt != null || (familySkippedReason != null && !familySkippedReason.isBlank());
        }

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
        if (s.sharedWithFamilyAt() != null) {
            return Stage.SHARED_WITH_FAMILY;
        }
        if (s.familyStepDone()) {
            return Stage.FAMILY_SKIPPED;
        }
        return s.consultedAt() != null ? Stage.CONSULTED : Stage.RAISED;
    }

    /** Step 2: a colleague (or an expert such as the safe-home advice line) was consulted; once, with a note. */
    public static Outcome mayConsult(State s, String note) {
        if (s.kind() == Kind.ACUTE_DANGER) {
            return new Outcome.Refused("concern.refused.acuteIsReviewed");
        }
        if (s.consultedAt() != null) {
            return new Outcome.Refused("concern.refused.alreadyConsulted");
        }
        return blank(note) ? new Outcome.Refused("concern.refused.consultNoteNeeded") : OK;
    }

    public static Outcome mayShareWithFamily(State s) {
        if (s.kind() == Kind.ACUTE_DANGER) {
            return new Outcome.Refused("concern.refused.acuteIsReviewed");
        }
        return !s.familyStepDone() ? OK : new Outcome.Refused("concern.refused.alreadyShared");
    }

    /** Step 3 skipped: only with a recorded reason, and only while the family has not been told. */
    public static Outcome maySkipFamily(State s, String reason) {
        if (s.kind() == Kind.ACUTE_DANGER) {
            return new Outcome.Refused("concern.refused.acuteIsReviewed");
        }
        if (s.familyStepDone()) {
            return new Outcome.Refused("concern.refused.alreadyShared");
        }
        return blank(reason) ? new Outcome.Refused("concern.refused.skipReasonNeeded") : OK;
    }

    public static Outcome mayWeigh(State s, String weighing) {
        if (s.kind() == Kind.ACUTE_DANGER) {
            return new Outcome.Refused("concern.refused.acuteIsReviewed");
        }
        if (!s.familyStepDone()) {
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
        if (!s.familyStepDone()) {
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
        return s.kind() == Kind.CONCERN && s.familyStepDone() && s.weighedAt() != null;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
