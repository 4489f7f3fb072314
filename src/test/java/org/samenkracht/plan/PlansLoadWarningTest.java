package org.samenkracht.plan;

import org.samenkracht.vocabulary.Intensity;
import org.samenkracht.vocabulary.Layer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.exploration.Wishes;
import org.samenkracht.identity.Accounts;
import org.samenkracht.network.LoadSignal;
import org.samenkracht.network.Network;
import org.samenkracht.network.NetworkMember;
import org.samenkracht.person.Persons;
import org.samenkracht.plan.internal.PlanPrint;
import org.samenkracht.plan.internal.PlanStore;
import org.samenkracht.privacy.CareTeam;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Assigning a step to a member who carries a load signal (a fake signal from the network) warns and asks for a reason. */
class PlansLoadWarningTest {

    private final PlanStore store = mock(PlanStore.class);
    private final Network network = mock(Network.class);
    private final Persons persons = mock(Persons.class);
    private Plans plans;
    private final UUID person = UUID.randomUUID();
    private final UUID goal = UUID.randomUUID();
    private final UUID kevin = UUID.randomUUID();

    @BeforeEach
    void setUp() {
        plans = new Plans(store, mock(PersonAccess.class), persons, network, mock(Wishes.class), mock(CareTeam.class),
                mock(Accounts.class), mock(MessageSource.class),
                mock(PlanPrint.class), Optional.empty());
        when(network.member(person, kevin)).thenReturn(Optional.of(new NetworkMember(kevin, person, "Kevin (vriend)",
                NetworkMember.Relation.FRIEND, Layer.NETWORK, Set.of(), 0)));
    }

    private PlanCommands.AddStep shopping(String reason) {
        return new PlanCommands.AddStep(goal, "Kevin doet boodschappen met Jonas.", "NETWORK", kevin, null, null,
                Intensity.SUPPORT, null, reason, 3);
    }

    @Test
    void anOverloadedMemberIsNotAssignedWithoutAReason() {
        when(network.loadSignal(person, kevin)).thenReturn(new LoadSignal(true, false, "network.load.heavy"));
        assertThatThrownBy(() -> plans.addStep(person, shopping(null)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.field()).isEqualTo("loadReason");
                    assertThat(v.messageKey()).isEqualTo("plan.step.load.overloaded");
                    assertThat(v.args()[0]).isEqualTo("Kevin (vriend)");
                    assertThat(((MessageSourceResolvable) v.args()[1]).getCodes()).containsExactly("network.load.heavy");
                });
        verify(store, never()).addStep(any(), anyInt(), any(), any());
    }

    @Test
    void someoneThePersonDoesNotWantToBurdenWarnsToo() {
        when(network.loadSignal(person, kevin)).thenReturn(new LoadSignal(false, true, null));
        assertThatThrownBy(() -> plans.addStep(person, shopping("")))
                .isInstanceOfSatisfying(RuleViolation.class,
                        v -> assertThat(v.messageKey()).isEqualTo("plan.step.load.doNotBurden"));
    }

    @Test
    void withAReasonTheStepIsAddedInTheNetworkLayer() {
        when(network.loadSignal(person, kevin)).thenReturn(new LoadSignal(true, false, null));
        plans.addStep(person, shopping("Kevin biedt het zelf aan; het is één uur per week."));
        verify(store).addStep(eq(person), eq(3), any(), eq(Layer.NETWORK));
    }

    @Test
    void withoutASignalNoReasonIsNeeded() {
        when(network.loadSignal(person, kevin)).thenReturn(LoadSignal.none());
        plans.addStep(person, shopping(null));
        verify(store).addStep(eq(person), eq(3), any(), eq(Layer.NETWORK));
    }
}
