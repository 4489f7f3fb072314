package org.samenkracht.community;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Example;
import org.samenkracht.network.LoadWarning;
import org.samenkracht.network.MemberProfile;
import org.samenkracht.network.NetworkMember;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The matching rules: never an unscreened or overloaded volunteer, reasons that add up, the network first. */
class VolunteerMatchingPolicyTest {

    static final Set<String> LANGS = Set.of("nederlands", "arabisch", "turks", "engels");
    static final Set<String> AREAS = Set.of("noord", "zuid", "centrum");
    static final Set<String> DAYS = Set.of("MONDAY_MORNING", "TUESDAY_MORNING", "WEDNESDAY_AFTERNOON", "FRIDAY_EVENING");
    static final Set<String> INTERESTS = Set.of("wandelen", "koken", "voetbal", "muziek", "school");

    @Property(tries = 200)
    void never_suggests_an_unscreened_inactive_overloaded_or_earlier_volunteer(@ForAll("candidates") List<VolunteerMatchingPolicy.Candidate> candidates,
                                                                               @ForAll("needs") VolunteerMatchingPolicy.Need need) {
        List<VolunteerMatchingPolicy.Suggestion> ranked = VolunteerMatchingPolicy.rank(need, candidates);
        for (var s : ranked) {
            var c = candidates.stream().filter(x -> x.id().equals(s.volunteerId())).findFirst().orElseThrow();
            assertThat(c.screened()).isTrue();
            assertThat(c.active()).isTrue();
            assertThat(VolunteerMatchingPolicy.overloaded(c, need.hoursPerWeek())).isFalse();
            assertThat(need.excluded()).doesNotContain(c.id());
        }
        // and every volunteer who is none of those is suggested
        long eligible = candidates.stream().filter(c -> c.screened() && c.active() && !need.excluded().contains(c.id())
                && !VolunteerMatchingPolicy.overloaded(c, need.hoursPerWeek())).count();
        assertThat(ranked).hasSize((int) eligible);
    }

    /**
     * Proposing (issue 20: overlapping matches that overload a volunteer warn): an unscreened, inactive or earlier
     * volunteer is refused whatever their load; an overloaded one gives a warning with their own figures and every
     * reason that makes it too much; and a volunteer may be proposed without a warning exactly when they may be suggested.
     */
    @Property(tries = 300)
    void proposing_refuses_the_unscreened_and_warns_with_the_load_figures_of_the_overloaded(
            @ForAll("candidate") VolunteerMatchingPolicy.Candidate c, @ForAll("needs") VolunteerMatchingPolicy.Need need) {
        VolunteerMatchingPolicy.Proposal p = VolunteerMatchingPolicy.proposal(c, need);
        if (!c.screened() || !c.active() || need.excluded().contains(c.id())) {
            assertThat(p).isInstanceOf(VolunteerMatchingPolicy.Proposal.Refused.class);
            if (!c.screened()) {
                assertThat(((VolunteerMatchingPolicy.Proposal.Refused) p).reasonKey()).isEqualTo("community.excluded.notScreened");
            }
        } else if (VolunteerMatchingPolicy.overloaded(c, need.hoursPerWeek())) {
            assertThat(p).isInstanceOfSatisfying(VolunteerMatchingPolicy.Proposal.Overloaded.class, o -> {
                assertThat(o.load().openMatches()).isEqualTo(c.activeMatches());
                assertThat(o.load().maxMatches()).isEqualTo(c.maxMatches());
                assertThat(o.load().hoursWithThis()).isEqualTo(c.committedHours() + need.hoursPerWeek());
                assertThat(o.load().offeredHours()).isEqualTo(c.offeredHours());
                assertThat(o.load().reportedLoad()).isEqualTo(c.reportedLoad());
                assertThat(o.reasonKeys()).isNotEmpty();
                assertThat(o.reasonKeys().contains("community.excluded.enoughMatches")).isEqualTo(c.activeMatches() >= c.maxMatches());
                assertThat(o.reasonKeys().contains("community.excluded.hours"))
                        .isEqualTo(c.committedHours() + need.hoursPerWeek() > c.offeredHours());
                assertThat(o.reasonKeys().contains("community.excluded.heavy"))
                        .isEqualTo(c.reportedLoad() != null && c.reportedLoad() >= VolunteerMatchingPolicy.HEAVY);
            });
        } else {
            assertThat(p).isInstanceOf(VolunteerMatchingPolicy.Proposal.Fine.class);
        }
        assertThat(p instanceof VolunteerMatchingPolicy.Proposal.Fine)
                .isEqualTo(VolunteerMatchingPolicy.eligibility(c, need) instanceof VolunteerMatchingPolicy.Eligibility.Eligible);
    }

