package org.samenkracht.network;

import org.junit.jupiter.api.Test;
import org.samenkracht.vocabulary.Layer;
import org.samenkracht.network.NetworkMember.Relation;
import org.samenkracht.network.NetworkMember.SupportKind;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class NetworkLoadPolicyTest {

    static final LocalDate DAY = LocalDate.of(2026, 5, 1);

    static LoadReport report(int daysLater, double hours, int capacity, int burden) {
        return new LoadReport(UUID.randomUUID(), null, DAY.plusDays(daysLater), hours, null, capacity, burden,
                LoadReport.Source.PROFESSIONAL);
    }

    @Test
    void no_reports_no_warnings() {
        assertThat(NetworkLoadPolicy.assess(List.of(), 0)).isEmpty();
    }

    @Test
    void a_light_load_shared_with_others_raises_nothing() {
        assertThat(NetworkLoadPolicy.assess(List.of(report(0, 3, 4, 2)), 10)).isEmpty();
    }

    @Test
    void heavy_burden_is_high() {
        assertThat(NetworkLoadPolicy.assess(List.of(report(0, 2, 5, 4)), 10)).containsExactly(LoadWarning.HIGH);
    }

    @Test
    void burden_above_own_capacity_is_high_even_when_middling() {
        assertThat(NetworkLoadPolicy.assess(List.of(report(0, 2, 2, 3)), 10)).containsExactly(LoadWarning.HIGH);
        assertThat(NetworkLoadPolicy.assess(List.of(report(0, 2, 3, 3)), 10)).isEmpty();
    }

    @Test
    void rising_burden_warns_once_it_is_middling() {
        assertThat(NetworkLoadPolicy.assess(List.of(report(0, 2, 4, 2), report(30, 2, 4, 3)), 10))
                .containsExactly(LoadWarning.RISING);
        assertThat(NetworkLoadPolicy.assess(List.of(report(0, 2, 4, 1), report(30, 2, 4, 2)), 10))
                .as("a rise from light to manageable is no warning").isEmpty();
        assertThat(NetworkLoadPolicy.assess(List.of(report(0, 2, 4, 4), report(30, 2, 4, 3)), 10))
                .as("a falling burden is no warning").isEmpty();
    }

    @Test
    void carrying_most_hours_alone_warns() {
        assertThat(NetworkLoadPolicy.assess(List.of(report(0, 9, 4, 2)), 3)).containsExactly(LoadWarning.ALONE);
        assertThat(NetworkLoadPolicy.assess(List.of(report(0, 9, 4, 2)), 3.1)).as("under 75%").isEmpty();
        assertThat(NetworkLoadPolicy.assess(List.of(report(0, 3, 4, 2)), 0)).as("few hours is not carrying alone").isEmpty();
    }

    @Test
    void only_the_latest_report_counts_for_high() {
        assertThat(NetworkLoadPolicy.assess(List.of(report(0, 2, 4, 5), report(30, 2, 4, 2)), 10)).isEmpty();
    }

    @Test
    void assess_all_weighs_each_carer_against_the_other_informal_carers_and_skips_professionals() {
        MemberProfile ria = member("Ria", Layer.NETWORK, List.of(report(0, 9, 3, 2)));
        MemberProfile daan = member("Daan", Layer.NETWORK, List.of(report(0, 2, 4, 2)));
        MemberProfile homeCare = member("Thuiszorg", Layer.INDIVIDUAL_PROFESSIONAL, List.of(report(0, 40, 1, 5)));
        List<MemberProfile> assessed = NetworkLoadPolicy.assessAll(List.of(ria, daan, homeCare));
        assertThat(assessed.get(0).warnings()).containsExactly(LoadWarning.ALONE);
        assertThat(assessed.get(1).warnings()).isEmpty();
        assertThat(assessed.get(2).warnings()).as("professional help carries no informal load").isEmpty();
    }

    static MemberProfile member(String name, Layer layer, List<LoadReport> loads) {
        return profile(name, layer, Set.of(SupportKind.PRACTICAL), Set.of(), false, loads);
    }

    static MemberProfile profile(String name, Layer layer, Set<SupportKind> received, Set<SupportKind> given,
                                 boolean harmful, List<LoadReport> loads) {
        return new MemberProfile(UUID.randomUUID(), UUID.randomUUID(), name, Relation.FRIEND, layer, received, given,
                false, null, null, 3, harmful, false, null, MemberProfile.EnteredBy.PROFESSIONAL, null, 0,
                new ArrayList<>(loads), List.of());
    }
}
