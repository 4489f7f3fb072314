package org.samenkracht.plan.internal;

import org.junit.jupiter.api.Test;
import org.samenkracht.common.web.RuleViolation;
import org.springframework.dao.OptimisticLockingFailureException;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SupportPlanTest {

    final SupportPlan plan = SupportPlan.start(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());

    @Test
    void a_step_taken_by_the_network_names_who() {
        UUID goal = plan.addGoal("Ik wil een opgeruimd huis.");
        assertThatThrownBy(() -> plan.addStep(goal, "Herinneren aan de vuilnisbak", SupportPlan.Step.Taker.NETWORK, null, null))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.field()).isEqualTo("networkMemberId"));
        UUID ria = UUID.randomUUID();
        plan.addStep(goal, "Herinneren aan de vuilnisbak", SupportPlan.Step.Taker.NETWORK, ria, null);
        assertThat(plan.goals.get(0).steps).singleElement().satisfies(s -> assertThat(s.networkMemberId).isEqualTo(ria));
    }

    @Test
    void a_step_taken_by_a_professional_names_who_and_forgets_a_stray_network_member() {
        UUID goal = plan.addGoal("Grip houden.");
        assertThatThrownBy(() -> plan.addStep(goal, "Weekschema", SupportPlan.Step.Taker.PROFESSIONAL, null, null))
                .isInstanceOf(RuleViolation.class);
        UUID sanne = UUID.randomUUID();
        plan.addStep(goal, "Weekschema", SupportPlan.Step.Taker.PROFESSIONAL, UUID.randomUUID(), sanne);
        SupportPlan.Step step = plan.goals.get(0).steps.get(0);
        assertThat(step.professionalId).isEqualTo(sanne);
        assertThat(step.networkMemberId).isNull();
    }

    @Test
    void a_step_belongs_to_a_goal_of_this_plan() {
        assertThatThrownBy(() -> plan.addStep(UUID.randomUUID(), "x", SupportPlan.Step.Taker.PERSON, null, null))
                .isInstanceOfSatisfying(RuleViolation.class, v -> assertThat(v.messageKey()).isEqualTo("plan.goal.unknown"));
    }

    @Test
    void the_evaluation_date_lies_in_the_future() {
        LocalDate today = LocalDate.of(2026, 11, 23);
        assertThatThrownBy(() -> plan.evaluateOn(today, today)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> plan.evaluateOn(today.minusDays(1), today)).isInstanceOf(RuleViolation.class);
        plan.evaluateOn(today.plusMonths(3), today);
        assertThat(plan.evaluationDate).isEqualTo(LocalDate.of(2027, 2, 23));
    }

    @Test
    void a_stale_version_is_a_conflict() {
        plan.version = 3;
        plan.expectVersion(3);
        assertThatThrownBy(() -> plan.expectVersion(2)).isInstanceOf(OptimisticLockingFailureException.class);
    }
}
