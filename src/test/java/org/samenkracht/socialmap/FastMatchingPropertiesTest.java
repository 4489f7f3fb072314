package org.samenkracht.socialmap;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.identity.Accounts;
import org.samenkracht.socialmap.internal.OfferStore;
import org.samenkracht.vocabulary.Intensity;
import org.samenkracht.vocabulary.Layer;
import org.samenkracht.vocabulary.LifeDomain;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContextManager;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast matching (a stored request-independent score read in index order with a bound on the rest) ranks
 * exactly as scoring every offer does, on generated maps with many ties, several locations per offer or none,
 * stale offers, refused layers and places inside and outside the radius. Runs on the application's database,
 * each try on a map of its own organisation.
 */
class FastMatchingPropertiesTest {

    @SamenkrachtTest
    static class Context {
    }

    private static ApplicationContext context;

    static synchronized ApplicationContext context() {
        if (context == null) {
            try {
                context = new TestContextManager(Context.class).getTestContext().getApplicationContext();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return context;
    }

    static final String[] WORDS = {"koffie", "taal", "wandelen", "huishouden", "opruimen", "buren", "koken", "schulden"};
    static final LifeDomain[] DOMAINS = {LifeDomain.values()[0], LifeDomain.values()[1], LifeDomain.values()[2]};
    static final String[] NAMES = {"Taalcafé", "Buurtrestaurant", "Thuiszorg", "Koffieochtend", "Klusdienst"};

    record Goal(MatchingPolicy.Request request, double[] place) {
    }

    @Property(tries = 40)
    void the_fast_ranking_equals_the_ranking_of_every_offer(@ForAll("maps") List<OfferData> map,
                                                           @ForAll("goals") List<Goal> goals) {
        Matching matching = context().getBean(Matching.class);
        OfferStore store = context().getBean(OfferStore.class);
        UUID org = UUID.randomUUID();
        context().getBean(Accounts.class).ensureOrganisation(org, "Kaart " + org);
        for (OfferData d : map) {
            store.insert(org, d);
        }
        for (Goal g : goals) {
            Optional<double[]> at = Optional.ofNullable(g.place());
            for (Double radius : g.place() == null ? new Double[]{null} : new Double[]{5.0, null}) {
                List<MatchingPolicy.Match> full = matching.rankFully(org, g.request(), at, true, Matching.TOP, radius);
                Optional<List<MatchingPolicy.Match>> fast = matching.rankFast(org, g.request(), at, Matching.TOP, radius);
                Statistics.label("fast path taken").collect(fast.isPresent());
                fast.ifPresent(f -> assertThat(ids(f)).as("fast %s, full %s", describe(f), describe(full))
                        .isEqualTo(ids(full)));
            }
            assertThat(ids(matching.top(org, g.request(), g.place())))
                    .isEqualTo(ids(matching.topByFullScan(org, g.request(), g.place())));
        }
        Statistics.label("fast path taken").coverage(c -> c.check(true).percentage(p -> p >= 10));
    }

    /** The weights stored in the database are the policy's. */
    @Example
    void the_stored_part_of_the_score_is_the_policys() {
        JdbcClient jdbc = context().getBean(JdbcClient.class);
        for (Layer layer : Layer.forOffers()) {
            for (OfferTerms.AccessRoute access : OfferTerms.AccessRoute.values()) {
                for (Intensity intensity : Intensity.values()) {
                    for (int waiting : new int[]{0, 1, 5, 30}) {
                        for (Integer room : new Integer[]{null, 0, 3}) {
                            for (String cost : new String[]{"0", "6.50"}) {
                                for (boolean reduction : new boolean[]{false, true}) {
                                    double stored = jdbc.sql("select socialmap_static_score(?, cast(? as numeric), ?, ?, ?, ?, ?)")
                                            .params(layer.name(), cost, reduction, access.name(), waiting, room, intensity.name())
                                            .query(Double.class).single();
                                    var facts = new MatchingPolicy.Facts(UUID.randomUUID(), "x", "p", List.of(), List.of(),
                                            layer, intensity, null, List.of(), new BigDecimal(cost), reduction, access,
                                            waiting, room, List.of(), List.of(), false);
                                    assertThat(stored).isEqualTo(MatchingPolicy.staticScore(facts));
                                }
                            }
                        }
                    }
                }
            }
        }
        assertThat(MatchingPolicy.MAX_STATIC).isEqualTo(51.0);
    }

    static List<String> ids(List<MatchingPolicy.Match> matches) {
        return matches.stream().map(m -> m.offer().id() + "@" + m.score()).toList();
    }

    static String describe(List<MatchingPolicy.Match> matches) {
        return matches.stream().map(m -> m.offer().name() + " " + m.score()).toList().toString();
    }

    @Provide
    Arbitrary<List<OfferData>> maps() {
        return offer().list().ofMinSize(5).ofMaxSize(120);
    }

    Arbitrary<OfferData> offer() {
        Arbitrary<List<OfferData.Location>> locations = Combinators.combine(
                        Arbitraries.doubles().between(-0.12, 0.12), Arbitraries.doubles().between(-0.18, 0.18))
                .as((a, b) -> new OfferData.Location("Straat 1", 51.05 + a, 4.40 + b)).list().ofMaxSize(2);
        Arbitrary<List<LifeDomain>> domains = Arbitraries.of(DOMAINS).set().ofMinSize(1).ofMaxSize(2)
                .map(s -> s.stream().sorted().toList());
        Arbitrary<List<OfferTerms.TargetGroup>> groups = Arbitraries.of(OfferTerms.TargetGroup.EVERYONE,
                        OfferTerms.TargetGroup.ADULTS, OfferTerms.TargetGroup.ELDERLY, OfferTerms.TargetGroup.NEWCOMERS)
                .set().ofMinSize(1).ofMaxSize(2).map(s -> s.stream().sorted().toList());
        Arbitrary<String> description = Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(3)
                .map(w -> "Wij helpen met " + String.join(" en ", w) + ".");
        Arbitrary<Object[]> terms = Combinators.combine(
                Arbitraries.of(Layer.VOLUNTEER, Layer.VOLUNTEER, Layer.GENERAL_COLLECTIVE, Layer.INDIVIDUAL_PROFESSIONAL),
                Arbitraries.of(Intensity.values()),
                Arbitraries.of(OfferTerms.AccessRoute.FREE, OfferTerms.AccessRoute.FREE, OfferTerms.AccessRoute.REFERRAL,
                        OfferTerms.AccessRoute.INDICATION),
                Arbitraries.of("0", "0", "0", "6.50"), Arbitraries.of(false, true),
                Arbitraries.of(0, 0, 0, 2, 30), Arbitraries.of(5).injectNull(0.3).map(c -> c),
                Arbitraries.of("", "", "MO-FR 09:00-12:00", "SA 10:00-13:00")).as((a, b, c, d, e, f, g, h) ->
                new Object[]{a, b, c, d, e, f, g, h});
        Arbitrary<Object[]> more = Combinators.combine(Arbitraries.of(NAMES), Arbitraries.of(List.of("nl"), List.of("nl", "ar"), List.of("fr")),
                Arbitraries.of(LocalDate.now().minusDays(10), LocalDate.now().minusYears(3)),
                Arbitraries.of(0, 0, 0, 1).map(full -> full == 1)).as((a, b, c, d) -> new Object[]{a, b, c, d});
        return Combinators.combine(locations, domains, groups, description, terms, more).as((loc, dom, grp, desc, t, m) ->
                new OfferData("K-" + UUID.randomUUID(), "Aanbieder", OfferTerms.ProviderKind.ORGANISATION, (String) m[0],
                        desc, "", dom, grp, (Layer) t[0], (Intensity) t[1], loc, List.of(), (String) t[7],
                        (OfferTerms.AccessRoute) t[2], new BigDecimal((String) t[3]), (Boolean) t[4], (List<String>) m[1],
                        List.of(), (Integer) t[5], (Boolean) m[3] ? Integer.valueOf(0) : (Integer) t[6], null, null, null,
                        (LocalDate) m[2]));
    }

    @Provide
    Arbitrary<List<Goal>> goals() {
        Arbitrary<MatchingPolicy.Request> request = Combinators.combine(
                Arbitraries.of(DOMAINS).set().ofMinSize(1).ofMaxSize(2),
                Arbitraries.of(WORDS).list().ofMinSize(1).ofMaxSize(2).map(w -> "ik wil " + String.join(" ", w)).injectNull(0.5),
                Arbitraries.of(OfferTerms.TargetGroup.ADULTS, OfferTerms.TargetGroup.ELDERLY).set().ofMinSize(1),
                Arbitraries.of("nl", "ar").injectNull(0.5),
                Arbitraries.of(DayOfWeek.MONDAY, DayOfWeek.SATURDAY).set().ofMaxSize(1),
                Arbitraries.<Set<Layer>>of(Set.of(), Set.of(), Set.of(Layer.INDIVIDUAL_PROFESSIONAL), Set.of(Layer.VOLUNTEER)),
                Arbitraries.<Set<Intensity>>of(Set.of(), Set.of(), Set.of(Intensity.TAKEOVER)))
                .as(MatchingPolicy.Request::new);
        Arbitrary<double[]> place = Combinators.combine(Arbitraries.doubles().between(-0.1, 0.1),
                        Arbitraries.doubles().between(-0.15, 0.15))
                .as((a, b) -> new double[]{51.05 + a, 4.40 + b}).injectNull(0.25);
        return Combinators.combine(request, place).as(Goal::new).list().ofMinSize(1).ofMaxSize(4);
    }
}
