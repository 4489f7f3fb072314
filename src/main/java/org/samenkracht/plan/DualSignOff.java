package org.samenkracht.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The seeds' rule of dual approval: a plan is final only when both the person (or their
 * representative) and the professional agreed to it, and only a complete plan can be agreed to:
 * goals with steps, built from the inside out, and an evaluation date ahead.
 */
public final class DualSignOff {

    private DualSignOff() {
    }

    /** Something a plan still lacks before it can be agreed to; a message key with its arguments. */
    public record Missing(String messageKey, List<Object> args) {
        static Missing of(String key, Object... args) {
            return new Missing(key, List.of(args));
        }
    }

    public sealed interface Outcome {
        record Incomplete(List<Missing> missing) implements Outcome {
        }

        record AwaitingBoth() implements Outcome {
        }

        record AwaitingPerson() implements Outcome {
        }

        record AwaitingProfessional() implements Outcome {
        }

        record Final() implements Outcome {
        }
    }

    /** What the plan lacks before anyone can agree to it; empty when it is complete. */
    public static List<Missing> missing(PlanView plan, LocalDate today) {
        List<Missing> missing = new ArrayList<>();
        if (plan.goals().isEmpty()) {
            missing.add(Missing.of("plan.missing.goals"));
        }
        for (PlanView.Goal g : plan.goals()) {
            if (g.steps().isEmpty()) {
                missing.add(Missing.of("plan.missing.steps", g.number()));
            }
            if (g.intendedResult() == null || g.intendedResult().isBlank()) {
                missing.add(Missing.of("plan.missing.intendedResult", g.number()));
            }
            for (InsideOutPolicy.Gap gap : g.gaps()) {
                missing.add(Missing.of("plan.missing.layer", g.number(), "layer." + gap.missing().name(),
                        "layer." + gap.becauseOf().name()));
            }
        }
        if (plan.evaluationDate() == null) {
            missing.add(Missing.of("plan.missing.evaluationDate"));
        } else if (!plan.evaluationDate().isAfter(today)) {
            missing.add(Missing.of("plan.missing.evaluationDateAhead"));
        }
        return missing;
    }

    public static Outcome outcome(PlanView plan, LocalDate today) {
        if (plan.agreed()) {
            return new Outcome.Final();
        }
        List<Missing> missing = missing(plan, today);
        if (!missing.isEmpty()) {
            return new Outcome.Incomplete(missing);
        }
        boolean person = plan.personAgreement() != null;
        boolean professional = plan.professionalAgreement() != null;
        if (person && professional) {
            return new Outcome.Final();
        }
        if (person) {
            return new Outcome.AwaitingProfessional();
        }
        return professional ? new Outcome.AwaitingPerson() : new Outcome.AwaitingBoth();
    }
}
