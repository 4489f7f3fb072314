package org.samenkracht.socialmap;

import org.samenkracht.vocabulary.Intensity;
import org.samenkracht.vocabulary.Layer;
import org.samenkracht.vocabulary.LifeDomain;
import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.identity.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.samenkracht.common.demo.DemoIds.PASSWORD;
import static org.samenkracht.common.demo.DemoIds.PROFESSIONAL_PIETER;
import static org.samenkracht.common.demo.DemoIds.PROFESSIONAL_SANNE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Search on the demo map of Lindenhoven, on the real PostgreSQL. */
@SamenkrachtTest
class SocialMapSearchTest {

    @Autowired
    SocialMap socialMap;
    @Autowired
    Accounts accounts;
    @Autowired
    MockMvc mvc;

    SearchResult search(SearchQuery q) {
        AtomicReference<SearchResult> result = new AtomicReference<>();
        accounts.runAs(PROFESSIONAL_SANNE, () -> result.set(socialMap.search(q)));
        return result.get();
    }

    static SearchQuery query(String text) {
        return SearchQuery.text(text);
    }

    List<String> names(SearchResult r) {
        return r.hits().stream().map(h -> h.offer().name()).toList();
    }

    @Test
    void finds_dutch_words_whatever_the_accents_and_the_word_form() {
        assertThat(names(search(query("repaircafe")))).contains("Repaircafé");
        assertThat(names(search(query("Repaircafé")))).contains("Repaircafé");
        // "eenzaam" finds offers that speak of "eenzaamheid" (Dutch stemming)
        assertThat(names(search(query("eenzaam")))).contains("Maatjesproject Samen op Stap");
    }

    @Test
    void the_last_word_may_be_unfinished_for_type_ahead() {
        assertThat(names(search(query("opru")))).contains("Samen opruimen");
        assertThat(names(search(query("samen opru")))).contains("Samen opruimen");
    }

    @Test
    void facets_filter_and_count() {
        SearchResult all = search(query(""));
        SearchResult volunteers = search(new SearchQuery(null, null, null, Set.of(Layer.VOLUNTEER), null, null,
                null, null, null, null, null, 100, 0));

        assertThat(volunteers.hits()).isNotEmpty().allMatch(h -> h.offer().layer() == Layer.VOLUNTEER);
        assertThat(all.facets().get("layer").get("VOLUNTEER")).isEqualTo(volunteers.total());
        SearchResult freeArabic = search(new SearchQuery(null, null, null, null, Set.of(SearchQuery.Cost.FREE), null,
                Set.of("ar"), null, null, null, null, 100, 0));
        assertThat(freeArabic.hits()).isNotEmpty().allMatch(h -> h.offer().free() && h.offer().languages().contains("ar"));
        assertThat(freeArabic.facets().get("language").get("ar")).isEqualTo(freeArabic.total());
    }

    @Test
    void distance_from_a_place_limits_and_orders() {
        double[] oosterveld = {51.0550, 4.4600};
        SearchResult near = search(new SearchQuery(null, null, null, null, null, null, null, oosterveld[0], oosterveld[1],
                1.0, null, 100, 0));
        assertThat(names(near)).contains("Buren voor Buren").doesNotContain("Open inloop Buurthuis De Linde");
        assertThat(near.hits()).allMatch(h -> h.distanceKm() != null && h.distanceKm() <= 1.0);
    }

    @Test
    void open_at_a_given_moment() {
        int tuesdayAfternoon = OpeningHours.minuteOfWeek(java.time.DayOfWeek.TUESDAY, java.time.LocalTime.of(14, 0));
        SearchResult open = search(new SearchQuery("papieren", null, null, null, null, null, null, null, null, null,
                tuesdayAfternoon, 100, 0));
        assertThat(names(open)).contains("Geldkompas: samen je papieren");
        int sundayNight = OpeningHours.minuteOfWeek(java.time.DayOfWeek.SUNDAY, java.time.LocalTime.of(23, 0));
        assertThat(names(search(new SearchQuery("papieren", null, null, null, null, null, null, null, null, null,
                sundayNight, 100, 0)))).doesNotContain("Geldkompas: samen je papieren");
    }

    @Test
    void odd_characters_and_injection_attempts_give_a_normal_answer() {
        assertThat(search(query("'; drop table socialmap_offer; --")).total()).isGreaterThanOrEqualTo(0);
        assertThat(search(query("opruimen & | ! :* ()")).hits()).isNotEmpty();
        assertThat(search(query("\u0000\uFFFF 🙂")).total()).isGreaterThanOrEqualTo(0);
        assertThat(search(query("")).total()).isGreaterThanOrEqualTo(40);
    }

    @Test
    void the_map_of_another_organisation_is_not_visible() {
        AtomicReference<SearchResult> other = new AtomicReference<>();
        accounts.runAs(PROFESSIONAL_PIETER, () -> other.set(socialMap.search(query("opruimen"))));
        assertThat(other.get().hits()).isEmpty();
    }

    @Test
    void the_api_searches_and_refuses_a_very_long_query_with_a_clear_message() throws Exception {
        mvc.perform(get("/api/v1/offers").param("q", "wandelen").param("layer", "VOLUNTEER")
                        .with(httpBasic("sanne", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.hits[0].offer.name").value("Wandelen met de Stappers"))
                .andExpect(jsonPath("$.facets.layer.VOLUNTEER").exists());
        mvc.perform(get("/api/v1/offers").param("q", "a".repeat(500)).with(httpBasic("sanne", PASSWORD)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.fields.q").value(containsString("200")));
        mvc.perform(get("/api/v1/offers").param("layer", "NONSENSE").with(httpBasic("sanne", PASSWORD)))
                .andExpect(status().isUnprocessableContent());
    }

    @Test
    void the_page_answers_htmx_with_only_the_results() throws Exception {
        mvc.perform(get("/socialmap").param("q", "opru").header("HX-Request", "true").with(httpBasic("sanne", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Samen opruimen")))
                .andExpect(content().string(not(containsString("<html"))))
                .andExpect(content().string(containsString("hx-swap-oob")));
        mvc.perform(get("/socialmap").param("q", "x".repeat(300)).with(httpBasic("sanne", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("te lang")));
    }

    @Test
    void values_that_do_not_bind_are_ignored_with_a_message_not_an_error_page() throws Exception {
        mvc.perform(get("/socialmap").param("q", "wandelen").param("layer", "BOGUS").param("km", "abc")
                        .with(httpBasic("sanne", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("genegeerd")))
                .andExpect(content().string(containsString("Wandelen met de Stappers")));
        mvc.perform(get("/persons/" + org.samenkracht.common.demo.DemoIds.PERSON_JONAS + "/matching")
                        .param("domain", "BOGUS").param("goal", "not-a-uuid").with(httpBasic("sanne", PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("genegeerd")));
    }
}
