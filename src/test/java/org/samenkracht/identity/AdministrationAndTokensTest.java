package org.samenkracht.identity;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.samenkracht.common.demo.DemoIds.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The administrator's work and API tokens, through the JSON API and the real security filter chains. */
@SamenkrachtTest
class AdministrationAndTokensTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    final ObjectMapper json = new ObjectMapper();

    RequestPostProcessor as(String username) {
        return user(users.loadUserByUsername(username));
    }

    JsonNode body(org.springframework.test.web.servlet.ResultActions r) throws Exception {
        return json.readTree(r.andReturn().getResponse().getContentAsString());
    }

    String issue(String parts, boolean mayWrite) throws Exception {
        JsonNode issued = body(mvc.perform(post("/api/v1/admin/tokens").with(as("ahmed")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"accountId":"%s","name":"Wijkkoppeling","parts":%s,"mayWrite":%s,"expiresOn":"%s"}"""
                                .formatted(PROFESSIONAL_SANNE, parts, mayWrite, LocalDate.now().plusDays(30))))
                .andExpect(status().isCreated()));
        return issued.get("secret").asString();
    }

    @Test
    void a_token_reads_within_its_scope_as_its_account_and_is_refused_and_logged_outside_it() throws Exception {
        String secret = issue("[\"PERSON\"]", false);
        assertThat(secret).startsWith("skt_");
        assertThat(jdbc.sql("select count(*) from api_token where encode(token_hash, 'escape') like ?")
                .param("%" + secret + "%").query(Long.class).single()).as("only a hash is kept").isZero();
        UUID tokenId = jdbc.sql("select id from api_token where token_hash = sha256(convert_to(?, 'UTF8'))")
                .param(secret).query(UUID.class).single();

        long auditBefore = auditOf(PERSON_JONAS);
        mvc.perform(get("/api/v1/persons/" + PERSON_JONAS).header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Jonas")));
        assertThat(auditOf(PERSON_JONAS)).as("the gate audits the token's account").isGreaterThan(auditBefore);

        // another part, a write, administration: 403 and logged with the token
        mvc.perform(get("/api/v1/persons/" + PERSON_JONAS + "/plan").header("Authorization", "Bearer " + secret))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/persons/" + PERSON_JONAS).header("Authorization", "Bearer " + secret)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"givenName\":\"X\",\"familyName\":\"Y\",\"version\":0}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/admin/accounts").header("Authorization", "Bearer " + secret))
                .andExpect(status().isForbidden());
        mvc.perform(get("/persons").header("Authorization", "Bearer " + secret)).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select outcome from api_token_use where token_id = ? order by id").param(tokenId)
                .query(String.class).list()).containsExactly("ALLOWED", "OUT_OF_SCOPE", "READ_ONLY", "OUT_OF_SCOPE", "OUT_OF_SCOPE");
        // a person outside the account's care team: the gate still decides
        mvc.perform(get("/api/v1/persons/" + PERSON_ELS).header("Authorization", "Bearer " + secret))
                .andExpect(status().isForbidden());

        // no session is made for a token
        var result = mvc.perform(get("/api/v1/persons/" + PERSON_JONAS).header("Authorization", "Bearer " + secret)).andReturn();
        assertThat(result.getRequest().getSession(false)).isNull();

        mvc.perform(delete("/api/v1/admin/tokens/" + tokenId).with(as("ahmed")).with(csrf())).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/persons/" + PERSON_JONAS).header("Authorization", "Bearer " + secret))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/persons/" + PERSON_JONAS).header("Authorization", "Bearer skt_" + "x".repeat(43)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void a_writing_token_writes_and_an_expired_one_is_refused() throws Exception {
        String secret = issue("[\"PERSON\",\"PLAN\"]", true);
        mvc.perform(get("/api/v1/persons/" + PERSON_JONAS + "/plan").header("Authorization", "Bearer " + secret))
                .andExpect(status().isOk());
        jdbc.sql("update api_token set issued_at = now() - interval '2 days', expires_at = now() - interval '1 second' "
                + "where token_hash = sha256(convert_to(?, 'UTF8'))").param(secret).update();
        mvc.perform(get("/api/v1/persons/" + PERSON_JONAS).header("Authorization", "Bearer " + secret))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void only_an_administrator_issues_tokens_and_manages_accounts() throws Exception {
        mvc.perform(post("/api/v1/admin/tokens").with(as("sanne")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accountId\":\"%s\",\"name\":\"x\",\"parts\":[\"PERSON\"],\"expiresOn\":\"%s\"}"
                                .formatted(PROFESSIONAL_SANNE, LocalDate.now().plusDays(3))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/admin/accounts").with(as("sanne"))).andExpect(status().isForbidden());
        mvc.perform(get("/admin").with(as("sanne"))).andExpect(status().isForbidden());
        // an account of another organisation is not the administrator's to give a token
        mvc.perform(post("/api/v1/admin/tokens").with(as("ahmed")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accountId\":\"%s\",\"name\":\"x\",\"parts\":[\"PERSON\"],\"expiresOn\":\"%s\"}"
                                .formatted(PROFESSIONAL_PIETER, LocalDate.now().plusDays(3))))
                .andExpect(status().isNotFound());
        // no parts, an expiry in the past: 422 naming the field
        mvc.perform(post("/api/v1/admin/tokens").with(as("ahmed")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"accountId\":\"%s\",\"name\":\"x\",\"parts\":[],\"expiresOn\":\"2020-01-01\"}"
                                .formatted(PROFESSIONAL_SANNE)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("parts")))
                .andExpect(content().string(containsString("expiresOn")));
    }

    @Test
    void the_administrator_lands_on_the_start_page_with_accounts_the_audit_check_and_the_social_map() throws Exception {
        mvc.perform(get("/").with(as("ahmed"))).andExpect(redirectedUrl("/admin"));
        mvc.perform(get("/admin").with(as("ahmed")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("sanne")))
                .andExpect(content().string(containsString("De keten is heel")))
                .andExpect(content().string(containsString("Sociale kaart bijhouden")));
    }

    @Test
    void an_account_is_added_changed_reset_deactivated_and_every_step_is_logged() throws Exception {
        String username = "test." + UUID.randomUUID().toString().substring(0, 8);
        JsonNode added = body(mvc.perform(post("/api/v1/admin/accounts").with(as("ahmed")).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"username\":\"%s\",\"displayName\":\"Test Collega\",\"role\":\"PROFESSIONAL\"}".formatted(username)))
                .andExpect(status().isCreated()));
        String id = added.get("accountId").asString();
        String password = added.get("temporaryPassword").asString();
        mvc.perform(get("/api/v1/persons").with(httpBasic(username, password))).andExpect(status().isOk());

        mvc.perform(put("/api/v1/admin/accounts/" + id).with(as("ahmed")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"Test Coach\",\"role\":\"COACH\",\"organisationId\":\"%s\",\"version\":0}".formatted(ORGANISATION)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("COACH")));
        mvc.perform(put("/api/v1/admin/accounts/" + id).with(as("ahmed")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"Stale\",\"role\":\"COACH\",\"organisationId\":\"%s\",\"version\":0}".formatted(ORGANISATION)))
                .andExpect(status().isConflict());
        mvc.perform(put("/api/v1/admin/accounts/" + id).with(as("ahmed")).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"displayName\":\"X\",\"role\":\"PERSON\",\"organisationId\":\"%s\",\"version\":1}".formatted(ORGANISATION)))
                .andExpect(status().isUnprocessableContent()).andExpect(content().string(containsString("role")));

        String newPassword = body(mvc.perform(post("/api/v1/admin/accounts/" + id + "/password-reset").with(as("ahmed")).with(csrf()))
                .andExpect(status().isOk())).get("temporaryPassword").asString();
        mvc.perform(get("/api/v1/persons").with(httpBasic(username, password))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/persons").with(httpBasic(username, newPassword))).andExpect(status().isOk());

        mvc.perform(post("/api/v1/admin/accounts/" + id + "/deactivation").with(as("ahmed")).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("\"enabled\":false")));
        mvc.perform(get("/api/v1/persons").with(httpBasic(username, newPassword))).andExpect(status().isUnauthorized());

        mvc.perform(post("/api/v1/admin/accounts/" + ADMIN_AHMED + "/deactivation").with(as("ahmed")).with(csrf()))
                .andExpect(status().isUnprocessableContent());

        assertThat(jdbc.sql("select action from account_event where account_id = ?::uuid order by id").param(id)
                .query(String.class).list()).containsExactly("CREATED", "CHANGED", "PASSWORD_RESET", "DEACTIVATED");
    }

    @Test
    void a_second_factor_reset_removes_the_factor() throws Exception {
        UUID id = UUID.fromString(body(mvc.perform(post("/api/v1/admin/accounts").with(as("ahmed")).with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"tf.%s\",\"displayName\":\"Twee Factor\",\"role\":\"COACH\"}"
                        .formatted(UUID.randomUUID().toString().substring(0, 8))))).get("accountId").asString());
        jdbc.sql("insert into second_factor (account_id, secret, confirmed_at) values (?, '\\x00'::bytea, now())").param(id).update();
        mvc.perform(post("/api/v1/admin/accounts/" + id + "/second-factor-reset").with(as("ahmed")).with(csrf()))
                .andExpect(status().isNoContent());
        assertThat(jdbc.sql("select count(*) from second_factor where account_id = ?").param(id).query(Long.class).single()).isZero();
    }

    @Test
    void a_csv_import_applies_every_line_or_none() throws Exception {
        String a = "imp.a" + UUID.randomUUID().toString().substring(0, 6);
        String b = "imp.b" + UUID.randomUUID().toString().substring(0, 6);
        mvc.perform(post("/api/v1/admin/accounts/import").with(as("ahmed")).with(csrf()).contentType("text/csv")
                        .content("username,displayName,role\n%s,Anna,COACH\n%s,Bram,PERSON\nsanne,Dubbel,COACH\n".formatted(a, b)))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().string(containsString("3: role PERSON")))
                .andExpect(content().string(containsString("4: username sanne already taken")));
        assertThat(jdbc.sql("select count(*) from app_user where username = ?").param(a).query(Long.class).single()).isZero();
        mvc.perform(post("/api/v1/admin/accounts/import").with(as("ahmed")).with(csrf()).contentType("text/csv")
                        .content("username,displayName,role\n%s,Anna,COACH\n%s,Bram,PROFESSIONAL\n".formatted(a, b)))
                .andExpect(status().isCreated());
        assertThat(jdbc.sql("select count(*) from app_user where username in (?, ?)").params(a, b).query(Long.class).single()).isEqualTo(2);
    }

    private long auditOf(UUID person) {
        return jdbc.sql("select count(*) from audit_event where person_id = ? and actor_id = ?")
                .params(person, PROFESSIONAL_SANNE).query(Long.class).single();
    }
}
