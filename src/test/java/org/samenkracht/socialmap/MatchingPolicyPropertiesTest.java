package org.samenkracht.socialmap;

import org.samenkracht.vocabulary.LifeDomain;
import org.samenkracht.vocabulary.Intensity;
import org.samenkracht.vocabulary.Layer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The inside-out rule and the target-group rule hold for any map and any wishes. */
class MatchingPolicyPropertiesTest {

    static final List<Layer> OFFER_LAYERS_INSIDE_OUT = List.of(Layer.VOLUNTEER, Layer.GENERAL_COLLECTIVE, Layer.INDIVIDUAL_PROFESSIONAL);

    @Property(tries = 300)
    void lowering_the_layer_never_lowers_the_rank(@ForAll("requests") MatchingPolicy.Request request,
                                                  @ForAll("offerLists") List<MatchingPolicy.Facts> others,
                                                  @ForAll("offers") MatchingPolicy.Facts offer,
                                                  @ForAll @IntRange(min = 1, max = 2) int steps) {
        Assume.that(MatchingPolicy.step(offer.layer()) >= steps);
        Layer lower = OFFER_LAYERS_INSIDE_OUT.get(MatchingPolicy.step(offer.layer()) - steps);
        Assume.that(!request.refusedLayers().contains(lower) && !request.refusedLayers().contains(offer.layer()));
        MatchingPolicy.Facts lowered = with(offer, lower, offer.targetGroups());

        int before = rank(request, others, offer);
        int after = rank(request, others, lowered);

        assertThat(after).isLessThanOrEqualTo(before);
    }

    @Property(tries = 300)
    void an_offer_for_another_target_group_never_ranks_above_one_for_this_group(
            @ForAll("requests") MatchingPolicy.Request request,
            @ForAll("offerLists") List<MatchingPolicy.Facts> others,
            @ForAll("offers") MatchingPolicy.Facts offer) {
        Assume.that(!MatchingPolicy.refused(request, offer));
        Set<OfferTerms.TargetGroup> outside = EnumSet.complementOf(EnumSet.copyOf(request.targetGroups()));
        outside.remove(OfferTerms.TargetGroup.EVERYONE);
        Assume.that(!outside.isEmpty());
        MatchingPolicy.Facts forThisGroup = with(offer, offer.layer(), List.of(request.targetGroups().iterator().next()));
        MatchingPolicy.Facts forAnother = copy(with(offer, offer.layer(), List.copyOf(outside)), UUID.randomUUID());

        List<MatchingPolicy.Facts> all = new ArrayList<>(others);
        all.add(forAnother);
        all.add(forThisGroup);
        List<UUID> order = MatchingPolicy.rank(request, all).stream().map(m -> m.offer().id()).toList();

        assertThat(order.indexOf(forThisGroup.id())).isLessThan(order.indexOf(forAnother.id()));
    }

    @Property(tries = 200)
    void every_part_of_the_score_is_explained(@ForAll("requests") MatchingPolicy.Request request,
                                              @ForAll("offers") MatchingPolicy.Facts offer) {
        MatchingPolicy.Match m = MatchingPolicy.score(request, offer);
        assertThat(m.pros().size() + m.cons().size()).isGreaterThan(0);
        if (offer.waitingWeeks() > 0) {
            assertThat(m.cons()).anyMatch(r -> r.key().equals("waiting") && r.args()[0].equals(offer.waitingWeeks()));
        }
        if (offer.distanceKm() != null && offer.distanceKm() > MatchingPolicy.FAR_KM) {
            assertThat(m.cons()).anyMatch(r -> r.key().equals("far"));
        }
    }

    private static int rank(MatchingPolicy.Request request, List<MatchingPolicy.Facts> others, MatchingPolicy.Facts offer) {
        List<MatchingPolicy.Facts> all = new ArrayList<>(others);
        all.add(offer);
        return MatchingPolicy.rank(request, all).stream().map(m -> m.offer().id()).toList().indexOf(offer.id());
    }

