package org.samenkracht.community;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.format.annotation.DateTimeFormat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What may be asked of support groups, as forms and as JSON. */
public final class SupportGroupCommands {

    private SupportGroupCommands() {
    }

    public record CreateGroup(
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String name,
            @NotNull(message = "{validation.choice}") UUID coachId,
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String rhythm,
            @Size(max = 2000, message = "{validation.tooLong}") String agreements) {
    }

    /** A person joins; with {@code goalId} the group becomes a step under that goal of their plan (community layer). */
    public record AddMember(
            @NotNull(message = "{validation.choice}") UUID personId,
            @Size(max = 1000, message = "{validation.tooLong}") String ownPlan,
            UUID goalId) {
    }

    public record AddTopic(
            @NotBlank(message = "{validation.required}") @Size(max = 300, message = "{validation.tooLong}") String topic,
            UUID chosenBy) {
    }

    /** One member at a meeting. Progress and a next step only for a member who is there (an empty present: not there). */
    public record MemberProgress(
            @NotNull(message = "{validation.choice}") UUID personId,
            Boolean present,
            @Size(max = 1000, message = "{validation.tooLong}") String progress,
            @Size(max = 1000, message = "{validation.tooLong}") String nextStep) {

        public boolean wasThere() {
            return Boolean.TRUE.equals(present);
        }
    }

    public record RecordMeeting(
            @NotNull(message = "{validation.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
            @Size(max = 300, message = "{validation.tooLong}") String topic,
            @Valid List<MemberProgress> members) {
    }
}
