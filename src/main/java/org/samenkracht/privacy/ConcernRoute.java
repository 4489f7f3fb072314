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

    public enum Stage { RAISED, CONSULTED, SHARED_WITH_FAMILY, FAMILY_SKIPPED, WEIGHED, STEPPED_OUTSIDE, REVIEW_DUE, REVIEWED,
        HELP_ORGANISED }

    /** The five steps of the reporting code, each with its own page. */
    public enum Step {
        SIGNALS("signals"), CONSULT("consult"), TALK("talk"), WEIGH("weigh"), DECIDE("decide");

        private final String path;

        Step(String path) {
            this.path = path;
        }

        public String path() {
            return path;
        }

        public static java.util.Optional<Step> ofPath(String path) {
            for (Step s : values()) {
                if (s.path.equals(path)) {
                    return java.util.Optional.of(s);
                }
            }
            return java.util.Optional.empty();
        }
    }

    /** Question 2 of the assessment framework: is there acute or structural danger? */
    public enum Danger { NONE, ACUTE, STRUCTURAL }

    /** What the assessment framework advises after the five questions. */
    public enum Advice {
        /** Question 1 answered no: no suspicion, the route ends here (no report). */
        NO_SUSPICION,
        /** Acute or structural danger, or help cannot be offered, is not accepted or does not reach its result in time. */
        REPORT,
        /** Help can be offered, is accepted and reaches its result in time: organise it and keep watch. */
        ORGANISE_HELP
    }

    /**
     * The five questions of the assessment framework (afwegingskader) of the reporting code: (1) is there a
     * suspicion? (2) is there acute or structural danger? (3) can I offer or organise effective help? (4) do
     * those involved accept that help? (5) does the help reach the needed result in time? A later question is
     * only asked when the earlier answers lead there; {@code null} means not answered.
     */
    public record Assessment(Boolean suspicion, Danger danger, Boolean canHelp, Boolean helpAccepted, Boolean resultInTime) {

        /** The first question that still needs an answer, by its field name; empty when the assessment is complete. */
        public java.util.Optional<String> missing() {
            if (suspicion == null) {
                return java.util.Optional.of("suspicion");
            }
            if (!suspicion) {
                return java.util.Optional.empty();
            }
            if (danger == null) {
                return java.util.Optional.of("danger");
            }
            if (danger != Danger.NONE) {
                return java.util.Optional.empty();
            }
            if (canHelp == null) {
                return java.util.Optional.of("canHelp");
            }
            if (!canHelp) {
                return java.util.Optional.empty();
            }
            if (helpAccepted == null) {
                return java.util.Optional.of("helpAccepted");
            }
            if (!helpAccepted) {
                return java.util.Optional.empty();
            }
            return resultInTime == null ? java.util.Optional.of("resultInTime") : java.util.Optional.empty();
        }

        /** The framework's advice; only meaningful once {@link #missing()} is empty. */
        public Advice advice() {
            if (Boolean.FALSE.equals(suspicion)) {
                return Advice.NO_SUSPICION;
            }
            if (danger != Danger.NONE || !Boolean.TRUE.equals(canHelp) || !Boolean.TRUE.equals(helpAccepted)
                    || !Boolean.TRUE.equals(resultInTime)) {
                return Advice.REPORT;
            }
            return Advice.ORGANISE_HELP;
        }

        /** Only the answers the route asked for: later answers after a decisive one are dropped. */
        public Assessment asked() {
            if (!Boolean.TRUE.equals(suspicion)) {
                return new Assessment(suspicion, null, null, null, null);
            }
            if (danger != Danger.NONE) {
                return new Assessment(true, danger, null, null, null);
            }
            if (!Boolean.TRUE.equals(canHelp)) {
                return new Assessment(true, danger, canHelp, null, null);
            }
            if (!Boolean.TRUE.equals(helpAccepted)) {
                return new Assessment(true, danger, true, helpAccepted, null);
            }
            return this;
        }
    }

    /**
     * Where a concern stands; {@code familySkippedReason}: why the family was not told first (step 3 skipped);
     * {@code helpOrganisedAt}: step 5, help was organised (beside or instead of a report).
     */
    public record State(Kind kind, Instant sharedWithFamilyAt, Instant weighedAt, Instant steppedOutsideAt,
                        Instant reviewedAt, Instant consultedAt, String familySkippedReason, Instant helpOrganisedAt) {

        public State(Kind kind, Instant sharedWithFamilyAt, Instant weighedAt, Instant steppedOutsideAt, Instant reviewedAt) {
            this(kind, sharedWithFamilyAt, weighedAt, steppedOutsideAt, reviewedAt, null, null, null);
        }

        public State(Kind kind, Instant sharedWithFamilyAt, Instant weighedAt, Instant steppedOutsideAt,
                     Instant reviewedAt, Instant consultedAt, String familySkippedReason) {
            this(kind, sharedWithFamilyAt, weighedAt, steppedOutsideAt, reviewedAt, consultedAt, familySkippedReason, null);
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
        if (s.helpOrganisedAt() != null) {
            return Stage.HELP_ORGANISED;
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

    /** Step 4 with the assessment framework: the five questions answered as far as they lead, and a note. */
    public static Outcome mayAssess(State s, Assessment a, String weighing) {
        Outcome weigh = mayWeigh(s, weighing);
        if (weigh instanceof Outcome.Refused) {
            return weigh;
        }
        return a == null || a.missing().isPresent() ? new Outcome.Refused("concern.refused.questionNeeded") : OK;
    }

    /**
     * Step 5, organising help: after the weighing, once, with a note of what was arranged. It may go beside a
     * report; when the framework advised to report, help alone does not end the route (see {@link #reportStillDue}).
     */
    public static Outcome mayOrganiseHelp(State s, String note) {
        if (s.kind() == Kind.ACUTE_DANGER) {
            return new Outcome.Refused("concern.refused.acuteIsReviewed");
        }
        if (!s.familyStepDone()) {
            return new Outcome.Refused("concern.refused.familyFirst");
        }
        if (s.weighedAt() == null) {
            return new Outcome.Refused("concern.refused.weighFirst");
        }
        if (s.helpOrganisedAt() != null) {
            return new Outcome.Refused("concern.refused.alreadyHelped");
        }
        return blank(note) ? new Outcome.Refused("concern.refused.helpNoteNeeded") : OK;
    }

    /** The framework advised to report and no report has been made yet. */
    public static boolean reportStillDue(State s, Assessment a) {
        return s.weighedAt() != null && a != null && a.suspicion() != null && a.advice() == Advice.REPORT
                && s.steppedOutsideAt() == null;
    }

    /** The step of the reporting code a concern has reached: the page to open next. */
    public static Step currentStep(State s) {
        if (s.consultedAt() == null && !s.familyStepDone() && s.weighedAt() == null) {
            return Step.CONSULT;
        }
        if (!s.familyStepDone()) {
            return Step.TALK;
        }
        if (s.weighedAt() == null) {
            return Step.WEIGH;
        }
        return Step.DECIDE;
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
