package org.samenkracht.plan;

import org.samenkracht.vocabulary.Intensity;
import org.samenkracht.vocabulary.Layer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Small plan views for the policy tests. */
final class PlanFixtures {

    private PlanFixtures() {
    }

    static PlanView.Step step(Layer layer, String description) {
        return new PlanView.Step(UUID.randomUUID(), description, switch (layer) {
            case OWN_STRENGTH -> "PERSON";
            case NETWORK -> "NETWORK";
            case GENERAL_COLLECTIVE, VOLUNTEER -> "GENERAL_FACILITY";
            case INDIVIDUAL_PROFESSIONAL -> "PROFESSIONAL";
        }, layer, Intensity.SUPPORT, null, null, null, null, null, null, null, null);
    }

    static PlanView.Goal goal(int number, Map<Layer, String> answers, PlanView.Step... steps) {
        Map<Layer, String> a = new EnumMap<>(Layer.class);
        a.putAll(answers);
        return new PlanView.Goal(UUID.randomUUID(), number, UUID.randomUUID(), "doel " + number, null,
                "resultaat " + number, "SHORT", null, List.of(), a, List.of(), List.of(steps));
    }

    static PlanView plan(LocalDate evaluation, PlanView.Agreement person, PlanView.Agreement professional,
                         PlanView.Goal... goals) {
        return new PlanView(UUID.randomUUID(), UUID.randomUUID(), "DRAFT", 1, evaluation, 0, new ArrayList<>(List.of(goals)),
                person, professional, null, null, List.of(), List.of());
    }

    static PlanView.Agreement agreed() {
        return new PlanView.Agreement(Instant.now(), UUID.randomUUID(), null);
    }
}
