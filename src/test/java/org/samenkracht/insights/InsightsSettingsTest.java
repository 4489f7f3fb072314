package org.samenkracht.insights;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.identity.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The administrator's settings of the figures: thresholds and areas, 422 naming the field, 409 on a stale version. */
@SamenkrachtTest
@Transactional
class InsightsSettingsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;
    @Autowired
    Insights insights;

    int version() throws Exception {
        String body = mvc.perform(get("/api/v1/insights/settings").with(httpBasic("ahmed", "samen2026")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return Integer.parseInt(body.replaceAll(".*\"version\":(\\d+).*", "$1"));
    }

    static String areas() {
        return "[{\"neighbourhood\":\"Lindenhoven-Noord\",\"neighbourhoodCode\":\"BU99990101\",\"districtCode\":\"WK999901\","
                + "\"districtName\":\"Noord\",\"municipalityCode\":\"GM9999\",\"municipalityName\":\"Lindenhoven\"},"
                + "{\"neighbourhood\":\"Kastanjebuurt\",\"neighbourhoodCode\":\"BU99990102\",\"districtCode\":\"WK999901\","
                + "\"districtName\":\"Noord\",\"municipalityCode\":\"GM9999\",\"municipalityName\":\"Lindenhoven\"}]";
    }

    @Test
    void the_administrator_sets_thresholds_through_the_api_and_a_stale_version_is_a_conflict() throws Exception {
        int v = version();
        mvc.perform(put("/api/v1/insights/settings").with(httpBasic("ahmed", "samen2026")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"threshold\":7,\"sensitiveThreshold\":9,\"version\":" + v + ",\"areas\":" + areas() + "}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.threshold").value(7)).andExpect(jsonPath("$.sensitiveThreshold").value(9))
                .andExpect(jsonPath("$.version").value(v + 1)).andExpect(jsonPath("$.areas.length()").value(2));
        // the figures follow the new thresholds
        UUID fatima = jdbc.sql("select id from app_user where username = 'fatima'").query(UUID.class).single();
        AtomicReference<Insights.View> view = new AtomicReference<>();
        accounts.runAs(fatima, () -> view.set(insights.view(Insights.Filter.parse("DISTRICT", "YEAR", null, java.time.LocalDate.now()))));
        assertThat(view.get().threshold()).isEqualTo(7);
        assertThat(view.get().sensitiveThreshold()).isEqualTo(9);
        // the same version again: someone else changed it meanwhile
        mvc.perform(put("/api/v1/insights/settings").with(httpBasic("ahmed", "samen2026")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"threshold\":5,\"sensitiveThreshold\":10,\"version\":" + v + ",\"areas\":" + areas() + "}"))
                .andExpect(status().isConflict());
        assertThat(version()).isEqualTo(v + 1);
    }

    @Test
    void a_bad_threshold_or_code_is_422_naming_the_field_in_dutch_and_english() throws Exception {
        int v = version();
        mvc.perform(put("/api/v1/insights/settings").with(httpBasic("ahmed", "samen2026")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"threshold\":2,\"sensitiveThreshold\":10,\"version\":" + v + ",\"areas\":[]}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.fields.threshold").value("Kies een getal van 3 tot en met 10."));
        mvc.perform(put("/api/v1/insights/settings").with(httpBasic("ahmed", "samen2026")).contentType(MediaType.APPLICATION_JSON)
                        .header("Accept-Language", "en")
                        .content("{\"threshold\":6,\"sensitiveThreshold\":11,\"version\":" + v + ",\"areas\":[]}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.fields.sensitiveThreshold").value(containsString("from 6 to 10")));
        mvc.perform(put("/api/v1/insights/settings").with(httpBasic("ahmed", "samen2026")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"threshold\":5,\"sensitiveThreshold\":10,\"version\":" + v + ",\"areas\":"
                                + areas().replace("BU99990102", "XX1") + "}"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.fields['areas[1].neighbourhoodCode']").value(containsString("BU")));
        assertThat(version()).as("nothing changed").isEqualTo(v);
    }

    @Test
    void the_page_refuses_a_bad_threshold_with_what_was_typed_and_keeps_an_area() throws Exception {
        int v = version();
        mvc.perform(post("/insights/settings").with(httpBasic("ahmed", "samen2026")).with(csrf())
                        .param("threshold", "12").param("sensitiveThreshold", "10").param("version", Integer.toString(v)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Drempel: Kies een getal van 3 tot en met 10.")))
                .andExpect(content().string(containsString("value=\"12\"")));
        mvc.perform(post("/insights/settings/areas").with(httpBasic("ahmed", "samen2026")).with(csrf())
                        .param("neighbourhood", "Eikenhof").param("neighbourhoodCode", "BU99990203").param("districtCode", "WK999902")
                        .param("districtName", "Zuid").param("municipalityCode", "GM9999").param("municipalityName", "Lindenhoven")
                        .param("version", Integer.toString(v)))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/insights/settings").with(httpBasic("ahmed", "samen2026")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Eikenhof")));
        // a district under another name is refused, naming the field
        mvc.perform(post("/insights/settings/areas").with(httpBasic("ahmed", "samen2026")).with(csrf())
                        .param("neighbourhood", "Eikenhof-Oost").param("neighbourhoodCode", "BU99990204").param("districtCode", "WK999902")
                        .param("districtName", "Zuidwijk").param("municipalityCode", "GM9999").param("municipalityName", "Lindenhoven")
                        .param("version", Integer.toString(v + 1)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().string(containsString("Wijkcode (WK)")))
                .andExpect(content().string(containsString("value=\"Eikenhof-Oost\"")));
    }

    @Test
    void the_api_twins_add_and_remove_one_area_on_the_version_read() throws Exception {
        int v = version();
        mvc.perform(put("/api/v1/insights/settings/areas").with(httpBasic("ahmed", "samen2026")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"neighbourhood\":\"Eikenhof\",\"neighbourhoodCode\":\"BU99990203\",\"districtCode\":\"WK999902\","
                                + "\"districtName\":\"Noord\",\"municipalityCode\":\"GM9999\",\"municipalityName\":\"Lindenhoven\",\"version\":" + v + "}"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.fields.districtCode").exists());
        mvc.perform(put("/api/v1/insights/settings/areas").with(httpBasic("ahmed", "samen2026")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"neighbourhood\":\"Eikenhof\",\"neighbourhoodCode\":\"BU99990203\",\"districtCode\":\"WK999902\","
                                + "\"districtName\":\"Zuid\",\"municipalityCode\":\"GM9999\",\"municipalityName\":\"Lindenhoven\",\"version\":" + v + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.areas[?(@.neighbourhood == 'Eikenhof')].neighbourhoodCode").value(
                        org.hamcrest.Matchers.contains("BU99990203")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/insights/settings/areas")
                        .with(httpBasic("ahmed", "samen2026")).param("neighbourhood", "Eikenhof").param("version", Integer.toString(v)))
                .andExpect(status().isConflict());
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/insights/settings/areas")
                        .with(httpBasic("ahmed", "samen2026")).param("neighbourhood", "Eikenhof").param("version", Integer.toString(v + 1)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(v + 2))
                .andExpect(content().string(not(containsString("Eikenhof"))));
    }

    @Test
    void the_policy_analyst_reads_the_figures_but_cannot_change_their_protection() throws Exception {
        mvc.perform(get("/insights/settings").with(httpBasic("fatima", "samen2026"))).andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/insights/settings").with(httpBasic("fatima", "samen2026")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"threshold\":3,\"sensitiveThreshold\":3,\"version\":0,\"areas\":[]}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/insights").with(httpBasic("fatima", "samen2026")))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("/insights/settings"))));
        mvc.perform(get("/insights").with(httpBasic("ahmed", "samen2026")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("/insights/settings")));
    }
}
