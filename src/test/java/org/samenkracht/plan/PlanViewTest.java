package org.samenkracht.plan;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PlanViewTest {

    @Test
    void a_step_is_marked_refused_only_when_the_person_refused_that_step() {
        UUID refusedStep = UUID.randomUUID();
        UUID otherStep = UUID.randomUUID();
        PlanView plan = new PlanView(UUID.randomUUID(), UUID.randomUUID(), "DRAFT", 1, null, 0, List.of(), null, null,
                null, null, List.of(new PlanView.Refusal(refusedStep, "liever niet", null, null, Instant.now()),
                new PlanView.Refusal(null, "het hele plan", null, null, Instant.now())), List.of());
        assertThat(plan.refused(refusedStep)).isTrue();
        assertThat(plan.refused(otherStep)).isFalse();
    }
}