    @Example
    void an_unscreened_volunteer_is_refused_before_any_talk_of_load() {
        var c = new VolunteerMatchingPolicy.Candidate(UUID.randomUUID(), "X", false, true, 5, 1, 9, 2, 5, Set.of(), Set.of(),
                Set.of(), Set.of(), Set.of());
        assertThat(VolunteerMatchingPolicy.proposal(c, new VolunteerMatchingPolicy.Need(null, null, null, null, null, 2, null)))
                .isEqualTo(new VolunteerMatchingPolicy.Proposal.Refused("community.excluded.notScreened"));
    }

    @Property(tries = 100)
    void the_score_is_the_sum_of_its_reasons_and_ranking_is_best_first(@ForAll("candidates") List<VolunteerMatchingPolicy.Candidate> candidates,
                                                                       @ForAll("needs") VolunteerMatchingPolicy.Need need) {
        List<VolunteerMatchingPolicy.Suggestion> ranked = VolunteerMatchingPolicy.rank(need, candidates);
        for (int i = 0; i < ranked.size(); i++) {
            var s = ranked.get(i);
            assertThat(s.score()).isEqualTo(s.reasons().stream().mapToDouble(VolunteerMatchingPolicy.Reason::points).sum());
            if (i > 0) {
                assertThat(s.score()).isLessThanOrEqualTo(ranked.get(i - 1).score());
            }
        }
    }

    @Property(tries = 100)
    void speaking_the_persons_language_never_ranks_lower(@ForAll("candidate") VolunteerMatchingPolicy.Candidate c,
                                                        @ForAll("needs") VolunteerMatchingPolicy.Need need) {
        var withLanguage = new VolunteerMatchingPolicy.Candidate(c.id(), c.name(), c.screened(), c.active(), c.activeMatches(),
                c.maxMatches(), c.committedHours(), c.offeredHours(), c.reportedLoad(),
                union(c.languages(), need.languages()), c.areas(), c.availability(), c.interests(), c.kindsOfWork());
        assertThat(VolunteerMatchingPolicy.score(withLanguage, need).score())
                .isGreaterThanOrEqualTo(VolunteerMatchingPolicy.score(c, need).score());
    }

    @Example
    void a_volunteer_who_says_it_is_heavy_gets_no_new_match() {
        var need = new VolunteerMatchingPolicy.Need(Set.of(), Set.of(), Set.of(), Set.of(), null, 2, Set.of());
        var heavy = candidate(true, true, 0, 2, 0, 10, 4);
        assertThat(VolunteerMatchingPolicy.eligibility(heavy, need))
                .isEqualTo(new VolunteerMatchingPolicy.Eligibility.Excluded("community.excluded.heavy"));
        var light = candidate(true, true, 0, 2, 0, 10, 3);
        assertThat(VolunteerMatchingPolicy.eligibility(light, need)).isInstanceOf(VolunteerMatchingPolicy.Eligibility.Eligible.class);
        assertThat(VolunteerMatchingPolicy.eligibility(candidate(true, true, 1, 2, 3, 4, null), need))
                .isEqualTo(new VolunteerMatchingPolicy.Eligibility.Excluded("community.excluded.hours"));
        assertThat(VolunteerMatchingPolicy.eligibility(candidate(false, true, 0, 2, 0, 4, null), need))
                .isEqualTo(new VolunteerMatchingPolicy.Eligibility.Excluded("community.excluded.notScreened"));
    }

    // ---- network first ----

