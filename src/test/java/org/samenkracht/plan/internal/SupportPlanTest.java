package org.samenkracht.plan.internal;

import org.junit.jupiter.api.Test;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.vocabulary.Intensity;
import org.samenkracht.vocabulary.Layer;
import org.springframework.dao.OptimisticLockingFailureException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The aggregate's own rules: sign-off by both, a new version after a change, no edits to an ended plan. */
class SupportPlanTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static SupportPlan planWithOneStep() {
        SupportPlan p = SupportPlan.start(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        p.version = 3;
        UUID goal = p.addGoal(UUID.randomUUID(), "Een opgeruimd huis", null, "Elke week schoon", "SHORT", null, List.of());
        p.addStep(goal, new SupportPlan.StepContent("Zelf de was doen", "PERSON", Layer.OWN_STRENGTH, Intensity.SUPPORT,
                null, null, null, null, null));
        p.evaluateOn(TODAY.plusMonths(3), TODAY);
        return p;
    }

    @Test
    void finalOnlyWhenBothAgreedInWhicheverOrder() {
        SupportPlan p = planWithOneStep();
        assertThat(p.agreeAsPerson(UUID.randomUUID(), null, "Goed zo.", Instant.now())).isFalse();
        assertThat(p.status).isEqualTo(SupportPlan.Status.DRAFT);
        assertThat(p.agreeAsProfessional(UUID.randomUUID(), null, Instant.now())).isTrue();
        assertThat(p.status).isEqualTo(SupportPlan.Status.AGREED);
        assertThat(p.personRemark).isEqualTo("Goed zo.");
    }

    @Test
    void aChangeAfterSignOffOpensTheNextVersionAndAgreementsNoLongerHold() {
        SupportPlan p = planWithOneStep();
        p.agreeAsPerson(UUID.randomUUID(), null, null, Instant.now());
        p.agreeAsProfessional(UUID.randomUUID(), null, Instant.now());
        UUID step = p.goals.get(0).steps.get(0).id;

        p.reassignStep(step, new SupportPlan.StepContent(null, "GENERAL_FACILITY", Layer.GENERAL_COLLECTIVE, null, null, null,
                null, "Buurthuis De Kroon", null));

        assertThat(p.versionNo).isEqualTo(2);
        assertThat(p.status).isEqualTo(SupportPlan.Status.DRAFT);
        assertThat(p.personAgreedAt).isNull();
        assertThat(p.professionalAgreedAt).isNull();
        SupportPlan.Step s = p.goals.get(0).steps.get(0);
        assertThat(s.description).isEqualTo("Zelf de was doen");
        assertThat(s.provider).isEqualTo("Buurthuis De Kroon");
        assertThat(s.layer).isEqualTo(Layer.GENERAL_COLLECTIVE);
    }

    @Test
    void aChangeBeforeSignOffStaysInTheSameVersionButClearsAGivenAgreement() {
        SupportPlan p = planWithOneStep();
        p.agreeAsProfessional(UUID.randomUUID(), null, Instant.now());
        p.answerLayer(p.goals.get(0).id, Layer.NETWORK, "Overwogen, niemand kan het.");
        assertThat(p.versionNo).isEqualTo(1);
        assertThat(p.professionalAgreedAt).isNull();
    }

    @Test
    void aStepNeedsAnOwner() {
        SupportPlan p = planWithOneStep();
        UUID goal = p.goals.get(0).id;
        assertThatThrownBy(() -> p.addStep(goal, new SupportPlan.StepContent("Boodschappen", "NETWORK", Layer.NETWORK,
                Intensity.SUPPORT, null, null, null, null, null)))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.field()).isEqualTo("networkMemberId"));
        assertThatThrownBy(() -> p.addStep(goal, new SupportPlan.StepContent("Kookclub", "GENERAL_FACILITY",
                Layer.GENERAL_COLLECTIVE, Intensity.SUPPORT, null, null, null, " ", null)))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.field()).isEqualTo("provider"));
    }

    @Test
    void aStaleEditIsRefusedAndAnEndedPlanCannotChange() {
        SupportPlan p = planWithOneStep();
        assertThatThrownBy(() -> p.expectVersion(2)).isInstanceOf(OptimisticLockingFailureException.class);
        p.nextEvaluation(null, true);
        assertThat(p.status).isEqualTo(SupportPlan.Status.ENDED);
        assertThatThrownBy(() -> p.answerLayer(p.goals.get(0).id, Layer.NETWORK, "x"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.messageKey()).isEqualTo("plan.ended"));
    }

    @Test
    void aRefusalKeepsTheDoorOpenWithADateAhead() {
        SupportPlan p = planWithOneStep();
        UUID step = p.goals.get(0).steps.get(0).id;
        assertThatThrownBy(() -> p.refuse(step, "Nee", null, TODAY, UUID.randomUUID(), Instant.now(), TODAY))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.field()).isEqualTo("talkAgainOn"));
        p.refuse(step, " Ik doe mijn was liever bij mijn zus. ", "Wasserette", TODAY.plusWeeks(2), UUID.randomUUID(),
                Instant.now(), TODAY);
        assertThat(p.refusals).singleElement().satisfies(r -> {
            assertThat(r.reason).isEqualTo("Ik doe mijn was liever bij mijn zus.");
            assertThat(r.stepId).isEqualTo(step);
        });
    }
}
