package org.samenkracht.community;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Which volunteers may be suggested for a buddy request, and how well each fits (seed 2.5, 2.7):
 * never a volunteer whose screening is not complete, who is not active, who already has as many
 * matches as they want, whose hours would run over what they offer, who says it is already heavy
 * (4 or 5 of 5), or who was matched to this request before. Among the rest, a shared language,
 * the same neighbourhood, shared day parts and interests, and the kind of work asked for count; every
 * part of the score is a reason a coordinator can read. The score is a sum of independent parts.
 *
 * <p>The same weights are used in SQL ({@code internal.CommunityStore#candidates}) to hand over only
 * the best candidates, which this class checks and explains exactly.
 */
public final class VolunteerMatchingPolicy {

    public static final double SHARED_LANGUAGE = 20;
    public static final double NO_SHARED_LANGUAGE = -15;
    public static final double SAME_AREA = 15;
    public static final double PER_SHARED_DAY_PART = 5;
    public static final int DAY_PARTS_CAP = 3;
    public static final double PER_SHARED_INTEREST = 4;
    public static final int INTERESTS_CAP = 3;
    public static final double KIND_OF_WORK = 10;
    public static final double FIRST_MATCH = 3;
    /** From this self-reported load (of 5) a volunteer gets no new match. */
    public static final int HEAVY = 4;

    private VolunteerMatchingPolicy() {
    }

    /** What the matching rules need of a volunteer. */
    public record Candidate(UUID id, String name, boolean screened, boolean active, int activeMatches, int maxMatches,
                            double committedHours, double offeredHours, Integer reportedLoad, Set<String> languages,
                            Set<String> areas, Set<String> availability, Set<String> interests,
                            Set<Volunteer.KindOfWork> kindsOfWork) {
        public Candidate {
            languages = Set.copyOf(languages);
            areas = Set.copyOf(areas);
            availability = Set.copyOf(availability);
            interests = Set.copyOf(interests);
            kindsOfWork = Set.copyOf(kindsOfWork);
        }
    }

    /** What the home visit found is needed. Empty sets: no preference. */
    public record Need(Set<String> languages, Set<String> areas, Set<String> availability, Set<String> interests,
                       Volunteer.KindOfWork kindOfWork, double hoursPerWeek, Set<UUID> excluded) {
        public Need {
            languages = languages == null ? Set.of() : Set.copyOf(languages);
            areas = areas == null ? Set.of() : Set.copyOf(areas);
            availability = availability == null ? Set.of() : Set.copyOf(availability);
            interests = interests == null ? Set.of() : Set.copyOf(interests);
            excluded = excluded == null ? Set.of() : Set.copyOf(excluded);
        }
    }

    /** Whether a volunteer may be suggested at all. */
    public sealed interface Eligibility {
        record Eligible() implements Eligibility {
        }

        /** {@code reasonKey}: a message key in messages/community*.properties. */
        record Excluded(String reasonKey) implements Eligibility {
        }
    }

    public record Reason(String key, double points, List<String> args) {
    }

    public record Suggestion(UUID volunteerId, String name, double score, List<Reason> reasons) {
    }

    /**
     * A volunteer's load as the coordinator sees it when proposing: open matches against the number they want,
     * weekly hours with this match against the hours they offer, and how heavy they say it is (1-5, or unknown).
     */
    public record Load(int openMatches, int maxMatches, double hoursWithThis, double offeredHours, Integer reportedLoad) {

        public static Load of(Candidate c, double extraHours) {
            return new Load(c.activeMatches(), c.maxMatches(), c.committedHours() + extraHours, c.offeredHours(), c.reportedLoad());
        }

        /** What makes it too much, as message keys (empty: not overloaded). */
        public List<String> over() {
            List<String> keys = new ArrayList<>();
            if (openMatches >= maxMatches) keys.add("community.excluded.enoughMatches");
            if (hoursWithThis > offeredHours) keys.add("community.excluded.hours");
            if (reportedLoad != null && reportedLoad >= HEAVY) keys.add("community.excluded.heavy");
            return List.copyOf(keys);
        }
    }

    /**
     * What proposing this volunteer for this need comes to (issue 20: overlapping matches that overload a volunteer
     * warn): refused when the screening is not complete, the volunteer is not active or was matched to this request
     * before; a warning with the load figures when it would overload them, which the coordinator may confirm; else fine.
     * Suggestions never contain a refused or an overloaded volunteer ({@link #eligibility}).
     */
    public sealed interface Proposal {
        record Fine() implements Proposal {
        }

        record Refused(String reasonKey) implements Proposal {
        }

        record Overloaded(Load load, List<String> reasonKeys) implements Proposal {
        }
    }

    public static Proposal proposal(Candidate c, Need need) {
        if (!c.screened()) return new Proposal.Refused("community.excluded.notScreened");
        if (!c.active()) return new Proposal.Refused("community.excluded.notActive");
        if (need.excluded().contains(c.id())) return new Proposal.Refused("community.excluded.matchedBefore");
        Load load = Load.of(c, need.hoursPerWeek());
        return load.over().isEmpty() ? new Proposal.Fine() : new Proposal.Overloaded(load, load.over());
    }

    public static boolean overloaded(Candidate c, double extraHours) {
        return c.activeMatches() >= c.maxMatches()
                || c.committedHours() + extraHours > c.offeredHours()
                || (c.reportedLoad() != null && c.reportedLoad() >= HEAVY);
    }

    public static Eligibility eligibility(Candidate c, Need need) {
        if (!c.screened()) return new Eligibility.Excluded("community.excluded.notScreened");
        if (!c.active()) return new Eligibility.Excluded("community.excluded.notActive");
        if (need.excluded().contains(c.id())) return new Eligibility.Excluded("community.excluded.matchedBefore");
        if (c.activeMatches() >= c.maxMatches()) return new Eligibility.Excluded("community.excluded.enoughMatches");
        if (c.committedHours() + need.hoursPerWeek() > c.offeredHours()) return new Eligibility.Excluded("community.excluded.hours");
        if (c.reportedLoad() != null && c.reportedLoad() >= HEAVY) return new Eligibility.Excluded("community.excluded.heavy");
        return new Eligibility.Eligible();
    }

    /** The score and its reasons; only meaningful for an eligible volunteer. */
    public static Suggestion score(Candidate c, Need need) {
        List<Reason> reasons = new ArrayList<>();
        if (!need.languages().isEmpty()) {
            List<String> shared = shared(need.languages(), c.languages());
            reasons.add(shared.isEmpty() ? new Reason("community.reason.noSharedLanguage", NO_SHARED_LANGUAGE, List.of())
                    : new Reason("community.reason.sharedLanguage", SHARED_LANGUAGE, shared));
        }
        List<String> areas = shared(need.areas(), c.areas());
        if (!areas.isEmpty()) {
            reasons.add(new Reason("community.reason.sameArea", SAME_AREA, areas));
        }
        List<String> days = shared(need.availability(), c.availability());
        if (!days.isEmpty()) {
            reasons.add(new Reason("community.reason.dayParts", PER_SHARED_DAY_PART * Math.min(DAY_PARTS_CAP, days.size()), days));
        }
        List<String> interests = shared(need.interests(), c.interests());
        if (!interests.isEmpty()) {
            reasons.add(new Reason("community.reason.interests", PER_SHARED_INTEREST * Math.min(INTERESTS_CAP, interests.size()), interests));
        }
        if (need.kindOfWork() != null && c.kindsOfWork().contains(need.kindOfWork())) {
            reasons.add(new Reason("community.reason.kindOfWork", KIND_OF_WORK, List.of(need.kindOfWork().name())));
        }
        if (c.activeMatches() == 0) {
            reasons.add(new Reason("community.reason.firstMatch", FIRST_MATCH, List.of()));
        }
        double score = reasons.stream().mapToDouble(Reason::points).sum();
        return new Suggestion(c.id(), c.name(), score, List.copyOf(reasons));
    }

    /** The eligible candidates, best first (ties by name, then id, so the order is stable). */
    public static List<Suggestion> rank(Need need, List<Candidate> candidates) {
        return candidates.stream()
                .filter(c -> eligibility(c, need) instanceof Eligibility.Eligible)
                .map(c -> score(c, need))
                .sorted(Comparator.comparingDouble(Suggestion::score).reversed()
                        .thenComparing(Suggestion::name).thenComparing(Suggestion::volunteerId))
                .toList();
    }

    private static List<String> shared(Set<String> wanted, Set<String> offered) {
        Set<String> lower = new HashSet<>();
        offered.forEach(o -> lower.add(o.toLowerCase(java.util.Locale.ROOT)));
        return wanted.stream().filter(w -> lower.contains(w.toLowerCase(java.util.Locale.ROOT))).sorted().toList();
    }
}
