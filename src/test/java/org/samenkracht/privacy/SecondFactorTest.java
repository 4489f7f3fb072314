package org.samenkracht.privacy;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.Role;
import org.samenkracht.privacy.internal.Totp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.ORGANISATION;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A professional turns on the second factor; from then on the password alone opens nothing. */
@SamenkrachtTest
class SecondFactorTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;

    @Test
    void after_enrolment_a_password_sign_in_reaches_nothing_until_a_valid_code_is_given_once() throws Exception {
        String username = "totp-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = accounts.create(new Accounts.NewAccount(null, ORGANISATION, username, "wachtwoord-2026", "T", Role.PROFESSIONAL, null));

        jakarta.servlet.http.Cookie session = signIn(username);
        mvc.perform(get("/persons").cookie(session)).andExpect(status().isOk());
        mvc.perform(post("/account/second-factor/start").cookie(session).with(csrf())).andExpect(status().is3xxRedirection());
        byte[] secret = jdbc.sql("select secret from second_factor where account_id = ?").param(id).query(byte[].class).single();
        long now = Totp.step(Instant.now().getEpochSecond());
        mvc.perform(post("/account/second-factor/confirm").cookie(session).with(csrf()).param("code", "000000"))
                .andExpect(status().isOk());
        mvc.perform(post("/account/second-factor/confirm").cookie(session).with(csrf()).param("code", Totp.code(secret, now - 1)))
                .andExpect(redirectedUrl("/account/second-factor?enabled"));

        jakarta.servlet.http.Cookie next = signIn(username);
        mvc.perform(get("/persons").cookie(next)).andExpect(redirectedUrl("/login/second-factor"));
        mvc.perform(post("/login/second-factor").cookie(next).with(csrf()).param("code", Totp.code(secret, now - 1)))
                .andExpect(status().isOk()); // already used once: refused
        mvc.perform(get("/persons").cookie(next)).andExpect(redirectedUrl("/login/second-factor"));
        var passed = mvc.perform(post("/login/second-factor").cookie(next).with(csrf()).param("code", Totp.code(secret, now)))
                .andExpect(redirectedUrl("/")).andReturn();
        var renewed = passed.getResponse().getCookie("SESSION"); // a new session id once the second factor is passed
        assertThat(renewed).isNotNull();
        mvc.perform(get("/persons").cookie(renewed)).andExpect(status().isOk());

        mvc.perform(get("/api/v1/persons").with(httpBasic(username, "wachtwoord-2026"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/persons").with(httpBasic(username, "wachtwoord-2026"))
                .header("X-Samenkracht-Totp", Totp.code(secret, Totp.step(Instant.now().getEpochSecond()))))
                .andExpect(status().isOk());
        assertThat(jdbc.sql("select confirmed_at is not null from second_factor where account_id = ?").param(id)
                .query(Boolean.class).single()).isTrue();
    }

    /** Sessions live in PostgreSQL (Spring Session): the cookie carries them from request to request. */
    private jakarta.servlet.http.Cookie signIn(String username) throws Exception {
        var result = mvc.perform(formLogin().user(username).password("wachtwoord-2026")).andExpect(redirectedUrl("/")).andReturn();
        return result.getResponse().getCookie("SESSION");
    }

    @Autowired
    org.samenkracht.privacy.internal.SecondFactors factors;

    @Test
    void a_used_code_is_refused_and_repeated_wrong_codes_lock_the_factor() {
        String username = "totp-lock-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = accounts.create(new Accounts.NewAccount(null, ORGANISATION, username, "wachtwoord-2026", "T", Role.PROFESSIONAL, null));
        byte[] secret = factors.startEnrolment(id).orElseThrow();
        long now = Totp.step(Instant.now().getEpochSecond());
        assertThat(factors.confirm(id, Totp.code(secret, now - 1))).isTrue();
        assertThat(factors.verify(id, Totp.code(secret, now - 1))).as("replay of the confirming code").isFalse();
        assertThat(factors.verify(id, Totp.code(secret, now))).isTrue();
        assertThat(factors.verify(id, Totp.code(secret, now))).as("replay").isFalse();
        for (int i = 0; i < 4; i++) {
            assertThat(factors.verify(id, "000000".equals(Totp.code(secret, now + 1)) ? "111111" : "000000")).isFalse();
        }
        assertThat(factors.locked(id)).as("two replays and four wrong codes lock the factor").isTrue();
        assertThat(factors.verify(id, Totp.code(secret, now + 1))).as("even a right code while locked").isFalse();
        assertThat(factors.verifyForApi(id, Totp.code(secret, now))).isFalse();
    }
}
