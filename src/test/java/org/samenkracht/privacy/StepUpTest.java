package org.samenkracht.privacy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.samenkracht.person.Persons;
import org.samenkracht.person.RegisterPerson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.ORGANISATION;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Step-up: before a person's export, someone with a second factor must have given a code in the last
 * five minutes, even in a session that passed it long ago, unless the identity provider vouched for a
 * second factor (amr/acr).
 */
@SamenkrachtTest
class StepUpTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Accounts accounts;
    @Autowired
    Persons persons;
    @Autowired
    JdbcClient jdbc;

    CurrentUser professional;
    UUID person;

    @BeforeEach
    void aProfessionalWithASecondFactorAndAPersonInHerTeam() {
        String username = "stepup-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = accounts.create(new Accounts.NewAccount(null, ORGANISATION, username, "wachtwoord-2026", "Stap Op",
                Role.PROFESSIONAL, null));
        professional = new CurrentUser(id, ORGANISATION, username, "Stap Op", Role.PROFESSIONAL, null);
        AtomicReference<UUID> p = new AtomicReference<>();
        accounts.runAs(id, () -> p.set(persons.register(new RegisterPerson("Stap", "Op", null, null, null, null, null, null, null))));
        person = p.get();
        jdbc.sql("insert into second_factor (account_id, secret, confirmed_at) values (?, '\\x0102'::bytea, now())").param(id).update();
    }

    private int export(boolean vouched, Instant lastCode) throws Exception {
        CurrentUser.Holder holder = new CurrentUser.Holder() {
            public CurrentUser currentUser() {
                return professional;
            }

            public boolean secondFactorVouched() {
                return vouched;
            }
        };
        MockHttpSession session = new MockHttpSession();
        session.setAttribute("privacy.secondFactorPassed", true);
        if (lastCode != null) {
            session.setAttribute(StepUp.AT, lastCode);
        }
        var auth = new UsernamePasswordAuthenticationToken(holder, null, List.of(new SimpleGrantedAuthority("ROLE_PROFESSIONAL")));
        return mvc.perform(get("/fhir/Patient/" + person + "/$everything").session(session).with(authentication(auth)))
                .andReturn().getResponse().getStatus();
    }

    @Autowired
    StepUp stepUp;

    /** The rule on a session as the application keeps it (Spring Session replaces a mock session in MockMvc). */
    private boolean needed(Instant lastCode) {
        var request = new org.springframework.mock.web.MockHttpServletRequest();
        if (lastCode != null) {
            request.getSession(true).setAttribute(StepUp.AT, lastCode);
        }
        org.springframework.web.context.request.RequestContextHolder.setRequestAttributes(
                new org.springframework.web.context.request.ServletRequestAttributes(request));
        try {
            boolean[] result = new boolean[1];
            accounts.runAs(professional.id(), () -> result[0] = stepUp.needed());
            return result[0];
        } finally {
            org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
        }
    }

    @Test
    void an_old_code_is_not_enough_for_an_export() {
        assertThat(needed(Instant.now().minus(Duration.ofMinutes(10)))).isTrue();
        assertThat(needed(null)).isTrue();
    }

    @Test
    void a_fresh_code_is() {
        assertThat(needed(Instant.now().minus(Duration.ofMinutes(1)))).isFalse();
    }

    @Test
    void a_provider_that_vouched_for_a_second_factor_is_trusted() throws Exception {
        assertThat(export(true, null)).isEqualTo(200);
    }

    @Test
    void without_a_second_factor_there_is_nothing_to_ask() throws Exception {
        jdbc.sql("delete from second_factor where account_id = ?").param(professional.id()).update();
        assertThat(export(false, null)).isEqualTo(200);
    }
}
