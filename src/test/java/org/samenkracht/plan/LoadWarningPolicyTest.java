package org.samenkracht.plan;

import org.junit.jupiter.api.Test;
import org.samenkracht.network.LoadSignal;

import static org.assertj.core.api.Assertions.assertThat;

class LoadWarningPolicyTest {

    @Test
    void noSignalNoWarning() {
        assertThat(LoadWarningPolicy.assess(LoadSignal.none(), null)).isInstanceOf(LoadWarningPolicy.Outcome.Fine.class);
    }

    @Test
    void anOverloadedMemberWarnsAndAsksForAReason() {
        var outcome = LoadWarningPolicy.assess(new LoadSignal(true, false, "network.load.heavy"), " ");
        assertThat(outcome).isInstanceOfSatisfying(LoadWarningPolicy.Outcome.NeedsReason.class, w -> {
            assertThat(w.overloaded()).isTrue();
            assertThat(w.messageKey()).isEqualTo("plan.step.load.overloaded");
            assertThat(w.signalReasonKey()).isEqualTo("network.load.heavy");
        });
    }

    @Test
    void someoneThePersonDoesNotWantToBurdenWarnsWithThatReason() {
        var outcome = LoadWarningPolicy.assess(new LoadSignal(false, true, null), null);
        assertThat(outcome).isInstanceOfSatisfying(LoadWarningPolicy.Outcome.NeedsReason.class,
                w -> assertThat(w.messageKey()).isEqualTo("plan.step.load.doNotBurden"));
    }

    @Test
    void aGivenReasonLetsTheAssignmentThroughAndIsKept() {
        var outcome = LoadWarningPolicy.assess(new LoadSignal(true, true, null), " Ria biedt het zelf aan. ");
        assertThat(outcome).isEqualTo(new LoadWarningPolicy.Outcome.ProceedWithReason("Ria biedt het zelf aan."));
    }
}
