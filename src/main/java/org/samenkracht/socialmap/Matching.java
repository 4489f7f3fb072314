package org.samenkracht.socialmap;

import org.samenkracht.common.web.NotFound;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.network.Network;
import org.samenkracht.network.NetworkMember;
import org.samenkracht.person.PersonView;
import org.samenkracht.person.Persons;
import org.samenkracht.plan.Intensity;
import org.samenkracht.plan.PlanCommands;
import org.samenkracht.plan.PlanView;
import org.samenkracht.plan.Plans;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.samenkracht.socialmap.internal.OfferStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Matching a goal of a person to the social map, from the inside out: first what the person's own
 * network can do, then the offers ranked by {@link MatchingPolicy} with their reasons for and
 * against; when nothing fits, it says so and shows the nearest alternatives. Reads the person, the
 * plan and the network through their modules, so every read passes {@code PersonAccess}.
 */
@Service
public class Matching {

    public static final int TOP = 10;
    static final int CANDIDATES = 50;

    /** What the person prefers for this goal. Empty sets: no preference. */
    public record Preferences(OfferTerms.LifeDomain domain, Set<OfferTerms.TargetGroup> targetGroups, String language,
                              Set<DayOfWeek> availableDays, Set<OfferTerms.Layer> refusedLayers,
                              Set<OfferTerms.Intensity> refusedIntensities, String place) {
        public Preferences {
            targetGroups = targetGroups == null ? Set.of() : Set.copyOf(targetGroups);
            availableDays = availableDays == null ? Set.of() : Set.copyOf(availableDays);
            refusedLayers = refusedLayers == null ? Set.of() : Set.copyOf(refusedLayers);
            refusedIntensities = refusedIntensities == null ? Set.of() : Set.copyOf(refusedIntensities);
        }

        public static Preferences none() {
            return new Preferences(null, null, null, null, null, null, null);
        }
    }

    /** Someone in the network and the kinds of support they give: asked before any offer. */
    public record NetworkHelp(String name, NetworkMember.Relation relation, NetworkMember.Layer layer,
                              Set<NetworkMember.SupportKind> supportKinds) {
    }

    public record Result(UUID personId, String personName, PlanView.Goal goal, int planVersion,
                         MatchingPolicy.Request request, String place, boolean placeKnown,
                         List<NetworkHelp> network, List<MatchingPolicy.Match> matches,
                         List<MatchingPolicy.Match> alternatives) {
        public boolean nothingFits() {
            return matches.isEmpty();
        }
    }

    private final Persons persons;
    private final Plans plans;
    private final Network network;
    private final OfferStore offers;
    private final SocialMap socialMap;
    private final Clock clock;
    private final double radiusKm;
    private final PersonAccess access;

