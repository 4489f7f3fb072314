package org.samenkracht.operations;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SamenkrachtTest
class OperationsEndpointsTest {

    @Autowired
    MockMvc mvc;

    @Test
    void liveness_and_readiness_probes_answer_up_without_details() throws Exception {
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk())
                .andExpect(content().string(containsString("\"UP\"")));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(content().string(containsString("\"UP\"")));
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("components"))));
    }

    @Test
    void prometheus_shows_request_latencies_by_route_template_never_by_id() throws Exception {
        mvc.perform(get("/persons/00000000-0000-4000-8000-000000000201")); // redirected to the login
        mvc.perform(get("/actuator/prometheus").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.httpBasic("ahmed", org.samenkracht.common.demo.DemoIds.PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("http_server_requests_seconds")))
                .andExpect(content().string(containsString("hikaricp_connections")))
                .andExpect(content().string(not(containsString("00000000-0000-4000-8000-000000000201"))));
    }

    @Test
    void the_json_logs_profile_switches_the_console_to_structured_ecs() throws Exception {
        var props = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application-json-logs.properties"));
        assertThat(props.getProperty("logging.structured.format.console")).isEqualTo("ecs");
    }

    @Test
    void metrics_details_are_for_administrators_only() throws Exception {
        mvc.perform(get("/actuator/metrics")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/info")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").header("Authorization", "Bearer not-the-token-at-all"))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.httpBasic("sanne", org.samenkracht.common.demo.DemoIds.PASSWORD)))
                .andExpect(status().isForbidden());
    }
}
