package org.samenkracht.privacy;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.privacy.internal.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.samenkracht.common.demo.DemoIds.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The audit log is append-only and tamper-evident: verify finds the first broken link. */
@SamenkrachtTest
class AuditChainTest {

    @Autowired
    AuditLog auditLog;
    @Autowired
    AuditTrail trail;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    MockMvc mvc;

    @Test
    void the_application_cannot_change_or_delete_an_entry() {
        long id = jdbc.sql("select max(id) from audit_event").query(Long.class).single();
        assertThatThrownBy(() -> jdbc.sql("update audit_event set ground = 'x' where id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where id = ?").param(id).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    }

    @Test
    void concurrent_writers_on_one_person_and_on_many_keep_every_chain_whole() throws Exception {
        CurrentUser sanne = new CurrentUser(PROFESSIONAL_SANNE, ORGANISATION, "sanne", "Sanne", org.samenkracht.identity.Role.PROFESSIONAL, null);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        var pool = Executors.newFixedThreadPool(6);
        List<Future<?>> work = new ArrayList<>();
        UUID[] persons = {PERSON_JONAS, PERSON_FATIMA, PERSON_HENK};
        for (int t = 0; t < 6; t++) {
            int thread = t;
            work.add(pool.submit((Callable<Void>) () -> {
                for (int i = 0; i < 25; i++) {
                    UUID person = persons[(thread + i) % persons.length];
                    tx.executeWithoutResult(s -> {
                        trail.allowed(sanne, person, AccessKind.READ, "bench/concurrency", "CARE_TEAM");
                        trail.allowed(sanne, person, AccessKind.READ, "bench/concurrency-2", "CARE_TEAM");
                    });
                    trail.refused(sanne, person, AccessKind.WRITE, "bench/concurrency", "access.refused.notInTeam");
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        AuditLog.Verification v = auditLog.verifyChains();
        assertThat(v.intact()).as("first broken link: %s in chain %s", v.firstBrokenId(), v.brokenChain()).isTrue();
        assertThat(v.checked()).isGreaterThanOrEqualTo(6 * 25 * 3);
    }

    @Test
    void changing_one_entry_behind_the_applications_back_is_found_by_verify() throws Exception {
        assertThat(auditLog.verifyChains().intact()).isTrue();
        boolean superuser = jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single();
        assertThat(superuser).as("the test bypasses the append-only trigger as superuser").isTrue();
        long victim = jdbc.sql("select id from audit_event where person_id = ? order by id limit 1 offset 1")
                .param(PERSON_JONAS).query(Long.class).single();
        String original = jdbc.sql("select resource from audit_event where id = ?").param(victim).query(String.class).single();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        try {
            tx.executeWithoutResult(s -> {
                jdbc.sql("set local session_replication_role = replica").update();
                jdbc.sql("update audit_event set resource = 'nothing to see' where id = ?").param(victim).update();
            });
            AuditLog.Verification v = auditLog.verifyChains();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenId()).isEqualTo(victim);
            assertThat(v.brokenChain()).isEqualTo(PERSON_JONAS.toString());
            mvc.perform(get("/api/v1/audit/verification").with(httpBasic("ahmed", PASSWORD)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.firstBrokenId").value(victim))
                    .andExpect(jsonPath("$.intact").value(false));
            mvc.perform(get("/api/v1/audit/verification").with(httpBasic("sanne", PASSWORD)))
                    .andExpect(status().isForbidden());
        } finally {
            tx.executeWithoutResult(s -> {
                jdbc.sql("set local session_replication_role = replica").update();
                jdbc.sql("update audit_event set resource = ? where id = ?").params(original, victim).update();
            });
        }
        assertThat(auditLog.verifyChains().intact()).isTrue();
    }

    @Autowired
    PersonAccess access;

    @Test
    void when_the_audit_write_fails_the_read_fails_and_nothing_proceeds_unlogged() {
        jdbc.sql("""
                create or replace function audit_event_test_failure() returns trigger language plpgsql as $$
                begin
                    if new.resource = 'audit-test-failure' then raise exception 'audit store unavailable'; end if;
                    return new;
                end $$""").update();
        jdbc.sql("create trigger audit_event_test_failure before insert on audit_event for each row execute function audit_event_test_failure()").update();
        try {
            TransactionTemplate tx = new TransactionTemplate(transactions);
            accounts.runAs(PROFESSIONAL_SANNE, () -> assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
                jdbc.sql("update person set neighbourhood = 'gewijzigd tijdens test' where id = ?").param(PERSON_HENK).update();
                access.read(PERSON_HENK, Part.LOGBOOK);
            })).isInstanceOf(DataAccessException.class).hasMessageContaining("audit store unavailable"));
            assertThat(jdbc.sql("select neighbourhood is distinct from 'gewijzigd tijdens test' from person where id = ?")
                    .param(PERSON_HENK).query(Boolean.class).single()).isTrue();
        } finally {
            jdbc.sql("drop trigger audit_event_test_failure on audit_event").update();
            jdbc.sql("drop function audit_event_test_failure()").update();
        }
    }

    @Test
    void removing_an_entry_breaks_the_link_of_the_next_one() {
        long[] ids = new long[2];
        accounts.runAs(PROFESSIONAL_SANNE, () -> {
            CurrentUser sanne = CurrentUser.get();
            trail.allowed(sanne, PERSON_HENK, AccessKind.READ, "to-remove", "CARE_TEAM");
            trail.allowed(sanne, PERSON_HENK, AccessKind.READ, "after", "CARE_TEAM");
        });
        ids[0] = jdbc.sql("select max(id) from audit_event where resource = 'to-remove'").query(Long.class).single();
        ids[1] = jdbc.sql("select max(id) from audit_event where resource = 'after' and person_id = ?").param(PERSON_HENK).query(Long.class).single();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(s -> {
            jdbc.sql("set local session_replication_role = replica").update();
            var row = jdbc.sql("select * from audit_event where id = ?").param(ids[0]).query().singleRow();
            jdbc.sql("delete from audit_event where id = ?").param(ids[0]).update();
            AuditLog.Verification v = auditLog.verifyChains();
            assertThat(v.firstBrokenId()).isEqualTo(ids[1]);
            s.setRollbackOnly();
            assertThat(row).isNotEmpty();
        });
        assertThat(auditLog.verifyChains().intact()).isTrue();
    }
}