    Matching(Persons persons, Plans plans, Network network, OfferStore offers, SocialMap socialMap, Optional<Clock> clock,
             @org.springframework.beans.factory.annotation.Value("${samenkracht.socialmap.matching-radius-km:15}") double radiusKm,
             PersonAccess access) {
        this.radiusKm = radiusKm;
        this.access = access;
        this.persons = persons;
        this.plans = plans;
        this.network = network;
        this.offers = offers;
        this.socialMap = socialMap;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    @Transactional
    public Result forGoal(UUID personId, UUID goalId, Preferences prefs) {
        PersonView person = persons.get(personId);
        PlanView plan = plans.current(personId).orElseThrow(() -> new NotFound("plan"));
        PlanView.Goal goal = plan.goals().stream().filter(g -> g.id().equals(goalId)).findFirst()
                .orElseThrow(() -> new NotFound("goal"));
        List<NetworkHelp> helpers = network.members(personId).stream()
                .map(m -> new NetworkHelp(m.name(), m.relation(), m.layer(), m.supportKinds())).toList();
        String place = prefs.place() != null && !prefs.place().isBlank() ? prefs.place() : person.neighbourhood();
        Optional<double[]> at = offers.place(person.organisationId(), place);
        Set<OfferTerms.TargetGroup> groups = prefs.targetGroups().isEmpty() ? ageGroups(person) : prefs.targetGroups();
        MatchingPolicy.Request request = new MatchingPolicy.Request(prefs.domain(), goal.ownWords(), groups,
                prefs.language(), prefs.availableDays(), prefs.refusedLayers(), prefs.refusedIntensities());
        List<MatchingPolicy.Match> matches = rank(person.organisationId(), request, at, true, TOP);
        List<MatchingPolicy.Match> alternatives = matches.isEmpty()
                ? rank(person.organisationId(), request, at, false, 5) : List.of();
        return new Result(personId, person.fullName(), goal, plan.version(), request, place, at.isPresent(), helpers,
                matches, alternatives);
    }

    /**
     * Nearby first: the offers with a location within the matching radius of the person's place are
     * ranked; only when fewer than {@code top} fit there does the search widen to the whole map.
     */
    private List<MatchingPolicy.Match> rank(UUID organisationId, MatchingPolicy.Request request, Optional<double[]> at,
                                            boolean fitOnly, int top) {
        List<MatchingPolicy.Match> nearby = List.of();
        if (at.isPresent()) {
            nearby = rank(organisationId, request, at, fitOnly, top, radiusKm);
            if (nearby.size() >= top) {
                return nearby;
            }
        }
        return rank(organisationId, request, at, fitOnly, top, null);
    }

    private List<MatchingPolicy.Match> rank(UUID organisationId, MatchingPolicy.Request request, Optional<double[]> at,
                                            boolean fitOnly, int top, Double radius) {
        List<MatchingPolicy.Facts> candidates = offers.candidates(new OfferStore.CandidateQuery(organisationId, request,
                at.map(a -> a[0]).orElse(null), at.map(a -> a[1]).orElse(null), socialMap.staleBefore(), fitOnly,
                CANDIDATES, radius));
        return MatchingPolicy.rank(request, candidates).stream().limit(top).toList();
    }

    /** The ranked top offers for a request from a place, nearby first (also used by the benchmark). */
    public List<MatchingPolicy.Match> top(UUID organisationId, MatchingPolicy.Request request, double[] place) {
        return rank(organisationId, request, Optional.ofNullable(place), true, TOP);
    }

    /** The target groups a person's age places them in, when none were chosen. */
    Set<OfferTerms.TargetGroup> ageGroups(PersonView person) {
        if (person.dateOfBirth() == null) {
            return Set.of(OfferTerms.TargetGroup.ADULTS);
        }
        int age = Period.between(person.dateOfBirth(), LocalDate.now(clock)).getYears();
        return EnumSet.of(age < 18 ? OfferTerms.TargetGroup.CHILDREN_YOUTH
                : age >= 65 ? OfferTerms.TargetGroup.ELDERLY : OfferTerms.TargetGroup.ADULTS);
    }

    /**
     * Puts an offer into the plan as a step of the goal, with one click. A volunteer or general offer
     * is a step of a general facility; an individual professional one is arranged by the professional
     * who adds it (the plan names a colleague for professional steps).
     */
    @Transactional
    public UUID addToPlan(UUID personId, UUID goalId, UUID offerId, int planVersion) {
        if (!access.may(personId, Part.PLAN, AccessKind.WRITE)) {
            access.write(personId, Part.PLAN);  // refused (and logged) before anything about the offer is said
        }
        Offer offer = socialMap.offer(offerId);
        CurrentUser user = CurrentUser.get();
        boolean professional = offer.layer() == OfferTerms.Layer.INDIVIDUAL_PROFESSIONAL && user.role().supportsPeople();
        String contact = offer.contactPhone() != null ? offer.contactPhone()
                : offer.contactEmail() != null ? offer.contactEmail() : null;
        String description = offer.name() + " — " + offer.providerName() + (contact == null ? "" : " (" + contact + ")");
        Intensity intensity = switch (offer.intensity()) {
            case SUPPORT -> Intensity.STEUN;
            case CARE -> Intensity.ZORG;
            case TAKEOVER -> Intensity.OVERNAME;
        };
        return plans.addStep(personId, new PlanCommands.AddStep(goalId, description,
                professional ? "PROFESSIONAL" : "GENERAL_FACILITY", null, professional ? user.id() : null,
                professional ? null : offer.providerName(), intensity, null, null, planVersion));
    }
}
