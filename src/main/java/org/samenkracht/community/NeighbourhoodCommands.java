package org.samenkracht.community;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.samenkracht.socialmap.OfferTerms;
import org.samenkracht.vocabulary.LifeDomain;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;

/** What may be asked about neighbourhood places and activities, as forms and as JSON. */
public final class NeighbourhoodCommands {

    private NeighbourhoodCommands() {
    }

    /** A place (new: {@code version} empty; a change: the version the editor saw). */
    public record SavePlace(
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String name,
            @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.tooLong}") String neighbourhood,
            @Size(max = 300, message = "{validation.tooLong}") String address,
            @Size(max = 200, message = "{validation.tooLong}") String hostName,
            Set<OfferTerms.Accessibility> accessibility,
            @Size(max = 500, message = "{validation.tooLong}") String volunteering,
            Integer version) {

        public SavePlace {
            accessibility = accessibility == null ? Set.of() : Set.copyOf(accessibility);
        }
    }

    public record AddActivity(
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String name,
            @NotNull(message = "{validation.choice}") DayOfWeek weekday,
            @NotNull(message = "{validation.required}") @DateTimeFormat(pattern = "HH:mm") LocalTime startsAt,
            @DateTimeFormat(pattern = "HH:mm") LocalTime endsAt,
            @Size(max = 200, message = "{validation.tooLong}") String hostName,
            @Min(value = 1, message = "{community.validation.range}") @Max(value = 500, message = "{community.validation.range}") Integer capacity,
            LifeDomain lifeDomain,
            @Size(max = 1000, message = "{validation.tooLong}") String description) {
    }

    /** The person signs up for the activity; with {@code goalId} it becomes a step under that goal of their plan (community layer). */
    public record SignUp(@NotNull(message = "{validation.choice}") UUID activityId, UUID goalId) {
    }

    public record RecordAttendance(
            @NotNull(message = "{validation.choice}") UUID activityId,
            @NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate attendedOn) {
    }

    /** What the person offers others; {@code consent}: the person agrees it is shown at the place (without their name). */
    public record OfferStrength(
            @NotBlank(message = "{validation.required}") @Size(max = 300, message = "{validation.tooLong}") String what,
            UUID placeId,
            Boolean consent) {
    }
}
