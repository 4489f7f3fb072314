package org.samenkracht.socialmap;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.identity.Accounts;
import org.samenkracht.socialmap.internal.OfferStore;
import org.samenkracht.vocabulary.LifeDomain;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Every reason matching shows is true of the offer and the goal: checked against the offer as stored and the
 * database's own Dutch text search, for many goals (each life domain, with and without words, from several
 * places), so "fits the words of the goal" never appears without a shared word.
 */
@SamenkrachtTest
class MatchingReasonsTest {

    static final List<String> GOALS = List.of("een opgeruimd huis", "Ik wil nieuwe mensen leren kennen.",
            "zelf mijn post en rekeningen bijhouden", "eenzaam, wil praten", "xylofoon");

    @Autowired
    Matching matching;
    @Autowired
    SocialMap socialMap;
    @Autowired
    OfferStore offers;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;
    @Autowired
    MockMvc mvc;

    boolean holds(UUID offer, String word) {
        return jdbc.sql("select search @@ to_tsquery('dutch_unaccent', ?) from socialmap_offer where id = ?")
                .params(word, offer).query(Boolean.class).single();
    }

    @Test
    void every_reason_shown_is_true_of_the_offer_and_the_goal() {
        AtomicReference<Integer> checked = new AtomicReference<>(0);
        accounts.runAs(PROFESSIONAL_SANNE, () -> {
            List<double[]> places = new ArrayList<>();
            places.add(null);
            places.add(offers.place(ORGANISATION, "Lindenhoven-Noord").orElseThrow());
            int n = 0;
            for (String goal : GOALS) {
                for (LifeDomain domain : LifeDomain.values()) {
                    var request = new MatchingPolicy.Request(n % 3 == 0 ? Set.of() : Set.of(domain), n % 4 == 3 ? null : goal,
                            Set.of(OfferTerms.TargetGroup.ADULTS), n % 2 == 0 ? "fr" : null, Set.of(), Set.of(), Set.of());
                    for (MatchingPolicy.Match m : matching.top(ORGANISATION, request, places.get(n % 2))) {
                        checkReasons(request, m, places.get(n % 2) != null);
                        checked.set(checked.get() + 1);
                    }
                    n++;
                }
            }
        });
        assertThat(checked.get()).isGreaterThan(100);
    }