    static MatchingPolicy.Facts with(MatchingPolicy.Facts f, Layer layer, List<OfferTerms.TargetGroup> groups) {
        return new MatchingPolicy.Facts(f.id(), f.name(), f.providerName(), f.domains(), groups, layer, f.intensity(),
                f.distanceKm(), f.matchedWords(), f.costEur(), f.reductionPossible(), f.accessRoute(), f.waitingWeeks(),
                f.freeCapacity(), f.languages(), f.openRanges(), f.stale());
    }

    static MatchingPolicy.Facts copy(MatchingPolicy.Facts f, UUID id) {
        return new MatchingPolicy.Facts(id, f.name(), f.providerName(), f.domains(), f.targetGroups(), f.layer(),
                f.intensity(), f.distanceKm(), f.matchedWords(), f.costEur(), f.reductionPossible(), f.accessRoute(),
                f.waitingWeeks(), f.freeCapacity(), f.languages(), f.openRanges(), f.stale());
    }

    @Provide
    Arbitrary<MatchingPolicy.Request> requests() {
        return Combinators.combine(
                Arbitraries.subsetOf(LifeDomain.values()).ofMaxSize(2),
                Arbitraries.of("huis opruimen", "eenzaam", "").injectNull(0.3),
                Arbitraries.subsetOf(OfferTerms.TargetGroup.values()).ofMinSize(1).ofMaxSize(3)
                        .filter(s -> !s.contains(OfferTerms.TargetGroup.EVERYONE)),
                Arbitraries.of("nl", "fr", "ar").injectNull(0.5),
                Arbitraries.subsetOf(DayOfWeek.values()).ofMaxSize(3),
                Arbitraries.subsetOf(Layer.forOffers()).ofMaxSize(1),
                Arbitraries.subsetOf(Intensity.values()).ofMaxSize(1)
        ).as(MatchingPolicy.Request::new);
    }

    @Provide
    Arbitrary<MatchingPolicy.Facts> offers() {
        Arbitrary<List<LifeDomain>> domains = Arbitraries.subsetOf(LifeDomain.values())
                .ofMinSize(1).ofMaxSize(3).map(List::copyOf);
        Arbitrary<List<OfferTerms.TargetGroup>> groups = Arbitraries.subsetOf(OfferTerms.TargetGroup.values())
                .ofMinSize(1).ofMaxSize(3).map(List::copyOf);
        Arbitrary<Double> km = Arbitraries.doubles().between(0, 30).ofScale(1).injectNull(0.2);
        Arbitrary<BigDecimal> cost = Arbitraries.of(BigDecimal.ZERO, new BigDecimal("2.50"), new BigDecimal("40.00"));
        Arbitrary<List<OpeningHours.Range>> hours = Arbitraries.of("", "MO-FR 09:00-17:00", "SA 10:00-12:00", "WE 14:00-16:00")
                .map(h -> OpeningHours.parse(h).orElseThrow());
        return Combinators.combine(domains, groups, Arbitraries.of(Layer.forOffers()),
                Arbitraries.of(Intensity.class), km, Arbitraries.of(true, false), cost,
                Arbitraries.of(OfferTerms.AccessRoute.class)).flatAs((d, g, layer, intensity, distance, matches, c, access) ->
                Combinators.combine(Arbitraries.integers().between(0, 30), Arbitraries.integers().between(0, 5).injectNull(0.3),
                        Arbitraries.subsetOf("nl", "fr", "ar", "en").ofMinSize(1).map(List::copyOf), hours,
                        Arbitraries.of(true, false), Arbitraries.strings().alpha().ofLength(6), Arbitraries.of(true, false))
                        .as((waiting, capacity, languages, open, stale, name, reduction) -> new MatchingPolicy.Facts(
                                UUID.randomUUID(), name, "p", d, g, layer, intensity, distance, matches ? List.of("huis") : List.<String>of(), c, reduction,
                                access, waiting, capacity, languages, open, stale)));
    }

    @Provide
    Arbitrary<List<MatchingPolicy.Facts>> offerLists() {
        return offers().list().ofMaxSize(12);
    }
}
