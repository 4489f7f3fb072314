package org.samenkracht.plan;

import org.samenkracht.vocabulary.LifeDomain;
import org.samenkracht.vocabulary.Intensity;
import org.samenkracht.vocabulary.Layer;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Commands on a plan. Each carries the plan version the editor saw, so a stale edit is refused. */
public final class PlanCommands {

    private PlanCommands() {
    }

    public static final String TAKERS = "PERSON|NETWORK|GENERAL_FACILITY|PROFESSIONAL";

    /** A goal from one of the person's prioritised wishes, in the person's own words. */
    public record AddGoal(
            @NotNull(message = "{plan.goal.wishRequired}") UUID wishId,
            @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.tooLong}") String ownWords,
            @Size(max = 2000, message = "{validation.tooLong}") String meaning,
            @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.tooLong}") String intendedResult,
            @NotBlank(message = "{validation.required}") @Pattern(regexp = "SHORT|LONG", message = "{validation.choice}") String term,
            @Size(max = 2000, message = "{validation.tooLong}") String reachedWhen,
            List<LifeDomain> domains,
            @NotNull(message = "{validation.required}") Integer version) {
    }

    public record AddOption(
            @NotNull(message = "{validation.required}") UUID goalId,
            @NotBlank(message = "{validation.required}") @Size(max = 1000, message = "{validation.tooLong}") String description,
            @Size(max = 2000, message = "{validation.tooLong}") String advantages,
            @Size(max = 2000, message = "{validation.tooLong}") String disadvantages,
            @NotNull(message = "{validation.required}") Integer version) {
    }

    /** The best and the second-best option, chosen with the person. */
    public record ChooseOptions(
            @NotNull(message = "{validation.required}") UUID goalId,
            @NotNull(message = "{validation.required}") UUID bestId,
            UUID secondId,
            @NotNull(message = "{validation.required}") Integer version) {
    }

    /** The answer for a lower layer of a goal, such as "considered, not possible because…". */
    public record AnswerLayer(
            @NotNull(message = "{validation.required}") UUID goalId,
            @NotNull(message = "{validation.required}") Layer layer,
            @Size(max = 2000, message = "{validation.tooLong}") String answer,
            @NotNull(message = "{validation.required}") Integer version) {
    }

    public record AddStep(
            @NotNull(message = "{validation.required}") UUID goalId,
            @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.tooLong}") String description,
            @NotBlank(message = "{plan.step.ownerRequired}") @Pattern(regexp = TAKERS, message = "{validation.choice}") String taker,
            UUID networkMemberId,
            UUID professionalId,
            @Size(max = 200, message = "{validation.tooLong}") String provider,
            Intensity intensity,
            @Size(max = 1000, message = "{validation.tooLong}") String ownPart,
            @Size(max = 1000, message = "{validation.tooLong}") String loadReason,
            @NotNull(message = "{validation.required}") Integer version) {
    }

    /** Another taker for a step: replacing a resource, for instance after an evaluation. */
    public record ReassignStep(
            @NotNull(message = "{validation.required}") UUID stepId,
            @NotBlank(message = "{plan.step.ownerRequired}") @Pattern(regexp = TAKERS, message = "{validation.choice}") String taker,
            UUID networkMemberId,
            UUID professionalId,
            @Size(max = 200, message = "{validation.tooLong}") String provider,
            @Size(max = 2000, message = "{validation.tooLong}") String description,
            @Size(max = 1000, message = "{validation.tooLong}") String loadReason,
            @NotNull(message = "{validation.required}") Integer version) {
    }

    public record SetEvaluationDate(
            @NotNull(message = "{validation.required}") LocalDate evaluationDate,
            @NotNull(message = "{validation.required}") Integer version) {
    }

    /** Agreement of the person (from their own account) or recorded by the team for a representative or a paper signature. */
    public record Agree(
            @Size(max = 2000, message = "{validation.tooLong}") String remark,
            @Size(max = 200, message = "{validation.tooLong}") String onBehalf,
            @NotNull(message = "{validation.required}") Integer version) {
    }

    public record Remark(
            @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.tooLong}") String remark,
            @NotNull(message = "{validation.required}") Integer version) {
    }

    /** The person refuses the plan (no step) or one step, in their own words; the door stays open. */
    public record Refuse(
            UUID stepId,
            @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.tooLong}") String reason,
            @Size(max = 2000, message = "{validation.tooLong}") String alternatives,
            LocalDate talkAgainOn,
            @NotNull(message = "{validation.required}") Integer version) {
    }

    public record RecordFamilyView(
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String who,
            @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.tooLong}") String disagreement,
            @Size(max = 2000, message = "{validation.tooLong}") String agreements,
            LocalDate meetingOn,
            @NotNull(message = "{validation.required}") Integer version) {
    }

    /** An evaluation: the person's experience, per goal process and result, the checks, signals and the decision. */
    public record RecordEvaluation(
            @NotNull(message = "{validation.required}") LocalDate heldOn,
            @Size(max = 4000, message = "{validation.tooLong}") String wentWell,
            @Size(max = 4000, message = "{validation.tooLong}") String learned,
            @Valid List<GoalReview> goals,
            Boolean relationshipOnTrack,
            Boolean trust,
            Boolean activitiesGoingWell,
            Boolean phasesConnect,
            Set<Signal> signals,
            @Size(max = 2000, message = "{validation.tooLong}") String signalNote,
            @NotNull(message = "{validation.required}") Decision decision,
            LocalDate nextEvaluationDate,
            @NotNull(message = "{validation.required}") Integer version) {
    }

    /** A monitoring check counts as answered "yes" only when it was ticked. */
    public static boolean yes(Boolean check) {
        return Boolean.TRUE.equals(check);
    }

    public record GoalReview(
            @NotNull(message = "{validation.required}") UUID goalId,
            @Size(max = 2000, message = "{validation.tooLong}") String process,
            @Size(max = 2000, message = "{validation.tooLong}") String result) {
    }

    public record SupportStarted(@NotNull(message = "{validation.required}") LocalDate startedOn) {
    }

    /** Signals that support should change. */
    public enum Signal { WITHDRAWAL, UNREST, COMPLAINTS, WORSENING, NEW_EVENT, IMPROVEMENT }

    /** What an evaluation decides. */
    public enum Decision { CONTINUE, SCALE_UP, SCALE_DOWN, REPLACE_RESOURCE, END }

}
