package org.samenkracht.plan;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.UUID;

/** Commands on a plan. Each carries the plan version the editor saw, so a stale edit is refused. */
public final class PlanCommands {

    private PlanCommands() {
    }

    public record AddGoal(
            @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.tooLong}") String ownWords,
            @NotNull(message = "{validation.required}") Integer version) {
    }

    public record AddStep(
            @NotNull(message = "{validation.required}") UUID goalId,
            @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.tooLong}") String description,
            @NotBlank(message = "{validation.required}")
            @Pattern(regexp = "PERSON|NETWORK|GENERAL_FACILITY|PROFESSIONAL", message = "{validation.choice}") String taker,
            UUID networkMemberId,
            UUID professionalId,
            @NotNull(message = "{validation.required}") Integer version) {
    }

    public record SetEvaluationDate(
            @NotNull(message = "{validation.required}") LocalDate evaluationDate,
            @NotNull(message = "{validation.required}") Integer version) {
    }
}
