package org.samenkracht;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SamenkrachtTest
class ApplicationStartsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void runs_on_postgresql_17_with_the_dutch_text_search_configuration() {
        assertThat(jdbc.sql("show server_version").query(String.class).single()).startsWith("17.");
        assertThat(jdbc.sql("select to_tsvector('dutch', 'huishoudens')::text").query(String.class).single())
                .contains("huishoud");
    }

    @Test
    void health_is_up_without_login() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("UP")));
    }

    @Test
    void the_api_is_described_by_openapi() throws Exception {
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("/api/v1/persons")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Samenkracht API")));
    }

    @Test
    void pages_need_a_login() throws Exception {
        mvc.perform(get("/persons")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/persons")).andExpect(status().isUnauthorized());
    }
}
