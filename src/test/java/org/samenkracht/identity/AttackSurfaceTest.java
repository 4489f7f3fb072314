package org.samenkracht.identity;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.common.demo.DemoIds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** What the probe of issue 14 tried: sign-in guessing, CSRF with a stray header, a forged Host, HTTPS headers. */
@SamenkrachtTest
class AttackSurfaceTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;

    static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    static String someAddress() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "10." + r.nextInt(256) + "." + r.nextInt(256) + "." + (1 + r.nextInt(250));
    }

    String newAccount() {
        String username = "throttle-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.create(new Accounts.NewAccount(null, DemoIds.ORGANISATION, username, "een-goed-wachtwoord", "Test",
                Role.PROFESSIONAL, null));
        return username;
    }

    @Test
    void delays_grow_after_the_free_failures_up_to_a_ceiling() {
        assertThat(Throttle.Kind.ACCOUNT_AT_ADDRESS.delayAfter(4)).isEqualTo(Duration.ZERO);
        assertThat(Throttle.Kind.ACCOUNT_AT_ADDRESS.delayAfter(5)).isEqualTo(Duration.ofSeconds(1));
        assertThat(Throttle.Kind.ACCOUNT_AT_ADDRESS.delayAfter(6)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Throttle.Kind.ACCOUNT_AT_ADDRESS.delayAfter(9)).isEqualTo(Duration.ofSeconds(16));
        assertThat(Throttle.Kind.ACCOUNT_AT_ADDRESS.delayAfter(60)).isEqualTo(Duration.ofMinutes(15));
        assertThat(Throttle.Kind.SECOND_FACTOR.delayAfter(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Throttle.Kind.SECOND_FACTOR.delayAfter(40)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void an_unknown_account_and_a_known_one_get_the_same_answers_and_the_same_throttle() throws Exception {
        String known = newAccount();
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        String address = someAddress();
        for (String username : new String[] {known, unknown}) {
            for (int i = 0; i < 5; i++) {
                mvc.perform(post("/login").with(csrf()).with(from(address)).param("username", username).param("password", "fout"))
                        .andExpect(redirectedUrl("/login?error"));
            }
            // blocked: refused before any password is tried (for the known account, even the right one)
            mvc.perform(post("/login").with(csrf()).with(from(address)).param("username", username)
                            .param("password", username.equals(known) ? "een-goed-wachtwoord" : "fout"))
                    .andExpect(redirectedUrl("/login?locked"));
        }
    }

    @Test
    void a_guesser_elsewhere_does_not_lock_the_owner_out() throws Exception {
        String known = newAccount();
        String attacker = someAddress();
        for (int i = 0; i < 8; i++) {
            mvc.perform(post("/login").with(csrf()).with(from(attacker)).param("username", known).param("password", "fout" + i));
        }
        mvc.perform(post("/login").with(csrf()).with(from(attacker)).param("username", known).param("password", "een-goed-wachtwoord"))
                .andExpect(redirectedUrl("/login?locked"));
        mvc.perform(post("/login").with(csrf()).with(from(someAddress())).param("username", known).param("password", "een-goed-wachtwoord"))
                .andExpect(redirectedUrl("/"));
    }

    @Test
    void http_basic_guessing_is_throttled_too() throws Exception {
        String known = newAccount();
        String address = someAddress();
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/v1/persons").with(from(address)).with(httpBasic(known, "fout"))).andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/v1/persons").with(from(address)).with(httpBasic(known, "fout")))
                .andExpect(status().isTooManyRequests()).andExpect(header().exists("Retry-After"));
    }

    @Test
    void a_session_cookie_with_a_stray_authorization_header_still_needs_the_csrf_token() throws Exception {
        Cookie session = mvc.perform(post("/login").with(csrf()).with(from(someAddress()))
                        .param("username", "sanne").param("password", DemoIds.PASSWORD))
                .andReturn().getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        // refused before anything is done: the stray bearer is no valid API token (401), and were it
        // one, the session cookie beside it would still ask for the CSRF token (403)
        int refused = mvc.perform(post("/api/v1/persons").cookie(session).header("Authorization", "Bearer x")
                        .contentType("application/json").content("{\"givenName\":\"Stray\",\"familyName\":\"Bearer\"}"))
                .andReturn().getResponse().getStatus();
        assertThat(refused).isIn(401, 403);
        // an API client that really signs in with its header and has no session needs no token
        mvc.perform(post("/api/v1/persons").with(httpBasic("sanne", DemoIds.PASSWORD))
                        .contentType("application/json").content("{}"))
                .andExpect(status().is4xxClientError()).andExpect(status().is(not403()));
    }

    private static org.hamcrest.Matcher<Integer> not403() {
        return not(org.hamcrest.Matchers.is(403));
    }

    @Test
    void a_forged_host_header_never_ends_up_in_a_redirect() throws Exception {
        mvc.perform(get("/persons").header("Host", "evil.example").with(request -> {
                    request.setServerName("evil.example");
                    return request;
                }))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", not(containsString("evil.example"))));
    }

    @Test
    void behind_https_the_answer_carries_hsts() throws Exception {
        mvc.perform(get("/login").secure(true)).andExpect(header().string("Strict-Transport-Security", containsString("max-age=")));
        mvc.perform(get("/login")).andExpect(header().doesNotExist("Strict-Transport-Security"));
    }
}
