package org.samenkracht.plan;

import org.samenkracht.vocabulary.Layer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.vocabulary.Layer.*;

class InsideOutPolicyTest {

    @Test
    void aProfessionalStepWithoutAnythingBelowLeavesEveryLowerLayerOpen() {
        var gaps = InsideOutPolicy.gaps(1, List.of(INDIVIDUAL_PROFESSIONAL), Map.of());
        assertThat(gaps).extracting(InsideOutPolicy.Gap::missing).containsExactly(OWN_STRENGTH, NETWORK, GENERAL_COLLECTIVE);
        assertThat(gaps).allMatch(g -> g.becauseOf() == INDIVIDUAL_PROFESSIONAL && g.goalNumber() == 1);
    }

    @Test
    void aLowerLayerIsCoveredByAStepOrByARecordedAnswer() {
        var gaps = InsideOutPolicy.gaps(2, List.of(OWN_STRENGTH, INDIVIDUAL_PROFESSIONAL),
                Map.of(GENERAL_COLLECTIVE, "Overwogen, niet mogelijk omdat de klusjesdienst niet wekelijks komt."));
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
        var considered = InsideOutPolicy.considered(List.of(OWN_STRENGTH, GENERAL_COLLECTIVE), Map.of());
        assertThat(considered.keySet()).containsExactly(OWN_STRENGTH, NETWORK, GENERAL_COLLECTIVE, INDIVIDUAL_PROFESSIONAL);
        assertThat(considered.get(OWN_STRENGTH)).isEqualTo(InsideOutPolicy.Considered.STEP);
        assertThat(considered.get(NETWORK)).isEqualTo(InsideOutPolicy.Considered.NOT_YET);
        assertThat(considered.get(INDIVIDUAL_PROFESSIONAL)).isEqualTo(InsideOutPolicy.Considered.NOT_NEEDED);
    }

    @Test
    void aNetworkMemberTakesTheLayerOfTheirOwnPlaceInTheNetwork() {
        assertThat(InsideOutPolicy.stepLayer("NETWORK", NETWORK)).isEqualTo(NETWORK);
        assertThat(InsideOutPolicy.stepLayer("NETWORK", GENERAL_COLLECTIVE)).isEqualTo(GENERAL_COLLECTIVE);
        assertThat(InsideOutPolicy.stepLayer("NETWORK", VOLUNTEER)).isEqualTo(VOLUNTEER);
        assertThat(InsideOutPolicy.stepLayer("NETWORK", INDIVIDUAL_PROFESSIONAL)).isEqualTo(INDIVIDUAL_PROFESSIONAL);
        assertThat(InsideOutPolicy.stepLayer("PERSON", null)).isEqualTo(OWN_STRENGTH);
    }

    @Test
    void aVolunteerStepSitsInTheCircleOfGeneralFacilities() {
        // a volunteer step needs own strength and the network considered, not general facilities
        var gaps = InsideOutPolicy.gaps(1, List.of(VOLUNTEER), Map.of());
        assertThat(gaps).extracting(InsideOutPolicy.Gap::missing).containsExactly(OWN_STRENGTH, NETWORK);
        // and it covers that circle for a professional step above it
        var above = InsideOutPolicy.gaps(1, List.of(OWN_STRENGTH, NETWORK, VOLUNTEER, INDIVIDUAL_PROFESSIONAL), Map.of());
        assertThat(above).isEmpty();
        assertThat(InsideOutPolicy.considered(List.of(VOLUNTEER), Map.of()).get(GENERAL_COLLECTIVE))
                .isEqualTo(InsideOutPolicy.Considered.STEP);
    }
}
