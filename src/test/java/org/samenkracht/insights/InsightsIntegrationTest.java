package org.samenkracht.insights;

import org.samenkracht.common.disclosure.Level;
import org.samenkracht.common.disclosure.Shown;
import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.identity.Accounts;
import org.samenkracht.person.PersonFacts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.samenkracht.common.demo.DemoIds.ORGANISATION;
import static org.samenkracht.common.demo.DemoIds.PERSON_JONAS;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The policy maker's figures on real PostgreSQL, with the demo municipality's volume (Kastanjebuurt has three people). */
@SamenkrachtTest
class InsightsIntegrationTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Insights insights;
    @Autowired
    Accounts accounts;
    @Autowired
    PersonFacts personFacts;
    @Autowired
    JdbcClient jdbc;

    UUID fatima() {
        return jdbc.sql("select id from app_user where username = 'fatima'").query(UUID.class).single();
    }

    Insights.View view(Level level) {
        AtomicReference<Insights.View> v = new AtomicReference<>();
        accounts.runAs(fatima(), () -> v.set(insights.view(Insights.Filter.parse(level.name(), "YEAR", null, java.time.LocalDate.now()))));
        return v.get();
    }

    static Insights.Line line(Insights.View v, Figure f, String code) {
        return v.figures().stream().filter(x -> x.figure() == f).findFirst().orElseThrow()
                .lines().stream().filter(l -> l.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void the_small_neighbourhood_is_held_back_and_so_is_one_beside_it_while_the_large_ones_show() {
        Insights.View v = view(Level.NEIGHBOURHOOD);
        assertThat(v.freshness()).isPresent();
        assertThat(line(v, Figure.PEOPLE, "BU99990102").n().isSuppressed()).as("Kastanjebuurt, 3 people").isTrue();
        assertThat(line(v, Figure.PEOPLE, "BU99990101").n().isSuppressed())
                .as("Lindenhoven-Noord, else Noord minus it gives Kastanjebuurt").isTrue();
        assertThat(line(v, Figure.PEOPLE, "BU99990201").n().isSuppressed()).isFalse();
        assertThat(line(v, Figure.PEOPLE, "BU99990201").n().value() % 5).isZero();
        // a linked table holds back the same areas
        assertThat(line(v, Figure.NETWORK_THREE_OR_MORE, "BU99990102").cells()).allMatch(Shown::isSuppressed);
        Insights.View districts = view(Level.DISTRICT);
        assertThat(line(districts, Figure.PEOPLE, "WK999901").n().isSuppressed()).as("Noord shows: 40 people").isFalse();
    }

    @Test
    void signals_are_a_sensitive_topic_held_back_below_the_sensitive_threshold_of_ten() {
        for (Level level : Level.values()) {
            Insights.View v = view(level);
            assertThat(v.sensitiveThreshold()).isEqualTo(10);
            var signals = v.figures().stream().filter(f -> f.figure() == Figure.SIGNALS).findFirst().orElseThrow();
            for (Insights.Line l : signals.lines()) {
                assertThat(l.cells()).allMatch(c -> c.isSuppressed() || c.value() == 0 || c.value() >= 10);
            }
        }
    }

    @Test
    void quality_of_life_medians_show_only_over_enough_people() {
        Insights.View v = view(Level.MUNICIPALITY);
        var qol = v.figures().stream().filter(f -> f.figure() == Figure.QOL_CHANGE).findFirst().orElseThrow();
        assertThat(qol.categories()).hasSize(8);
        Insights.Line gm = qol.lines().get(0);
        // the demo has only a few people who filled in "How am I doing?" twice: no median may show for them
        long people = jdbc.sql("select count(*) from (select person_id from instrument_response where instrument = 'qol-self'"
                        + " and status = 'COMPLETED' and organisation_id = ? group by person_id having count(*) >= 2) x")
                .param(ORGANISATION).query(Long.class).single();
        if (people < 5) {
            assertThat(gm.cells()).allMatch(Shown::isSuppressed);
        } else {
            assertThat(gm.n().isSuppressed()).isFalse();
        }
    }

    @Test
    void the_api_answers_held_back_cells_as_null_and_a_bad_filter_as_422_naming_the_field() throws Exception {
        mvc.perform(get("/api/v1/insights/figures").param("level", "NEIGHBOURHOOD").param("time", "YEAR")
                        .with(httpBasic("fatima", "samen2026")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.figures[0].lines[?(@.areaCode == 'BU99990102')].n.heldBack").value(true))
                .andExpect(jsonPath("$.figures[0].lines[?(@.areaCode == 'BU99990102')].n.value").value(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.contains(org.hamcrest.Matchers.notNullValue()))));
        mvc.perform(get("/api/v1/insights/figures").param("level", "street").with(httpBasic("fatima", "samen2026")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("level")));
        mvc.perform(get("/api/v1/insights/figures").param("time", "QUARTER").param("period", "2026-13")
                        .with(httpBasic("fatima", "samen2026")))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("period")));
    }

    @Test
    void shares_read_in_the_readers_language_on_the_page_and_as_data_in_the_csv() throws Exception {
        String nl = mvc.perform(get("/insights").with(httpBasic("fatima", "samen2026")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String en = mvc.perform(get("/insights").param("lang", "en").header("Accept-Language", "en").with(httpBasic("fatima", "samen2026")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String csv = mvc.perform(get("/insights/figures.csv").with(httpBasic("fatima", "samen2026")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // the demo has shares with a decimal: "28,6%" for a Dutch reader, "28.6%" in English and in the data file
        assertThat(nl).containsPattern("\\(\\d+,\\d%\\)").doesNotContainPattern("\\(\\d+\\.\\d%\\)");
        assertThat(en).containsPattern("\\(\\d+\\.\\d%\\)");
        assertThat(csv).containsPattern(",\\d+\\.\\d,").doesNotContainPattern(",\\d+,\\d,\\d");
    }

    @Test
    void the_csv_export_holds_back_the_same_cells() throws Exception {
        String csv = mvc.perform(get("/insights/figures.csv").param("level", "NEIGHBOURHOOD").with(httpBasic("fatima", "samen2026")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).contains("PEOPLE,NEIGHBOURHOOD,YEAR").contains("BU99990102,Kastanjebuurt,x,ALL,x");
    }

    @Test
    void the_pdf_export_is_a_whole_pdf_with_the_same_held_back_cells() throws Exception {
        byte[] pdf = mvc.perform(get("/insights/figures.pdf").param("level", "NEIGHBOURHOOD").with(httpBasic("fatima", "samen2026")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("Kastanjebuurt (BU99990102) x");
        }
    }

    @Test
    void the_policy_maker_never_opens_a_person() throws Exception {
        mvc.perform(get("/api/v1/persons/" + PERSON_JONAS).with(httpBasic("fatima", "samen2026"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/persons").with(httpBasic("fatima", "samen2026"))).andExpect(status().isForbidden());
    }

    @Test
    @Transactional
    void a_refresh_writes_one_refresh_row_and_no_audit_row_per_person() {
        long audit = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
        long refreshes = jdbc.sql("select count(*) from insights_refresh").query(Long.class).single();
        accounts.runAs(fatima(), insights::refreshNow);
        assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isEqualTo(audit);
        assertThat(jdbc.sql("select count(*) from insights_refresh").query(Long.class).single()).isEqualTo(refreshes + 1);
        assertThat(insights.countedAt(PERSON_JONAS)).isPresent();
    }

    @Autowired
    org.samenkracht.privacy.PrivacyScene scenes;
    @Autowired
    org.samenkracht.privacy.PersonRights rights;

    long counted(UUID person) {
        return jdbc.sql("select count(*) from insights_counted where person_id = ?").param(person).query(Long.class).single();
    }

    @Test
    void an_erased_person_is_no_longer_counted_nor_told_so_and_a_later_refresh_leaves_them_out() {
        var scene = scenes.create(java.util.Set.of());
        accounts.runAs(fatima(), insights::refreshNow);
        assertThat(counted(scene.person())).isOne();
        assertThat(insights.countedAt(scene.person())).isPresent();
        int before = jdbc.sql("select persons_counted from insights_refresh where organisation_id = ? order by finished_at desc limit 1")
                .param(ORGANISATION).query(Integer.class).single();

        accounts.runAs(scene.as(org.samenkracht.privacy.PrivacyScene.Subject.TEAM_PROFESSIONAL).id(),
                () -> rights.erase(scene.person(), java.time.LocalDate.now().minusYears(20)));
        assertThat(counted(scene.person())).as("erased with the person").isZero();
        assertThat(insights.countedAt(scene.person())).isEmpty();

        accounts.runAs(fatima(), insights::refreshNow);
        assertThat(counted(scene.person())).as("not counted again after the erasure").isZero();
        int after = jdbc.sql("select persons_counted from insights_refresh where organisation_id = ? order by finished_at desc limit 1")
                .param(ORGANISATION).query(Integer.class).single();
        assertThat(after).isEqualTo(before - 1);
    }

    @Test
    void a_module_gives_its_facts_only_for_aggregate_collection() {
        assertThatThrownBy(() -> accounts.runAs(fatima(), () -> personFacts.of(ORGANISATION))).isInstanceOf(AccessRefused.class);
        assertThatThrownBy(() -> personFacts.of(ORGANISATION)).isInstanceOf(RuntimeException.class);
    }

    @Test
    void after_a_refresh_every_view_of_this_year_and_last_is_ready_and_equals_the_same_view_computed_through_the_gate_anew() {
        insights.refresh(ORGANISATION, fatima(), "SCHEDULE", null);
        int y = java.time.LocalDate.now().getYear();
        java.util.List<Insights.Filter> filters = new java.util.ArrayList<>();
        for (Level level : Level.values()) {
            filters.add(new Insights.Filter(level, TimeLevel.YEAR, Integer.toString(y)));
            filters.add(new Insights.Filter(level, TimeLevel.QUARTER, y + "-Q2"));
            filters.add(new Insights.Filter(level, TimeLevel.MONTH, (y - 1) + "-11"));
        }
        java.util.Map<Insights.Filter, Insights.View> ready = new java.util.LinkedHashMap<>();
        long before = insights.computedOnRead.get();
        accounts.runAs(fatima(), () -> filters.forEach(f -> ready.put(f, insights.view(f))));
        assertThat(insights.computedOnRead.get()).as("no reader computes a view after a refresh").isEqualTo(before);
        insights.forgetViews();
        accounts.runAs(fatima(), () -> filters.forEach(f -> {
            Insights.View anew = insights.view(f);
            assertThat(ready.get(f).figures().toString()).as(f.toString()).isEqualTo(anew.figures().toString());
            assertThat(ready.get(f).freshness()).isEqualTo(anew.freshness());
            assertThat(ready.get(f).filter()).isEqualTo(anew.filter());
        }));
        assertThat(insights.computedOnRead.get()).isEqualTo(before + filters.size());
    }
}
