package org.samenkracht.network;

import org.junit.jupiter.api.Test;
import org.samenkracht.vocabulary.Layer;
import org.samenkracht.network.NetworkMember.SupportKind;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.network.NetworkLoadPolicyTest.profile;
import static org.samenkracht.network.NetworkLoadPolicyTest.report;

class NetworkQualitiesTest {

    @Test
    void size_and_spread_over_layers_and_kinds() {
        NetworkQualities q = NetworkQualities.of(List.of(
                profile("Ria", Layer.NETWORK, Set.of(SupportKind.PRACTICAL, SupportKind.COMPANY), Set.of(SupportKind.COMPANY), false, List.of()),
                profile("Lotte", Layer.NETWORK, Set.of(SupportKind.EMOTIONAL, SupportKind.ADVICE), Set.of(), false, List.of()),
                profile("Buurthuis", Layer.GENERAL_COLLECTIVE, Set.of(SupportKind.COMPANY), Set.of(SupportKind.PRACTICAL), false, List.of()),
                profile("Thuiszorg", Layer.INDIVIDUAL_PROFESSIONAL, Set.of(SupportKind.PRACTICAL), Set.of(), false, List.of())));
        assertThat(q.size()).isEqualTo(4);
        assertThat(q.byLayer()).containsEntry(Layer.NETWORK, 2).containsEntry(Layer.GENERAL_COLLECTIVE, 1).containsEntry(Layer.INDIVIDUAL_PROFESSIONAL, 1);
        assertThat(q.byKind()).containsEntry(SupportKind.PRACTICAL, 2).containsEntry(SupportKind.COMPANY, 2)
                .containsEntry(SupportKind.EMOTIONAL, 1).containsEntry(SupportKind.ADVICE, 1);
        assertThat(q.givesBackTo()).isEqualTo(2);
        assertThat(q.missingKinds()).isEmpty();
        assertThat(q.noNaturalNetwork()).isFalse();
        assertThat(q.dependsOn()).containsOnlyKeys(SupportKind.EMOTIONAL, SupportKind.ADVICE)
                .containsEntry(SupportKind.EMOTIONAL, "Lotte");
    }

    @Test
    void shows_what_is_missing_for_example_no_one_for_emotional_support() {
        NetworkQualities q = NetworkQualities.of(List.of(
                profile("Thuiszorg", Layer.INDIVIDUAL_PROFESSIONAL, Set.of(SupportKind.PRACTICAL), Set.of(), false, List.of()),
                profile("Buurthuis", Layer.GENERAL_COLLECTIVE, Set.of(SupportKind.COMPANY), Set.of(), false, List.of())));
        assertThat(q.missingKinds()).containsExactly(SupportKind.ADVICE, SupportKind.EMOTIONAL);
        assertThat(q.noNaturalNetwork()).isTrue();
        assertThat(q.givesBackTo()).isZero();
        assertThat(q.hasConcerns()).isTrue();
    }

    @Test
    void harmful_ties_are_named_and_do_not_count_as_support() {
        NetworkQualities q = NetworkQualities.of(List.of(
                profile("Ex", Layer.NETWORK, Set.of(SupportKind.EMOTIONAL), Set.of(), true, List.of()),
                profile("Ria", Layer.NETWORK, Set.of(SupportKind.PRACTICAL), Set.of(), false, List.of())));
        assertThat(q.harmfulTies()).containsExactly("Ex");
        assertThat(q.size()).isEqualTo(1);
        assertThat(q.missingKinds()).contains(SupportKind.EMOTIONAL);
    }

    @Test
    void single_person_dependence_names_who_carries_it_alone() {
        List<MemberProfile> assessed = NetworkLoadPolicy.assessAll(List.of(
                profile("Ria", Layer.NETWORK, Set.of(SupportKind.PRACTICAL), Set.of(), false, List.of(report(0, 12, 3, 3))),
                profile("Kevin", Layer.NETWORK, Set.of(SupportKind.COMPANY), Set.of(), false, List.of(report(0, 1, 3, 1)))));
        NetworkQualities q = NetworkQualities.of(assessed);
        assertThat(q.carriedAlone()).containsExactly("Ria");
        assertThat(q.dependsOn()).containsEntry(SupportKind.PRACTICAL, "Ria").containsEntry(SupportKind.COMPANY, "Kevin");
    }

    @Test
    void duplicates_ignore_case_accents_and_notes_in_brackets() {
        assertThat(Network.nameKey("Ria (buurvrouw)")).isEqualTo(Network.nameKey("  ria "));
        assertThat(Network.nameKey("Anaïs")).isEqualTo(Network.nameKey("anais"));
        assertThat(Network.nameKey("Ria")).isNotEqualTo(Network.nameKey("Rian"));
    }
}
