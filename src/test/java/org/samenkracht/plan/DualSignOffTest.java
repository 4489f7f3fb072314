package org.samenkracht.plan;

import org.samenkracht.vocabulary.Layer;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.plan.PlanFixtures.*;

class DualSignOffTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static PlanView.Goal completeGoal() {
        return goal(1, Map.of(Layer.GENERAL_COLLECTIVE, "Overwogen: klusjesdienst; niet mogelijk omdat die niet wekelijks komt."),
                step(Layer.OWN_STRENGTH, "zelf de was"), step(Layer.NETWORK, "buurvrouw: vuilnisbak"),
                step(Layer.INDIVIDUAL_PROFESSIONAL, "thuiszorg"));
    }

    @Test
    void anEmptyPlanNamesWhatIsMissing() {
        var outcome = DualSignOff.outcome(plan(null, null, null), TODAY);
        assertThat(outcome).isInstanceOfSatisfying(DualSignOff.Outcome.Incomplete.class, i ->
                assertThat(i.missing()).extracting(DualSignOff.Missing::messageKey)
                        .containsExactly("plan.missing.goals", "plan.missing.evaluationDate"));
    }

    @Test
    void aHigherStepWithoutAnAnswerForALowerLayerBlocksSignOff() {
        var goal = goal(1, Map.of(), step(Layer.OWN_STRENGTH, "zelf"), step(Layer.GENERAL_COLLECTIVE, "buurthuis"));
        var outcome = DualSignOff.outcome(plan(TODAY.plusMonths(3), agreed(), agreed(), goal), TODAY);
        assertThat(outcome).isInstanceOfSatisfying(DualSignOff.Outcome.Incomplete.class, i -> {
            assertThat(i.missing()).hasSize(1);
            assertThat(i.missing().get(0).messageKey()).isEqualTo("plan.missing.layer");
            assertThat(i.missing().get(0).args()).containsExactly(1, "layer.NETWORK", "layer.GENERAL_COLLECTIVE");
        });
    }

    @Test
    void aGoalWithoutStepsAndAPastEvaluationDateAreMissing() {
        var outcome = DualSignOff.outcome(plan(TODAY, null, null, goal(1, Map.of())), TODAY);
        assertThat(((DualSignOff.Outcome.Incomplete) outcome).missing()).extracting(DualSignOff.Missing::messageKey)
                .containsExactly("plan.missing.steps", "plan.missing.evaluationDateAhead");
    }

    @Test
    void finalOnlyWhenBothAgreed() {
        LocalDate eval = TODAY.plusMonths(3);
        assertThat(DualSignOff.outcome(plan(eval, null, null, completeGoal()), TODAY))
                .isInstanceOf(DualSignOff.Outcome.AwaitingBoth.class);
        assertThat(DualSignOff.outcome(plan(eval, agreed(), null, completeGoal()), TODAY))
                .isInstanceOf(DualSignOff.Outcome.AwaitingProfessional.class);
        assertThat(DualSignOff.outcome(plan(eval, null, agreed(), completeGoal()), TODAY))
                .isInstanceOf(DualSignOff.Outcome.AwaitingPerson.class);
        assertThat(DualSignOff.outcome(plan(eval, agreed(), agreed(), completeGoal()), TODAY))
                .isInstanceOf(DualSignOff.Outcome.Final.class);
    }
}
