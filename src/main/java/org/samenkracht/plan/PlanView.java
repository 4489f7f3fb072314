package org.samenkracht.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The current plan as pages and the API show it, with the names of who takes each step. */
public record PlanView(UUID id, UUID personId, String status, LocalDate evaluationDate, int version, List<Goal> goals) {

    public record Goal(UUID id, int number, String ownWords, List<Step> steps) {
    }

    public record Step(UUID id, String description, String taker, UUID networkMemberId, UUID professionalId,
                       String takerName) {
    }
}
