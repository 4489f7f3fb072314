package org.samenkracht.socialmap;

import org.samenkracht.vocabulary.LifeDomain;
import org.samenkracht.vocabulary.Intensity;
import org.samenkracht.vocabulary.Layer;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * How well an offer fits a goal of a person, from the inside out (R13, rule 3: general before
 * specialist). Every part of the score is a reason a person can read, for or against. The person's
 * own network comes before any offer and is shown apart; among offers the volunteer and general
 * layers earn more than individual professional help, nearby more than far, free more than paid,
 * free access more than a referral. Help the person does not want (a layer or an intensity) is
 * left out entirely. The score is a sum of independent parts, so changing one fact moves only its
 * own part: a lower layer never ranks lower, an offer for this target group never below one for
 * another, all else equal.
 *
 * <p>The same weights are used in SQL to pick the candidates ({@code internal.OfferStore}), so the
 * database hands over the best ones and this class explains them. The request-independent ones
 * ({@link #staticScore}) are also in the migration {@code V120_0__offer_rank.sql} (function
 * {@code socialmap_static_score}), stored per offer for fast matching; a change here needs a migration
 * there ({@code FastMatchingPropertiesTest} compares them).
 */
public final class MatchingPolicy {

    public static final double SERVES_DOMAIN = 30;
    public static final double MATCHES_WORDS = 10;
    public static final double FOR_TARGET_GROUP = 15;
    public static final double OTHER_TARGET_GROUP = -25;
    /** Per offer layer ({@link #step(Layer)}): volunteer, general and collective, individual professional. */
    public static final double[] LAYER = {24, 16, 0};
    public static final double NEARBY_MAX = 12;
    public static final double NEARBY_ZERO_KM = 10;
    public static final double NEARBY_KM = 3;
    public static final double FAR_KM = 8;
    public static final double FREE = 8;
    public static final double REDUCED = 2;
    public static final double PAID = -4;
    public static final double[] ACCESS = {8, 2, -4};
    public static final double NO_WAITING = 4;
    public static final double PER_WAITING_WEEK = -1.5;
    public static final double WAITING_CAP = -20;
    public static final double HAS_ROOM = 4;
    public static final double FULL = -8;
    public static final double OWN_LANGUAGE = 6;
    public static final double OTHER_LANGUAGE = -12;
    public static final double OPEN_WHEN_ABLE = 3;
    public static final double CLOSED_WHEN_ABLE = -10;
    public static final double[] INTENSITY = {3, 1, 0};
    public static final double NOT_CHECKED = -2;

    /**
     * What the person asks for and what they want or do not want: the goal's life domains (any shared one
     * counts) and the goal's own words.
     */
    public record Request(Set<LifeDomain> domains, String words, Set<OfferTerms.TargetGroup> targetGroups,
                          String language, Set<DayOfWeek> availableDays, Set<Layer> refusedLayers,
                          Set<Intensity> refusedIntensities) {
        public Request {
            domains = domains == null ? Set.of() : Set.copyOf(domains);
            targetGroups = Set.copyOf(targetGroups);
            availableDays = Set.copyOf(availableDays);
            refusedLayers = Set.copyOf(refusedLayers);
            refusedIntensities = Set.copyOf(refusedIntensities);
            language = language == null || language.isBlank() ? null : language;
            words = words == null || words.isBlank() ? null : words;
        }

        /** The distinct words of the goal, in order, as the database compares them (letters and digits). */
        public List<String> wordList() {
            return SearchQuery.words(words).stream().distinct().toList();
        }
    }

    /**
     * The facts of one offer that the score weighs; distance and the goal's words found in the offer
     * ({@code matchedWords}, in the goal's order, Dutch stemming) come from the database.
     */
    public record Facts(UUID id, String name, String providerName, List<LifeDomain> domains,
                        List<OfferTerms.TargetGroup> targetGroups, Layer layer,
                        Intensity intensity, Double distanceKm, List<String> matchedWords, BigDecimal costEur,
                        boolean reductionPossible, OfferTerms.AccessRoute accessRoute, int waitingWeeks,
                        Integer freeCapacity, List<String> languages, List<OpeningHours.Range> openRanges,
                        boolean stale) {
        public Facts {
            matchedWords = matchedWords == null ? List.of() : List.copyOf(matchedWords);
        }

        public boolean matchesWords() {
            return !matchedWords.isEmpty();
        }
    }

    /**
     * A reason for or against, as a message key {@code socialmap.reason.<key>} with its arguments; an argument
     * that is a list (shared domains, matched words) is read as a list.
     */
    public record Reason(String key, Object... args) {
    }

    public record Match(Facts offer, double score, boolean fits, List<Reason> pros, List<Reason> cons) {
    }

    private MatchingPolicy() {
    }

    /** Whether the person does not want this kind of help at all. */
    public static boolean refused(Request r, Facts f) {
        return r.refusedLayers().contains(f.layer()) || r.refusedIntensities().contains(f.intensity());
    }

    /** Whether the offer is about the goal at all: one of its domains, or one of the goal's words. */
    public static boolean fits(Request r, Facts f) {
        if (r.domains().isEmpty() && r.words() == null) {
            return true;
        }
        return !sharedDomains(r, f).isEmpty() || (r.words() != null && f.matchesWords());
    }

    /** The goal's domains the offer serves, in the list's order. */
    public static List<LifeDomain> sharedDomains(Request r, Facts f) {
        return f.domains().stream().filter(r.domains()::contains).sorted().toList();
    }

    public static boolean forTargetGroup(Request r, Facts f) {
        return f.targetGroups().contains(OfferTerms.TargetGroup.EVERYONE)
                || f.targetGroups().stream().anyMatch(r.targetGroups()::contains);
    }

    public static Match score(Request r, Facts f) {
        List<Reason> pros = new ArrayList<>();
        List<Reason> cons = new ArrayList<>();
        double s = 0;
        List<LifeDomain> shared = sharedDomains(r, f);
        if (!shared.isEmpty()) {
            s += SERVES_DOMAIN;
            pros.add(new Reason("domain", shared.stream().map(LifeDomain::labelKey).toList()));
        } else if (!r.domains().isEmpty()) {
            cons.add(new Reason("otherDomain"));
        }
        if (r.words() != null) {
            if (f.matchesWords()) {
                s += MATCHES_WORDS;
                pros.add(new Reason("words", f.matchedWords()));
            } else {
                cons.add(new Reason("noWords"));
            }
        }
        if (forTargetGroup(r, f)) {
            s += FOR_TARGET_GROUP;
            pros.add(new Reason("targetGroup"));
        } else {
            s += OTHER_TARGET_GROUP;
            cons.add(new Reason("otherTargetGroup"));
        }
        s += LAYER[step(f.layer())];
        if (f.layer() == Layer.INDIVIDUAL_PROFESSIONAL) {
            cons.add(new Reason("layer." + f.layer().name()));  // why it ranks below a general facility
        } else {
            pros.add(new Reason("layer." + f.layer().name()));
        }
        if (f.distanceKm() != null) {
            double km = f.distanceKm();
            s += nearby(km);
            if (km <= NEARBY_KM) {
                pros.add(new Reason("nearby", km));
            } else if (km > FAR_KM) {
                cons.add(new Reason("far", km));
            } else {
                cons.add(new Reason("distance", km));
            }
        }
        if (f.costEur() == null || f.costEur().signum() == 0) {
            s += FREE;
            pros.add(new Reason("free"));
        } else if (f.reductionPossible()) {
            s += REDUCED;
            cons.add(new Reason("costsReduction", f.costEur()));
        } else {
            s += PAID;
            cons.add(new Reason("costs", f.costEur()));
        }
        s += ACCESS[f.accessRoute().ordinal()];
        switch (f.accessRoute()) {
            case FREE -> pros.add(new Reason("freeAccess"));
            case REFERRAL -> cons.add(new Reason("referral"));
            case INDICATION -> cons.add(new Reason("indication"));
        }
        if (f.waitingWeeks() == 0) {
            s += NO_WAITING;
            pros.add(new Reason("noWaiting"));
        } else {
            s += Math.max(WAITING_CAP, PER_WAITING_WEEK * f.waitingWeeks());
            cons.add(new Reason("waiting", f.waitingWeeks()));
        }
        if (f.freeCapacity() != null) {
            if (f.freeCapacity() > 0) {
                s += HAS_ROOM;
                pros.add(new Reason("room"));
            } else {
                s += FULL;
                cons.add(new Reason("full"));
            }
        }
        if (r.language() != null) {
            if (f.languages().contains(r.language())) {
                s += OWN_LANGUAGE;
                pros.add(new Reason("language", "socialmap.language." + r.language()));
            } else {
                s += OTHER_LANGUAGE;
                cons.add(new Reason("otherLanguage", "socialmap.language." + r.language()));
            }
        }
        if (!r.availableDays().isEmpty() && !f.openRanges().isEmpty()) {
            if (OpeningHours.openOnAnyOf(f.openRanges(), r.availableDays())) {
                s += OPEN_WHEN_ABLE;
                pros.add(new Reason("openWhenAble"));
            } else {
                s += CLOSED_WHEN_ABLE;
                cons.add(new Reason("closedWhenAble"));
            }
        }
        s += INTENSITY[f.intensity().ordinal()];
        if (f.stale()) {
            s += NOT_CHECKED;
            cons.add(new Reason("notChecked"));
        }
        return new Match(f, Math.round(s * 1000) / 1000.0, fits(r, f), List.copyOf(pros), List.copyOf(cons));
    }

    /**
     * The part of the score that depends on the offer alone: layer, cost, access, waiting, room and intensity. The
     * database keeps it per offer ({@code socialmap_static_score}, {@code socialmap_offer_rank}) so matching can read
     * offers best first.
     */
    public static double staticScore(Facts f) {
        double s = LAYER[step(f.layer())];
        s += f.costEur() == null || f.costEur().signum() == 0 ? FREE : f.reductionPossible() ? REDUCED : PAID;
        s += ACCESS[f.accessRoute().ordinal()];
        s += f.waitingWeeks() == 0 ? NO_WAITING : Math.max(WAITING_CAP, PER_WAITING_WEEK * f.waitingWeeks());
        s += f.freeCapacity() == null ? 0 : f.freeCapacity() > 0 ? HAS_ROOM : FULL;
        return s + INTENSITY[f.intensity().ordinal()];
    }

    /** The highest {@link #staticScore} any offer can have. */
    public static final double MAX_STATIC = LAYER[0] + FREE + ACCESS[0] + NO_WAITING + HAS_ROOM + INTENSITY[0];

    /**
     * The most the request-dependent parts other than the domain, the target group and the distance can add for
     * this request: the goal's words, the language, the days the person is able. Not being checked only subtracts.
     */
    public static double restMax(Request r) {
        return (r.words() != null ? MATCHES_WORDS : 0) + (r.language() != null ? OWN_LANGUAGE : 0)
                + (r.availableDays().isEmpty() ? 0 : OPEN_WHEN_ABLE);
    }

    /**
     * The step of an offer's layer from the person outwards: 0 volunteer, 1 general and collective, 2 individual
     * professional (indexes {@link #LAYER}); own strength and network are never offers.
     */
    public static int step(Layer layer) {
        return switch (layer) {
            case VOLUNTEER -> 0;
            case GENERAL_COLLECTIVE -> 1;
            case INDIVIDUAL_PROFESSIONAL -> 2;
            case OWN_STRENGTH, NETWORK -> throw new IllegalArgumentException("not an offer layer: " + layer);
        };
    }

    static double nearby(double km) {
        return Math.max(0, NEARBY_MAX * (1 - km / NEARBY_ZERO_KM));
    }

    /**
     * Highest score first; on a tie the lower layer, then the name and the id (in the same order as the
     * database sorts them, so SQL and this policy agree). Refused help is left out.
     */
    public static final Comparator<Match> ORDER = Comparator.comparingDouble(Match::score).reversed()
            .thenComparingInt(m -> step(m.offer().layer()))
            .thenComparing(m -> m.offer().name())
            .thenComparing(m -> m.offer().id().toString());

    public static List<Match> rank(Request r, List<Facts> offers) {
        return offers.stream().filter(f -> !refused(r, f)).map(f -> score(r, f)).sorted(ORDER).toList();
    }
}
