package org.samenkracht.socialmap;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.identity.Accounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.PROFESSIONAL_SANNE;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The API twin of the attention page's "resolved" (issue 15): the administrator's, through the same service and rules. */
@SamenkrachtTest
class ReportResolvedApiTest {

    @Autowired
    SocialMap socialMap;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    @Test
    void an_administrator_resolves_a_report_through_the_api_and_a_professional_may_not() throws Exception {
        UUID org = jdbc.sql("select organisation_id from app_user where id = ?").param(PROFESSIONAL_SANNE).query(UUID.class).single();
        UUID offer = jdbc.sql("select id from socialmap_offer where organisation_id = ? order by name limit 1").param(org)
                .query(UUID.class).single();
        AtomicReference<UUID> report = new AtomicReference<>();
        accounts.runAs(PROFESSIONAL_SANNE, () -> report.set(socialMap.report(offer, "Het telefoonnummer klopt niet (test)")));
        String path = "/api/v1/offer-reports/" + report.get() + "/resolved";
        mvc.perform(post(path).with(httpBasic("sanne", "samen2026"))).andExpect(status().isForbidden());
        assertThat(resolved(report.get())).isFalse();
        // not an id, or an unknown one: 404 alike
        mvc.perform(post("/api/v1/offer-reports/geen-id/resolved").with(httpBasic("ahmed", "samen2026"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/offer-reports/" + UUID.randomUUID() + "/resolved").with(httpBasic("ahmed", "samen2026")))
                .andExpect(status().isNotFound());
        mvc.perform(post(path).with(httpBasic("ahmed", "samen2026"))).andExpect(status().isNoContent());
        assertThat(resolved(report.get())).isTrue();
        // resolved already: no open report any more
        mvc.perform(post(path).with(httpBasic("ahmed", "samen2026"))).andExpect(status().isNotFound());
    }

    private boolean resolved(UUID report) {
        return jdbc.sql("select resolved_at is not null from socialmap_report where id = ?").param(report).query(Boolean.class).single();
    }
}
