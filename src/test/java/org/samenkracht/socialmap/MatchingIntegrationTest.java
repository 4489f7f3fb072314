package org.samenkracht.socialmap;

import org.samenkracht.vocabulary.LifeDomain;
import org.samenkracht.vocabulary.Intensity;
import org.samenkracht.vocabulary.Layer;
import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.identity.Accounts;
import org.samenkracht.plan.PlanCommands;
import org.samenkracht.plan.PlanView;
import org.samenkracht.plan.Plans;
import org.samenkracht.socialmap.internal.OfferStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Matching the goals of the demo persons to the map of Lindenhoven. */
@SamenkrachtTest
class MatchingIntegrationTest {

    @Autowired
    Matching matching;
    @Autowired
    Plans plans;
    @Autowired
    org.samenkracht.exploration.Wishes wishes;
    @Autowired
    Accounts accounts;
    @Autowired
    OfferStore offers;
    @Autowired
    SocialMap socialMap;
    @Autowired
    MockMvc mvc;

    <T> T asSanne(Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        accounts.runAs(PROFESSIONAL_SANNE, () -> result.set(work.get()));
        return result.get();
    }

    UUID jonasGoal() {
        return asSanne(() -> plans.current(PERSON_JONAS).orElseThrow().goals().get(0).id());
    }

    @Test
    void jonas_tidy_home_gets_volunteers_first_with_reasons_and_his_network() {
        Matching.Result r = asSanne(() -> matching.forGoal(PERSON_JONAS, jonasGoal(), Matching.Preferences.none()));

        assertThat(r.nothingFits()).isFalse();
        assertThat(r.network()).extracting(Matching.NetworkHelp::name).anyMatch(n -> n.startsWith("Ria"));
        assertThat(r.matches().get(0).offer().name()).isEqualTo("Samen opruimen");
        assertThat(r.matches().get(0).pros()).extracting(MatchingPolicy.Reason::key).contains("words", "nearby", "free");
        int firstProfessional = indexOf(r.matches(), Layer.INDIVIDUAL_PROFESSIONAL);
        assertThat(r.matches().subList(0, firstProfessional)).isNotEmpty();
        assertThat(r.matches()).extracting(MatchingPolicy.Match::score).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(r.matches()).filteredOn(m -> m.offer().layer() == Layer.INDIVIDUAL_PROFESSIONAL)
                .allMatch(m -> !m.cons().isEmpty());
        Matching.Result household = asSanne(() -> matching.forGoal(PERSON_JONAS, jonasGoal(), new Matching.Preferences(
                Set.of(LifeDomain.MATERIAL_WELLBEING), null, null, null, null, null, null, null)));
        assertThat(household.matches()).hasSize(Matching.TOP)
                .anyMatch(m -> m.offer().waitingWeeks() > 0)
                .allMatch(m -> m.offer().waitingWeeks() == 0
                        || m.cons().stream().anyMatch(c -> c.key().equals("waiting")))
                .allMatch(m -> m.offer().domains().contains(LifeDomain.MATERIAL_WELLBEING) || m.offer().matchesWords());
    }

    @Test
    void preferences_are_respected() {
        Matching.Result noVolunteers = asSanne(() -> matching.forGoal(PERSON_JONAS, jonasGoal(), new Matching.Preferences(
                null, null, null, null, null, Set.of(Layer.VOLUNTEER), Set.of(Intensity.TAKEOVER), null)));
        assertThat(noVolunteers.matches()).isNotEmpty().noneMatch(m -> m.offer().layer() == Layer.VOLUNTEER
                || m.offer().intensity() == Intensity.TAKEOVER);

        Matching.Result english = asSanne(() -> matching.forGoal(PERSON_JONAS, jonasGoal(), new Matching.Preferences(
                null, null, null, "en", null, null, null, null)));
        assertThat(english.matches().get(0).offer().languages()).contains("en");
    }

    @Test
    void the_best_candidates_from_the_database_hold_the_same_top_ten_as_the_policy_over_the_whole_map() {
        MatchingPolicy.Request request = new MatchingPolicy.Request(Set.of(LifeDomain.SOCIAL_INCLUSION), "eenzaam ontmoeten",
                Set.of(OfferTerms.TargetGroup.ELDERLY), "nl", Set.of(java.time.DayOfWeek.MONDAY), Set.of(), Set.of());
        var top = MatchingPolicy.rank(request, offers.candidates(new OfferStore.CandidateQuery(ORGANISATION, request,
                51.062, 4.401, socialMap.staleBefore(), true, Matching.CANDIDATES))).stream().limit(10)
                .map(m -> m.offer().id()).toList();
        var whole = MatchingPolicy.rank(request, offers.candidates(new OfferStore.CandidateQuery(ORGANISATION, request,
                51.062, 4.401, socialMap.staleBefore(), true, 100_000))).stream().limit(10).map(m -> m.offer().id()).toList();
        assertThat(top).isEqualTo(whole);
    }

