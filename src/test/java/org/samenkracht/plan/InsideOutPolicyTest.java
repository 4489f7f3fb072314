package org.samenkracht.plan;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.plan.Layer.*;

class InsideOutPolicyTest {

    @Test
    void aProfessionalStepWithoutAnythingBelowLeavesEveryLowerLayerOpen() {
        var gaps = InsideOutPolicy.gaps(1, List.of(PROFESSIONAL), Map.of());
        assertThat(gaps).extracting(InsideOutPolicy.Gap::missing).containsExactly(OWN_STRENGTH, NETWORK, GENERAL);
        assertThat(gaps).allMatch(g -> g.becauseOf() == PROFESSIONAL && g.goalNumber() == 1);
    }

    @Test
    void aLowerLayerIsCoveredByAStepOrByARecordedAnswer() {
        var gaps = InsideOutPolicy.gaps(2, List.of(OWN_STRENGTH, PROFESSIONAL),
                Map.of(GENERAL, "Overwogen, niet mogelijk omdat de klusjesdienst niet wekelijks komt."));
        assertThat(gaps).extracting(InsideOutPolicy.Gap::missing).containsExactly(NETWORK);
    }

    @Test
    void aBlankAnswerDoesNotCount() {
        assertThat(InsideOutPolicy.gaps(1, List.of(NETWORK), Map.of(OWN_STRENGTH, "  "))).hasSize(1);
    }

    @Test
    void onlyOwnStrengthNeedsNothingBelow() {
        assertThat(InsideOutPolicy.gaps(1, List.of(OWN_STRENGTH), Map.of())).isEmpty();
        assertThat(InsideOutPolicy.gaps(1, List.of(), Map.of())).isEmpty();
    }

    @Test
    void theCheckShowsEachLayerInOrder() {
        var considered = InsideOutPolicy.considered(List.of(OWN_STRENGTH, GENERAL), Map.of());
        assertThat(considered.keySet()).containsExactly(OWN_STRENGTH, NETWORK, GENERAL, PROFESSIONAL);
        assertThat(considered.get(OWN_STRENGTH)).isEqualTo(InsideOutPolicy.Considered.STEP);
        assertThat(considered.get(NETWORK)).isEqualTo(InsideOutPolicy.Considered.NOT_YET);
        assertThat(considered.get(PROFESSIONAL)).isEqualTo(InsideOutPolicy.Considered.NOT_NEEDED);
    }

    @Test
    void aNetworkMemberTakesTheLayerOfTheirOwnPlaceInTheNetwork() {
        assertThat(Layer.of("NETWORK", org.samenkracht.network.NetworkMember.Layer.NATURAL)).isEqualTo(NETWORK);
        assertThat(Layer.of("NETWORK", org.samenkracht.network.NetworkMember.Layer.COMMUNITY)).isEqualTo(GENERAL);
        assertThat(Layer.of("NETWORK", org.samenkracht.network.NetworkMember.Layer.PROFESSIONAL)).isEqualTo(PROFESSIONAL);
        assertThat(Layer.of("PERSON", null)).isEqualTo(OWN_STRENGTH);
    }
}
