package org.samenkracht.identity;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SamenkrachtTest
class LoginTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void passwords_are_stored_hashed() {
        String hash = jdbc.sql("select password_hash from app_user where username = 'sanne'").query(String.class).single();
        assertThat(hash).startsWith("{bcrypt}").doesNotContain("samen2026");
    }

    @Test
    void a_good_login_lands_on_the_caseload() throws Exception {
        mvc.perform(post("/login").with(csrf()).param("username", "sanne").param("password", "samen2026"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void repeated_failed_logins_lock_the_account_for_a_while() throws Exception {
        String username = "throttle-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new Accounts.NewAccount(null, org.samenkracht.common.demo.DemoIds.ORGANISATION, username,
                "een-goed-wachtwoord", "Test", Role.PROFESSIONAL, null));
        for (int i = 0; i < 5; i++) {
            mvc.perform(post("/login").with(csrf()).param("username", username).param("password", "fout"))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(post("/login").with(csrf()).param("username", username).param("password", "een-goed-wachtwoord"))
                .andExpect(redirectedUrl("/login?locked"));
    }

    @Test
    void sessions_are_kept_in_postgresql_and_logout_ends_them() throws Exception {
        Cookie session = mvc.perform(post("/login").with(csrf())
                        .param("username", "marieke").param("password", "samen2026"))
                .andReturn().getResponse().getCookie("SESSION");
        assertThat(session).as("Spring Session's cookie").isNotNull();
        String page = mvc.perform(get("/persons").cookie(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
        assertThat(token.find()).as("the logout form carries the CSRF token").isTrue();
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = 'marieke'")
                .query(Long.class).single()).isPositive();
        mvc.perform(post("/logout").cookie(session).param("_csrf", token.group(1)).accept("text/html")).andExpect(redirectedUrl("/login?logout"));
        mvc.perform(get("/persons").cookie(session)).andExpect(status().is3xxRedirection());
    }

    @Test
    void pages_carry_secure_headers_and_speak_dutch_first_then_english() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("Aanmelden")));
        mvc.perform(get("/login").param("lang", "en"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(containsString("Sign in")));
    }

    @Test
    void a_part_fetched_by_htmx_after_the_session_ended_sends_the_whole_window_to_the_login_page() throws Exception {
        // a redirect would be followed inside htmx's request and the login page put inside the part
        mvc.perform(get("/persons/00000000-0000-0000-0000-000000000001/plan/goals/00000000-0000-0000-0000-000000000002/steps/new")
                        .header("HX-Request", "true"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/login"));
        mvc.perform(get("/persons/00000000-0000-0000-0000-000000000001/plan/goals/00000000-0000-0000-0000-000000000002/steps/new"))
                .andExpect(redirectedUrl("/login"));
    }
}
