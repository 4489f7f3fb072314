package org.samenkracht.socialmap;

import org.samenkracht.vocabulary.LifeDomain;
import org.samenkracht.vocabulary.Layer;
import org.samenkracht.common.domain.NotFound;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.network.Network;
import org.samenkracht.network.LoadSignal;
import org.samenkracht.network.NetworkMember;
import org.samenkracht.person.PersonView;
import org.samenkracht.person.Persons;
import org.samenkracht.vocabulary.Intensity;
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

    /**
     * What the person prefers for this goal. {@code domains} null: the goal's own domains (an empty set: no
     * domain at all); {@code useWords} null or true: the goal's own words. Empty sets: no preference.
     */
    public record Preferences(Set<LifeDomain> domains, Boolean useWords, Set<OfferTerms.TargetGroup> targetGroups,
                              String language, Set<DayOfWeek> availableDays, Set<Layer> refusedLayers,
                              Set<Intensity> refusedIntensities, String place) {
        public Preferences {
            domains = domains == null ? null : Set.copyOf(domains);
            targetGroups = targetGroups == null ? Set.of() : Set.copyOf(targetGroups);
            availableDays = availableDays == null ? Set.of() : Set.copyOf(availableDays);
            refusedLayers = refusedLayers == null ? Set.of() : Set.copyOf(refusedLayers);
            refusedIntensities = refusedIntensities == null ? Set.of() : Set.copyOf(refusedIntensities);
        }

        public static Preferences none() {
            return new Preferences(null, null, null, null, null, null, null, null);
        }
    }

    /**
     * Someone in the network and the kinds of support they give: asked before any offer, with their load
     * ({@code overloaded}, {@code doNotBurden}: the person asked not to burden them; {@code loadReasonKey} says why).
     */
    public record NetworkHelp(String name, NetworkMember.Relation relation, Layer layer,
                              Set<NetworkMember.SupportKind> supportKinds, boolean overloaded, boolean doNotBurden,
                              String loadReasonKey) {
        public boolean mayAsk() {
            return !overloaded && !doNotBurden;
        }
    }

    /**
     * What the person can do themself for this goal, in their own and the plan's words: the goal's own-strength
     * answer, the goal's own-strength steps, and the answer to "what can you do yourself?" of the four questions.
     */
    public record OwnStrength(String goalAnswer, List<String> ownSteps, String fourQuestionsAnswer) {
        public boolean isEmpty() {
            return goalAnswer == null && ownSteps.isEmpty() && fourQuestionsAnswer == null;
        }
    }

    /**
     * The facts matching used, and where each came from, so the page can say them and the professional can
     * widen or narrow them: the domains (the goal's, or chosen), the goal's words, the place (the person's
     * neighbourhood, or chosen), the target groups (by age, or chosen) and the language.
     */
    public record FactsUsed(List<LifeDomain> domains, boolean domainsFromGoal, List<String> words, String place,
                            boolean placeFromPerson, boolean placeKnown, Set<OfferTerms.TargetGroup> targetGroups,
                            boolean targetGroupsFromAge, String language) {
    }

    /**
     * @param mayAddToPlan whether the reader may put an offer into the plan (the button shows only then)
     * @param readsMap     whether the reader may open the social map and an offer's page (links show only then)
     */
    public record Result(UUID personId, String personName, PlanView.Goal goal, int planVersion,
                         MatchingPolicy.Request request, FactsUsed used, OwnStrength ownStrength,
                         List<NetworkHelp> network, List<MatchingPolicy.Match> matches,
                         List<MatchingPolicy.Match> alternatives, boolean mayAddToPlan, boolean readsMap) {
        public String place() {
            return used.place();
        }

        public boolean placeKnown() {
            return used.placeKnown();
        }

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
                .filter(m -> m.layer() != Layer.INDIVIDUAL_PROFESSIONAL)
                .map(m -> {
                    LoadSignal load = network.loadSignal(personId, m.id());
                    return new NetworkHelp(m.name(), m.relation(), m.layer(), m.supportKinds(), load.overloaded(),
                            load.doNotBurden(), load.reasonKey());
                })
                // who may be asked first; who is overloaded or not to be burdened stays visible, with why
                .sorted(java.util.Comparator.comparing((NetworkHelp h) -> !h.mayAsk()))
                .toList();
        OwnStrength own = new OwnStrength(blankToNull(goal.answers().get(Layer.OWN_STRENGTH)),
                goal.steps().stream().filter(st -> st.layer() == Layer.OWN_STRENGTH).map(PlanView.Step::description).toList(),
                access.may(personId, Part.FOUR_QUESTIONS, AccessKind.READ)
                        ? persons.fourQuestions(personId).map(v -> blankToNull(v.answers().ownStrength())).orElse(null) : null);
        boolean chosenPlace = prefs.place() != null && !prefs.place().isBlank();
        String place = chosenPlace ? prefs.place() : person.neighbourhood();
        Optional<double[]> at = offers.place(person.organisationId(), place);
        Set<OfferTerms.TargetGroup> groups = prefs.targetGroups().isEmpty() ? ageGroups(person) : prefs.targetGroups();
        Set<LifeDomain> domains = prefs.domains() != null ? prefs.domains() : Set.copyOf(goal.domains());
        boolean useWords = prefs.useWords() == null || prefs.useWords();
        MatchingPolicy.Request request = new MatchingPolicy.Request(domains, useWords ? goal.ownWords() : null, groups,
                prefs.language(), prefs.availableDays(), prefs.refusedLayers(), prefs.refusedIntensities());
        List<MatchingPolicy.Match> matches = rank(person.organisationId(), request, at, true, TOP);
        List<MatchingPolicy.Match> alternatives = matches.isEmpty()
                ? rank(person.organisationId(), request, at, false, 5) : List.of();
        FactsUsed used = new FactsUsed(domains.stream().sorted().toList(), prefs.domains() == null,
                offers.meaningfulWords(request.wordList()),
                place, !chosenPlace, at.isPresent(), groups, prefs.targetGroups().isEmpty(), request.language());
        CurrentUser user = CurrentUser.get();
        boolean readsMap = user.role().supportsPeople() || user.is(org.samenkracht.identity.Role.ADMINISTRATOR);
        return new Result(personId, person.fullName(), goal, plan.version(), request, used, own, helpers,
                matches, alternatives, access.may(personId, Part.PLAN, AccessKind.WRITE), readsMap);
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
        if (fitOnly) {
            Optional<List<MatchingPolicy.Match>> fast = rankFast(organisationId, request, at, top, radius);
            if (fast.isPresent()) {
                return fast.get();
            }
        }
        return rankFully(organisationId, request, at, fitOnly, top, radius);
    }

    /** Every fitting offer (in the radius) scored in the database, the best {@link #CANDIDATES} explained. */
    List<MatchingPolicy.Match> rankFully(UUID organisationId, MatchingPolicy.Request request, Optional<double[]> at,
                                         boolean fitOnly, int top, Double radius) {
        List<MatchingPolicy.Facts> candidates = offers.candidates(new OfferStore.CandidateQuery(organisationId, request,
                at.map(a -> a[0]).orElse(null), at.map(a -> a[1]).orElse(null), socialMap.staleBefore(), fitOnly,
                CANDIDATES, radius));
        return MatchingPolicy.rank(request, candidates).stream().limit(top).toList();
    }

    /**
     * The same ranking as {@link #rankFully}, without visiting most offers: each offer's request-independent part
     * of the score is stored per domain and read in index order, with a bound on what the request can still add
     * (see {@link OfferStore#fastCandidates}). Empty (rank them all) for a goal without domains.
     */
    Optional<List<MatchingPolicy.Match>> rankFast(UUID organisationId, MatchingPolicy.Request request,
                                                  Optional<double[]> at, int top, Double radius) {
        if (request.domains().isEmpty()) {
            return Optional.empty();
        }
        List<MatchingPolicy.Facts> candidates = offers.fastCandidates(new OfferStore.CandidateQuery(organisationId,
                request, at.map(a -> a[0]).orElse(null), at.map(a -> a[1]).orElse(null), socialMap.staleBefore(), true,
                CANDIDATES, radius), top);
        return Optional.of(MatchingPolicy.rank(request, candidates).stream().limit(top).toList());
    }

    /** The ranked top offers for a request from a place, nearby first (also used by the benchmark). */
    public List<MatchingPolicy.Match> top(UUID organisationId, MatchingPolicy.Request request, double[] place) {
        return rank(organisationId, request, Optional.ofNullable(place), true, TOP);
    }

    /** The same, by scoring every fitting offer (the benchmark's and the tests' reference). */
    public List<MatchingPolicy.Match> topByFullScan(UUID organisationId, MatchingPolicy.Request request, double[] place) {
        Optional<double[]> at = Optional.ofNullable(place);
        if (at.isPresent()) {
            List<MatchingPolicy.Match> nearby = rankFully(organisationId, request, at, true, TOP, radiusKm);
            if (nearby.size() >= TOP) {
                return nearby;
            }
        }
        return rankFully(organisationId, request, at, true, TOP, null);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
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
        boolean professional = offer.layer() == Layer.INDIVIDUAL_PROFESSIONAL && user.role().supportsPeople();
        String contact = offer.contactPhone() != null ? offer.contactPhone()
                : offer.contactEmail() != null ? offer.contactEmail() : null;
        String description = offer.name() + " — " + offer.providerName() + (contact == null ? "" : " (" + contact + ")");
        Intensity intensity = offer.intensity();
        return plans.addStep(personId, new PlanCommands.AddStep(goalId, description,
                professional ? "PROFESSIONAL" : "GENERAL_FACILITY", null, professional ? user.id() : null,
                professional ? null : offer.providerName(), intensity, null, null, planVersion));
    }
}
