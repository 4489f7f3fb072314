package org.samenkracht.socialmap;

import org.samenkracht.vocabulary.LifeDomain;
import org.samenkracht.vocabulary.Intensity;
import org.samenkracht.vocabulary.Layer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class MatchingPolicyTest {

    static final MatchingPolicy.Request ADULT = new MatchingPolicy.Request(Set.of(LifeDomain.MATERIAL_WELLBEING),
            "opgeruimd huis", Set.of(OfferTerms.TargetGroup.ADULTS), null, Set.of(), Set.of(), Set.of());

    static MatchingPolicy.Facts offer(String name, Layer layer, double km, int waitingWeeks, String cost,
                                      OfferTerms.AccessRoute access) {
        return new MatchingPolicy.Facts(UUID.randomUUID(), name, "p", List.of(LifeDomain.MATERIAL_WELLBEING),
                List.of(OfferTerms.TargetGroup.ADULTS), layer, Intensity.SUPPORT, km, List.of("huis"),
                new BigDecimal(cost), false, access, waitingWeeks, 2, List.of("nl"), List.of(), false);
    }

    @Test
    void volunteer_and_general_come_before_professional_help_all_else_equal() {
        var pro = offer("A pro", Layer.INDIVIDUAL_PROFESSIONAL, 1, 0, "0", OfferTerms.AccessRoute.FREE);
        var general = offer("B general", Layer.GENERAL_COLLECTIVE, 1, 0, "0", OfferTerms.AccessRoute.FREE);
        var volunteer = offer("C volunteer", Layer.VOLUNTEER, 1, 0, "0", OfferTerms.AccessRoute.FREE);

        assertThat(MatchingPolicy.rank(ADULT, List.of(pro, general, volunteer)))
                .extracting(m -> m.offer().name()).containsExactly("C volunteer", "B general", "A pro");
    }

    @Test
    void explains_for_and_against_in_readable_reasons() {
        var m = MatchingPolicy.score(ADULT, offer("x", Layer.INDIVIDUAL_PROFESSIONAL, 12.5, 6, "11.50",
                OfferTerms.AccessRoute.INDICATION));

        assertThat(m.pros()).extracting(MatchingPolicy.Reason::key).contains("domain", "words", "targetGroup", "room");
        assertThat(m.cons()).extracting(MatchingPolicy.Reason::key).contains("waiting", "costs", "far", "indication");
        assertThat(m.cons()).filteredOn(r -> r.key().equals("waiting")).first()
                .satisfies(r -> assertThat(r.args()).containsExactly(6));
    }

    @Test
    void help_the_person_does_not_want_is_left_out() {
        var request = new MatchingPolicy.Request(Set.of(), "huis", Set.of(OfferTerms.TargetGroup.ADULTS), null, Set.of(),
                Set.of(Layer.INDIVIDUAL_PROFESSIONAL), Set.of());
        var pro = offer("pro", Layer.INDIVIDUAL_PROFESSIONAL, 1, 0, "0", OfferTerms.AccessRoute.FREE);
        var vol = offer("vol", Layer.VOLUNTEER, 1, 0, "0", OfferTerms.AccessRoute.FREE);

        assertThat(MatchingPolicy.rank(request, List.of(pro, vol))).extracting(m -> m.offer().name()).containsExactly("vol");
    }

    @Test
    void a_language_the_person_does_not_speak_counts_against() {
        var request = new MatchingPolicy.Request(Set.of(), null, Set.of(OfferTerms.TargetGroup.ADULTS), "ar", Set.of(),
                Set.of(), Set.of());
        var m = MatchingPolicy.score(request, offer("x", Layer.VOLUNTEER, 1, 0, "0", OfferTerms.AccessRoute.FREE));
        assertThat(m.cons()).extracting(MatchingPolicy.Reason::key).contains("otherLanguage");
    }

    @Test
    void closed_on_every_day_the_person_can_counts_against() {
        var request = new MatchingPolicy.Request(Set.of(), null, Set.of(OfferTerms.TargetGroup.ADULTS), null,
                Set.of(java.time.DayOfWeek.SATURDAY), Set.of(), Set.of());
        var weekdays = new MatchingPolicy.Facts(UUID.randomUUID(), "x", "p", List.of(LifeDomain.RIGHTS),
                List.of(OfferTerms.TargetGroup.EVERYONE), Layer.VOLUNTEER, Intensity.SUPPORT, null,
                List.of(), BigDecimal.ZERO, false, OfferTerms.AccessRoute.FREE, 0, null, List.of("nl"),
                OpeningHours.parse("MO-FR 09:00-17:00").orElseThrow(), false);
        assertThat(MatchingPolicy.score(request, weekdays).cons()).extracting(MatchingPolicy.Reason::key)
                .contains("closedWhenAble");
    }

    @Test
    void an_offer_outside_the_goal_does_not_fit() {
        var other = new MatchingPolicy.Facts(UUID.randomUUID(), "x", "p", List.of(LifeDomain.RIGHTS),
                List.of(OfferTerms.TargetGroup.EVERYONE), Layer.VOLUNTEER, Intensity.SUPPORT, 1.0,
                List.of(), BigDecimal.ZERO, false, OfferTerms.AccessRoute.FREE, 0, null, List.of("nl"), List.of(), false);
        assertThat(MatchingPolicy.fits(ADULT, other)).isFalse();
    }

    @Test
    void the_words_reason_names_the_shared_words_and_says_so_when_there_are_none() {
        var shared = MatchingPolicy.score(ADULT, offer("x", Layer.VOLUNTEER, 1, 0, "0", OfferTerms.AccessRoute.FREE));
        assertThat(shared.pros()).filteredOn(r -> r.key().equals("words")).singleElement()
                .satisfies(r -> assertThat(r.args()).containsExactly(List.of("huis")));

        var none = new MatchingPolicy.Facts(UUID.randomUUID(), "jeugdhuis", "p", List.of(LifeDomain.MATERIAL_WELLBEING),
                List.of(OfferTerms.TargetGroup.ADULTS), Layer.GENERAL_COLLECTIVE, Intensity.SUPPORT, 1.0, List.of(),
                BigDecimal.ZERO, false, OfferTerms.AccessRoute.FREE, 0, null, List.of("nl"), List.of(), false);
        var m = MatchingPolicy.score(ADULT, none);
        assertThat(m.pros()).extracting(MatchingPolicy.Reason::key).doesNotContain("words");
        assertThat(m.cons()).extracting(MatchingPolicy.Reason::key).contains("noWords");
    }

    @Test
    void a_professional_offer_says_why_it_ranks_below_a_general_facility() {
        var m = MatchingPolicy.score(ADULT, offer("pro", Layer.INDIVIDUAL_PROFESSIONAL, 1, 0, "0", OfferTerms.AccessRoute.FREE));
        assertThat(m.cons()).extracting(MatchingPolicy.Reason::key).contains("layer.INDIVIDUAL_PROFESSIONAL");
        var g = MatchingPolicy.score(ADULT, offer("gen", Layer.GENERAL_COLLECTIVE, 1, 0, "0", OfferTerms.AccessRoute.FREE));
        assertThat(g.pros()).extracting(MatchingPolicy.Reason::key).contains("layer.GENERAL_COLLECTIVE");
    }

    @Test
    void any_of_the_goals_domains_counts_and_the_reason_names_the_shared_ones() {
        var request = new MatchingPolicy.Request(Set.of(LifeDomain.INTERPERSONAL_RELATIONS, LifeDomain.SOCIAL_INCLUSION), null,
                Set.of(OfferTerms.TargetGroup.ADULTS), null, Set.of(), Set.of(), Set.of());
        var cafe = new MatchingPolicy.Facts(UUID.randomUUID(), "taalcafé", "p",
                List.of(LifeDomain.SOCIAL_INCLUSION, LifeDomain.PERSONAL_DEVELOPMENT), List.of(OfferTerms.TargetGroup.EVERYONE),
                Layer.VOLUNTEER, Intensity.SUPPORT, 1.0, List.of(), BigDecimal.ZERO, false, OfferTerms.AccessRoute.FREE, 0,
                null, List.of("nl"), List.of(), false);
        var m = MatchingPolicy.score(request, cafe);
        assertThat(m.fits()).isTrue();
        assertThat(m.pros()).filteredOn(r -> r.key().equals("domain")).singleElement()
                .satisfies(r -> assertThat(r.args()).containsExactly(List.of("lifeDomain.SOCIAL_INCLUSION")));
    }
}
