package org.samenkracht.signals;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.identity.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.COACH_MARIEKE;
import static org.samenkracht.common.demo.DemoIds.PROFESSIONAL_SANNE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The API twins of the signals pages' last actions (issue 15): the same service, gate and rules as the page. */
@SamenkrachtTest
class SignalApiTwinsTest {

    @Autowired
    Signals signals;
    @Autowired
    SignalSettings settings;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void an_alert_is_marked_seen_through_the_api_only_by_its_own_professional() throws Exception {
        AtomicReference<UUID> signal = new AtomicReference<>();
        accounts.runAs(PROFESSIONAL_SANNE, () -> signal.set(signals.record(new Signals.Recorded(Signals.Channel.PHONE,
                PartnerKind.RESIDENT, null, "", "Meneer A. Alarm", "Teststraat 1", "Valt vaak.", true, "", "")).id()));
        UUID org = jdbc.sql("select organisation_id from signal where id = ?").param(signal.get()).query(UUID.class).single();
        UUID alert = UUID.randomUUID();
        jdbc.sql("insert into signal_alert (id, organisation_id, signal_id, account_id, reason) values (?, ?, ?, ?, 'ACUTE')")
                .params(alert, org, signal.get(), PROFESSIONAL_SANNE).update();
        String path = "/api/v1/signals/alerts/" + alert + "/seen";
        // a signalling partner may not: 403; a colleague may use the route, but this alert is not hers: 404
        mvc.perform(post(path).with(httpBasic("apotheek", "samen2026"))).andExpect(status().isForbidden());
        mvc.perform(post(path).with(httpBasic("marieke", "samen2026"))).andExpect(status().isNotFound());
        assertThat(seen(alert)).isFalse();
        // not an id: as any unknown one
        mvc.perform(post("/api/v1/signals/alerts/geen-id/seen").with(httpBasic("sanne", "samen2026"))).andExpect(status().isNotFound());
        mvc.perform(post(path).with(httpBasic("sanne", "samen2026"))).andExpect(status().isNoContent());
        assertThat(seen(alert)).isTrue();
        accounts.runAs(PROFESSIONAL_SANNE, () -> assertThat(signals.myAlerts()).noneMatch(a -> alert.equals(a.get("id"))));
        // once: seen already is no alert of hers any more
        mvc.perform(post(path).with(httpBasic("sanne", "samen2026"))).andExpect(status().isNotFound());
    }

    private boolean seen(UUID alert) {
        return jdbc.sql("select seen_at is not null from signal_alert where id = ?").param(alert).query(Boolean.class).single();
    }

    @Test
    void the_one_on_duty_is_set_through_the_api_by_a_coach_and_someone_else_is_refused_naming_the_field() throws Exception {
        AtomicReference<UUID> before = new AtomicReference<>();
        accounts.runAs(COACH_MARIEKE, () -> before.set(settings.overview().onDutyAccountId()));
        try {
            String body = "{\"accountId\":\"" + PROFESSIONAL_SANNE + "\"}";
            // a professional who is no coach may not
            mvc.perform(put("/api/v1/signals/settings/on-duty").with(httpBasic("sanne", "samen2026"))
                    .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isForbidden());
            String answer = mvc.perform(put("/api/v1/signals/settings/on-duty").with(httpBasic("marieke", "samen2026"))
                            .contentType(MediaType.APPLICATION_JSON).content(body))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(JsonPath.<String>read(answer, "$.onDutyAccountId")).isEqualTo(PROFESSIONAL_SANNE.toString());
            // the pharmacist is no professional of the organisation: 422 naming the field, nothing changed
            String refused = mvc.perform(put("/api/v1/signals/settings/on-duty").with(httpBasic("marieke", "samen2026"))
                            .header("Accept-Language", "nl").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"accountId\":\"" + SignalsFlowTest.PHARMACIST + "\"}"))
                    .andExpect(status().isUnprocessableContent()).andReturn().getResponse().getContentAsString();
            assertThat(JsonPath.<String>read(refused, "$.fields.accountId")).isNotBlank();
            // not an id: 400 naming the field
            String unreadable = mvc.perform(put("/api/v1/signals/settings/on-duty").with(httpBasic("marieke", "samen2026"))
                            .contentType(MediaType.APPLICATION_JSON).content("{\"accountId\":\"geen-id\"}"))
                    .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
            assertThat(JsonPath.<String>read(unreadable, "$.fields.accountId")).isNotBlank();
            accounts.runAs(COACH_MARIEKE, () -> assertThat(settings.overview().onDutyAccountId()).isEqualTo(PROFESSIONAL_SANNE));
        } finally {
            accounts.runAs(COACH_MARIEKE, () -> settings.setOnDuty(before.get()));
        }
    }

    @Test
    void the_figures_page_names_its_year_as_a_year_and_the_radar_its_weights_in_dutch() throws Exception {
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/signals/figures?year=2026")
                .with(httpBasic("sanne", "samen2026"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // a year is no amount: "2026", never "2.026" (Dutch) or "2,026" (English)
        assertThat(page).contains("Cijfers signaleringsnetwerk 2026").doesNotContain("2.026");
        String radar = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/signals/radar")
                .with(httpBasic("sanne", "samen2026"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // a weight in Dutch: "2,0"
        assertThat(radar).containsPattern("<td>\\d+,\\d</td>").doesNotContainPattern("<td>\\d+\\.\\d</td>");
        String queue = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/signals")
                .with(httpBasic("sanne", "samen2026"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // the demo's late signal says so once, in bold: "1 dag te laat", not "1 dag te laat te laat"
        assertThat(queue).containsPattern("<strong class=\"time-left\">[^<]*te laat</strong>").doesNotContain("<strong>te laat</strong>");
    }
}
