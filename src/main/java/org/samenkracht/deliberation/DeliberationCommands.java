package org.samenkracht.deliberation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** Commands on a deliberation. Each carries the version the editor saw, so a stale edit is refused. */
public final class DeliberationCommands {

    private DeliberationCommands() {
    }

    public record Start(
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String title,
            @NotNull(message = "{validation.required}") Method method) {
    }

    /** Answers to questions of the method, by question key; a blank answer clears it. */
    public record Answer(@NotNull(message = "{validation.required}") Map<String, @Size(max = 4000, message = "{validation.tooLong}") String> answers,
                         @NotNull(message = "{validation.required}") Integer version) {
    }

    public record AddValue(
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String perspective,
            @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.tooLong}") String valueName,
            @Size(max = 1000, message = "{validation.tooLong}") String norm,
            @NotNull(message = "{validation.required}") Integer version) {
    }

    public record Decide(
            @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}") String decision,
            @NotNull(message = "{validation.required}") Integer version) {
    }

    /** An action; with a goal of the plan it becomes a step of that goal, taken by the one who adds it. */
    public record AddAction(
            @NotBlank(message = "{validation.required}") @Size(max = 1500, message = "{validation.tooLong}") String description,
            UUID goalId,
            @NotNull(message = "{validation.required}") LocalDate evaluateOn,
            @NotNull(message = "{validation.required}") Integer version) {
    }

    /** Links the decision to the weighing step of a concern (the concern's own version as edit token). */
    public record LinkConcern(
            @NotNull(message = "{validation.required}") UUID concernId,
            @NotNull(message = "{validation.required}") Integer concernVersion,
            @NotNull(message = "{validation.required}") Integer version) {
    }

    public record Version(@NotNull(message = "{validation.required}") Integer version) {
    }
}