    @Property(tries = 100)
    void volunteers_are_looked_for_only_after_the_network(@ForAll("networks") List<MemberProfile> members) {
        NetworkFirstPolicy.Check check = NetworkFirstPolicy.check(members, NetworkMember.SupportKind.COMPANY);
        boolean someoneCould = members.stream().anyMatch(m -> m.layer() == org.samenkracht.vocabulary.Layer.NETWORK && !m.harmful()
                && !m.doNotBurden() && m.warnings().isEmpty());
        assertThat(check.realGap()).isEqualTo(!someoneCould);
        // without a written reason, a volunteer is only looked for when nobody in the network could do it
        assertThat(NetworkFirstPolicy.mayLookForVolunteers(check, "  ")).isEqualTo(!someoneCould);
        assertThat(NetworkFirstPolicy.mayLookForVolunteers(check, "Ria is gevraagd; ze werkt overdag.")).isTrue();
        // nobody overloaded, harmful or spared is ever offered as someone who could help
        assertThat(check.couldHelp()).allMatch(o -> members.stream().filter(m -> m.id().equals(o.memberId()))
                .allMatch(m -> m.warnings().isEmpty() && !m.harmful() && !m.doNotBurden()));
    }

    @Provide
    Arbitrary<List<MemberProfile>> networks() {
        Arbitrary<MemberProfile> member = Combinators.combine(
                Arbitraries.of(org.samenkracht.vocabulary.Layer.forNetworkMembers()), Arbitraries.of(true, false), Arbitraries.of(true, false),
                Arbitraries.subsetOf(LoadWarning.values()), Arbitraries.subsetOf(NetworkMember.SupportKind.values()))
                .as((layer, harmful, spare, warnings, kinds) -> new MemberProfile(UUID.randomUUID(), UUID.randomUUID(), "Lid",
                        NetworkMember.Relation.FRIEND, layer, kinds, Set.of(), false, null, null, null, harmful, spare, null,
                        MemberProfile.EnteredBy.PERSON, null, 0, List.of(), List.copyOf(warnings)));
        return member.list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<VolunteerMatchingPolicy.Candidate> candidate() {
        return Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.integers().between(0, 4),
                        Arbitraries.integers().between(1, 4), Arbitraries.integers().between(0, 8), Arbitraries.integers().between(1, 10),
                        Arbitraries.integers().between(0, 5))
                .as((screened, active, matches, max, committed, offered, load) -> candidate(screened, active, matches, max,
                        committed, offered, load == 0 ? null : load))
                .flatMap(c -> Combinators.combine(Arbitraries.subsetOf(LANGS), Arbitraries.subsetOf(AREAS), Arbitraries.subsetOf(DAYS),
                        Arbitraries.subsetOf(INTERESTS), Arbitraries.subsetOf(Volunteer.KindOfWork.values()))
                        .as((l, a, d, i, k) -> new VolunteerMatchingPolicy.Candidate(c.id(), c.name(), c.screened(), c.active(),
                                c.activeMatches(), c.maxMatches(), c.committedHours(), c.offeredHours(), c.reportedLoad(), l, a, d, i, k)));
    }

    @Provide
    Arbitrary<List<VolunteerMatchingPolicy.Candidate>> candidates() {
        return candidate().list().ofMaxSize(30);
    }

    @Provide
    Arbitrary<VolunteerMatchingPolicy.Need> needs() {
        return Combinators.combine(Arbitraries.subsetOf(LANGS), Arbitraries.subsetOf(AREAS), Arbitraries.subsetOf(DAYS),
                        Arbitraries.subsetOf(INTERESTS), Arbitraries.of(Volunteer.KindOfWork.values()).injectNull(0.2),
                        Arbitraries.integers().between(1, 4))
                .as((l, a, d, i, k, h) -> new VolunteerMatchingPolicy.Need(l, a, d, i, k, h, Set.of()));
    }

    static VolunteerMatchingPolicy.Candidate candidate(boolean screened, boolean active, int matches, int max, double committed,
                                                       double offered, Integer load) {
        return new VolunteerMatchingPolicy.Candidate(UUID.randomUUID(), "V" + UUID.randomUUID().toString().substring(0, 4),
                screened, active, matches, max, committed, offered, load, Set.of(), Set.of(), Set.of(), Set.of(), Set.of());
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