    @Test
    void when_nothing_fits_it_says_so_and_shows_the_nearest_alternatives() {
        UUID goal = asSanne(() -> {
            plans.start(PERSON_HENK);
            int version = plans.current(PERSON_HENK).orElseThrow().version();
            UUID wish = wishes.add(PERSON_HENK, new org.samenkracht.exploration.Wishes.AddWish("Xylofoon zeppelin quasar", "CONVERSATION"));
            return plans.addGoal(PERSON_HENK, new PlanCommands.AddGoal(wish, "Xylofoon zeppelin quasar", null,
                    "Xylofoon zeppelin quasar", "SHORT", null, java.util.List.of(), version));
        });
        Matching.Result r = asSanne(() -> matching.forGoal(PERSON_HENK, goal, Matching.Preferences.none()));
        assertThat(r.nothingFits()).isTrue();
        assertThat(r.alternatives()).isNotEmpty();
    }

    @Test
    void an_offer_goes_into_the_plan_with_one_call_and_others_cannot_match_for_jonas() throws Exception {
        UUID goal = jonasGoal();
        UUID offer = asSanne(() -> matching.forGoal(PERSON_JONAS, goal, Matching.Preferences.none()).matches().get(0).offer().id());
        int version = asSanne(() -> plans.current(PERSON_JONAS).orElseThrow().version());

        mvc.perform(post("/api/v1/persons/" + PERSON_JONAS + "/goals/" + goal + "/steps").contentType("application/json")
                        .content("{\"offerId\":\"" + offer + "\",\"version\":" + version + "}").with(httpBasic("sanne", PASSWORD)))
                .andExpect(status().isCreated());
        PlanView plan = asSanne(() -> plans.current(PERSON_JONAS).orElseThrow());
        assertThat(plan.goals().get(0).steps()).anyMatch(s -> s.description().startsWith("Samen opruimen")
                && s.taker().equals("GENERAL_FACILITY"));

        mvc.perform(post("/api/v1/persons/" + PERSON_JONAS + "/goals/" + goal + "/steps").contentType("application/json")
                        .content("{\"offerId\":\"" + offer + "\",\"version\":" + version + "}").with(httpBasic("sanne", PASSWORD)))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/persons/" + PERSON_JONAS + "/goals/" + goal + "/matches").with(httpBasic("pieter", PASSWORD)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/persons/" + PERSON_JONAS + "/goals/" + goal + "/matches").param("refuseLayer", "VOLUNTEER")
                        .with(httpBasic("sanne", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.matches[0].layer.code").value(org.hamcrest.Matchers.not("VOLUNTEER")));
    }

    @Test
    void professionals_report_a_wrong_fiche_and_the_administrator_sees_it_with_the_unchecked_ones() throws Exception {
        UUID offer = asSanne(() -> socialMap.search(SearchQuery.text("Boodschappendienst")).hits().get(0).offer().id());
        mvc.perform(post("/api/v1/offers/" + offer + "/reports").contentType("application/json")
                        .content("{\"reason\":\"Telefoonnummer klopt niet meer\"}").with(httpBasic("sanne", PASSWORD)))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/v1/offers/" + offer + "/reports").contentType("application/json")
                        .content("{\"reason\":\"\"}").with(httpBasic("sanne", PASSWORD)))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.fields.reason").exists());
        mvc.perform(get("/api/v1/offers/attention").with(httpBasic("ahmed", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reports[*].reason").value(org.hamcrest.Matchers.hasItem("Telefoonnummer klopt niet meer")))
                .andExpect(jsonPath("$.stale[*].name").value(org.hamcrest.Matchers.hasItem("Boodschappendienst")));
        mvc.perform(get("/api/v1/offers/attention").with(httpBasic("sanne", PASSWORD))).andExpect(status().isForbidden());
    }

    @Test
    void a_provider_updates_its_own_fiche_through_the_invitation_link() throws Exception {
        UUID offer = asSanne(() -> socialMap.search(SearchQuery.text("Speelotheek")).hits().get(0).offer().id());
        String path = com.jayway.jsonpath.JsonPath.read(mvc.perform(post("/api/v1/offers/" + offer + "/invitations")
                .with(httpBasic("ahmed", PASSWORD))).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString(), "$.path");
        String token = path.substring(path.lastIndexOf('/') + 1);

        Offer before = socialMap.fiche(token);
        var fields = org.samenkracht.socialmap.OfferRow.fieldsOf(OfferRow.valuesOf(before.data()));
        fields.put("waiting_weeks", "3");
        socialMap.updateFiche(token, before.version(), fields);

        Offer after = socialMap.fiche(token);
        assertThat(after.waitingWeeks()).isEqualTo(3);
        assertThat(after.stale()).isFalse();
        assertThat(after.lastChecked()).isEqualTo(java.time.LocalDate.now());
        mvc.perform(get(path)).andExpect(status().isOk());
        mvc.perform(get("/socialmap/fiche/" + "A".repeat(43))).andExpect(status().isNotFound());
    }

    static int indexOf(List<MatchingPolicy.Match> matches, Layer layer) {
        for (int i = 0; i < matches.size(); i++) {
            if (matches.get(i).offer().layer() == layer) {
                return i;
            }
        }
        return matches.size();
    }
}