    private void checkReasons(MatchingPolicy.Request request, MatchingPolicy.Match m, boolean fromAPlace) {
        Offer o = socialMap.offer(m.offer().id());
        List<String> goalWords = request.wordList();
        for (MatchingPolicy.Reason r : m.pros()) {
            switch (r.key()) {
                case "words" -> {
                    @SuppressWarnings("unchecked") List<String> words = (List<String>) r.args()[0];
                    assertThat(words).as(o.name()).isNotEmpty().allMatch(goalWords::contains).allMatch(w -> holds(o.id(), w));
                }
                case "domain" -> {
                    @SuppressWarnings("unchecked") List<String> keys = (List<String>) r.args()[0];
                    assertThat(keys).isNotEmpty().allMatch(k -> o.domains().contains(LifeDomain.valueOf(k.substring("lifeDomain.".length())))
                            && request.domains().contains(LifeDomain.valueOf(k.substring("lifeDomain.".length()))));
                }
                case "nearby" -> assertThat(fromAPlace && (double) r.args()[0] <= MatchingPolicy.NEARBY_KM).isTrue();
                case "free" -> assertThat(o.free()).isTrue();
                case "freeAccess" -> assertThat(o.accessRoute()).isEqualTo(OfferTerms.AccessRoute.FREE);
                case "noWaiting" -> assertThat(o.waitingWeeks()).isZero();
                case "room" -> assertThat(o.freeCapacity()).isPositive();
                case "language" -> assertThat(o.languages()).contains(request.language());
                case "targetGroup" -> assertThat(o.targetGroups().contains(OfferTerms.TargetGroup.EVERYONE)
                        || o.targetGroups().stream().anyMatch(request.targetGroups()::contains)).isTrue();
                case "layer.VOLUNTEER", "layer.GENERAL_COLLECTIVE" -> assertThat("layer." + o.layer()).isEqualTo(r.key());
                default -> assertThat(r.key()).as("a reason for without a check").isIn("openWhenAble");
            }
        }
        for (MatchingPolicy.Reason r : m.cons()) {
            switch (r.key()) {
                case "noWords" -> assertThat(goalWords).isNotEmpty().noneMatch(w -> holds(o.id(), w));
                case "otherDomain" -> assertThat(o.domains()).doesNotContainAnyElementsOf(request.domains());
                case "far" -> assertThat(fromAPlace && (double) r.args()[0] > MatchingPolicy.FAR_KM).isTrue();
                case "distance" -> assertThat(fromAPlace && (double) r.args()[0] > MatchingPolicy.NEARBY_KM).isTrue();
                case "costs", "costsReduction" -> {
                    assertThat((BigDecimal) r.args()[0]).isEqualByComparingTo(o.costEur());
                    assertThat(o.reductionPossible()).isEqualTo(r.key().equals("costsReduction"));
                }
                case "referral" -> assertThat(o.accessRoute()).isEqualTo(OfferTerms.AccessRoute.REFERRAL);
                case "indication" -> assertThat(o.accessRoute()).isEqualTo(OfferTerms.AccessRoute.INDICATION);
                case "waiting" -> assertThat(r.args()[0]).isEqualTo(o.waitingWeeks()).isNotEqualTo(0);
                case "full" -> assertThat(o.freeCapacity()).isZero();
                case "otherLanguage" -> assertThat(o.languages()).doesNotContain(request.language());
                case "otherTargetGroup" -> assertThat(o.targetGroups()).doesNotContain(OfferTerms.TargetGroup.EVERYONE)
                        .doesNotContainAnyElementsOf(request.targetGroups());
                case "layer.INDIVIDUAL_PROFESSIONAL" -> assertThat(o.layer()).hasToString("INDIVIDUAL_PROFESSIONAL");
                case "notChecked" -> assertThat(o.stale()).isTrue();
                default -> assertThat(r.key()).as("a reason against without a check").isIn("closedWhenAble");
            }
        }
    }

    @Test
    void the_api_gives_each_reason_as_a_sentence_in_the_readers_language_and_no_bare_score() throws Exception {
        UUID goal = new AtomicReference<UUID>() {{
            accounts.runAs(PROFESSIONAL_SANNE, () -> set(matchingGoal()));
        }}.get();
        mvc.perform(get("/api/v1/persons/{p}/goals/{g}/matches", PERSON_JONAS, goal).header("Accept-Language", "nl")
                        .with(httpBasic("sanne", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.used.domainsFromGoal").value(true))
                .andExpect(jsonPath("$.used.words").value(org.hamcrest.Matchers.hasItems("opgeruimd", "huis")))
                .andExpect(jsonPath("$.used.words").value(org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("een"))))
                .andExpect(jsonPath("$.matches[0].pros[0].text").isString())
                .andExpect(jsonPath("$.matches[0].score").doesNotExist())
                .andExpect(jsonPath("$.matches[?(@.name == 'Samen opruimen')].pros[?(@.key == 'words')].text")
                        .value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("“opgeruimd”"))));
        mvc.perform(get("/api/v1/persons/{p}/goals/{g}/matches", PERSON_JONAS, goal).param("lang", "en")
                        .with(httpBasic("sanne", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.matches[?(@.name == 'Samen opruimen')].pros[?(@.key == 'words')].text")
                        .value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.startsWith("the goal's words come back"))));
    }

    private UUID matchingGoal() {
        return matching.forGoal(PERSON_JONAS, firstGoal(), Matching.Preferences.none()).goal().id();
    }

    @Autowired
    org.samenkracht.plan.Plans plans;

    private UUID firstGoal() {
        return plans.current(PERSON_JONAS).orElseThrow().goals().get(0).id();
    }
}
