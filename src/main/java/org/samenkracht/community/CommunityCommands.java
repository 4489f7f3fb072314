package org.samenkracht.community;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/** Commands of the community module, checked by bean validation (a refused form keeps what was typed). */
public final class CommunityCommands {

    private CommunityCommands() {
    }

    public record SaveVolunteer(
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String name,
            @Size(max = 40, message = "{validation.tooLong}") String phone,
            Set<@Size(max = 60) String> skills,
            Set<@Size(max = 60) String> languages,
            Set<@Size(max = 30) String> availability,
            Set<@Size(max = 100) String> areas,
            Set<@Size(max = 60) String> interests,
            Set<Volunteer.KindOfWork> kindsOfWork,
            @Size(max = 2000, message = "{validation.tooLong}") String motive,
            Volunteer.CameInVia cameInVia,
            @NotNull(message = "{validation.required}") @DecimalMin(value = "0.5", message = "{community.validation.range}")
            @DecimalMax(value = "40", message = "{community.validation.range}") BigDecimal hoursPerWeek,
            @NotNull(message = "{validation.required}") @Min(value = 1, message = "{community.validation.range}") @Max(value = 5, message = "{community.validation.range}") Integer maxMatches,
            UUID coordinatorId,
            Integer version) {
    }

    public record RecordScreening(
            @NotNull(message = "{validation.choice}") Screening.Step step,
            @NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
    }

    public record LogHours(
            @NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate workedOn,
            @NotNull(message = "{validation.required}") @DecimalMin(value = "0.5", message = "{community.validation.range}")
            @DecimalMax(value = "24", message = "{community.validation.range}") BigDecimal hours,
            @Size(max = 300, message = "{validation.tooLong}") String what) {
    }

    public record Recognise(
            @NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate givenOn,
            @NotBlank(message = "{validation.required}") @Size(max = 300, message = "{validation.tooLong}") String what) {
    }

    /** A training the volunteer followed (beyond the basic training of the screening): course, date, who gave it. */
    public record RecordTraining(
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String course,
            @NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate followedOn,
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String givenBy) {
    }

    /** The volunteer's own feedback on their work, or on one of their matches ({@code matchId}); how it goes 1 … 5. */
    public record GiveFeedback(
            UUID matchId,
            @Min(value = 1, message = "{community.validation.range}") @Max(value = 5, message = "{community.validation.range}") Integer howItGoes,
            @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.tooLong}") String what) {
    }

    /** The coordinator's answer to a volunteer's feedback, with the version read (someone else may have answered). */
    public record ReplyToFeedback(
            @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.tooLong}") String reply,
            @NotNull(message = "{validation.required}") Integer version) {
    }

    /** How heavy it is, in the volunteer's own words: 1 light … 5 too heavy. */
    public record ReportLoad(
            @NotNull(message = "{validation.required}") @Min(value = 1, message = "{community.validation.range}") @Max(value = 5, message = "{community.validation.range}") Integer load) {
    }

    public record StopVolunteer(
            @NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
    }

    /** A buddy request: from a step of the plan at the volunteer layer ({@code stepId}) or from a professional. */
    public record RequestBuddy(
            UUID goalId,
            UUID stepId,
            @NotBlank(message = "{validation.required}") @Size(max = 1000, message = "{validation.tooLong}") String whatFor,
            @NotNull(message = "{community.coordinatorRequired}") UUID coordinatorId) {
    }

    /** What the person's own network can do: who was asked and why it does not fit, or the gap. */
    public record RecordNetworkCheck(
            @Size(max = 1000, message = "{validation.tooLong}") String networkGap,
            Boolean networkCanDoIt,
            @NotNull(message = "{validation.required}") Integer version) {
    }

    public record RecordHomeVisit(
            @NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate visitedOn,
            @NotNull(message = "{validation.choice}") Volunteer.KindOfWork kindOfWork,
            Set<@Size(max = 60) String> languages,
            Set<@Size(max = 30) String> availability,
            Set<@Size(max = 100) String> areas,
            Set<@Size(max = 60) String> interests,
            @NotNull(message = "{validation.required}") @DecimalMin(value = "0.5", message = "{community.validation.range}")
            @DecimalMax(value = "40", message = "{community.validation.range}") BigDecimal hoursPerWeek,
            @Size(max = 2000, message = "{validation.tooLong}") String notes,
            @NotNull(message = "{validation.required}") Integer version) {
    }

    public record ProposeMatch(
            @NotNull(message = "{validation.required}") UUID volunteerId,
            @NotBlank(message = "{validation.required}") @Size(max = 500, message = "{validation.tooLong}") String sharedGoal,
            @Size(max = 1000, message = "{validation.tooLong}") String practical,
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedEnd,
            /** Yes after the warning that this match would overload the volunteer (their load figures are recorded with it). */
            Boolean confirmOverload) {

        public ProposeMatch(UUID volunteerId, String sharedGoal, String practical, LocalDate plannedEnd) {
            this(volunteerId, sharedGoal, practical, plannedEnd, null);
        }
    }

    /** The person's or the volunteer's answer to a proposed match. */
    public record Answer(@NotNull(message = "{validation.choice}") Boolean accept) {
    }

    public record RecordContact(
            @NotNull(message = "{validation.choice}") BuddyMatching.ContactKind kind,
            @NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
            @NotNull(message = "{validation.choice}") BuddyMatching.WithWhom withWhom,
            @Min(value = 1, message = "{community.validation.range}") @Max(value = 5, message = "{community.validation.range}") Integer howItGoes,
            @Size(max = 2000, message = "{validation.tooLong}") String notes) {
    }
}
