package org.samenkracht.privacy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.samenkracht.privacy.internal.AuditCheckpoint;
import org.samenkracht.privacy.internal.AuditSeals;
import org.samenkracht.privacy.internal.AuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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

/**
 * The audit log cannot be rewritten unnoticed. Tampering is done as an attacker would: through the
 * application's own database role (which may only insert and read), and as the schema's owner who
 * can switch triggers off (who still lacks the key that seals the log, kept outside the database).
 * Verify names the first bad entry and the kind of damage.
 */
@SamenkrachtTest
class AuditChainTest {

    @Autowired
    AuditLog auditLog;
    @Autowired
    AuditTrail trail;
    @Autowired
    AuditSeals seals;
    @Autowired
    AuditCheckpoint checkpoint;
    @Autowired
    Accounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    @Qualifier("ownerDataSource")
    DataSource ownerDataSource;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    MockMvc mvc;
    @Autowired
    PersonAccess access;

    final CurrentUser sanne = new CurrentUser(PROFESSIONAL_SANNE, ORGANISATION, "sanne", "Sanne", Role.PROFESSIONAL, null);

    @BeforeEach
    void sealed_and_intact_before() {
        seals.pause(true);
        seals.sealAllCommitted(30_000);
        seals.checkpoint();
        AuditLog.Verification v = auditLog.verifyChains();
        assertThat(v.intact()).as("intact before the test: %s", v).isTrue();
    }

    @AfterEach
    void resume() {
        seals.pause(false);
    }

    @Test
    void the_application_role_owns_nothing_and_may_only_insert_and_read_the_audit_log() {
        assertThat(jdbc.sql("select current_user").query(String.class).single()).isEqualTo("samenkracht_app");
        assertThat(jdbc.sql("select rolsuper from pg_roles where rolname = current_user").query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("select count(*) from pg_class where relowner = (select oid from pg_roles where rolname = current_user)")
                .query(Long.class).single()).isZero();
        long id = jdbc.sql("select max(id) from audit_event").query(Long.class).single();
        for (String sql : List.of("update audit_event set ground = 'x' where id = " + id,
                "delete from audit_event where id = " + id,
                "update audit_seal set mac = '\\x00' where event_id = " + id,
                "delete from audit_seal where event_id = " + id,
                "truncate audit_event", "truncate audit_seal")) {
            assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql)
                    .isInstanceOf(DataAccessException.class).hasStackTraceContaining("permission denied");
        }
        assertThatThrownBy(() -> jdbc.sql("alter table audit_event disable trigger audit_event_append_only").update())
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("must be owner");
        assertThatThrownBy(() -> jdbc.sql("set session_replication_role = replica").update())
                .isInstanceOf(DataAccessException.class).hasStackTraceContaining("permission denied");
        assertThatThrownBy(() -> jdbc.sql("select audit_event_digest(null, null)").query().listOfRows())
                .as("the database's own digest is gone").isInstanceOf(DataAccessException.class);
    }

    @Test
    void concurrent_writers_on_one_person_and_on_many_are_all_sealed_in_one_intact_chain() throws Exception {
        seals.pause(false);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        var pool = Executors.newFixedThreadPool(6);
        List<Future<?>> work = new ArrayList<>();
        UUID[] persons = {PERSON_JONAS, PERSON_FATIMA, PERSON_HENK};
        long before = jdbc.sql("select count(*) from audit_seal").query(Long.class).single();
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
        seals.sealAllCommitted(30_000);
        AuditLog.Verification v = auditLog.verifyChains();
        assertThat(v.intact()).as("%s", v).isTrue();
        assertThat(v.unsealed()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_seal").query(Long.class).single() - before)
                .isGreaterThanOrEqualTo(6 * 25 * 3);
    }

    @Test
    void entries_not_sealed_yet_are_shown_in_who_looked() {
        trail.allowed(sanne, PERSON_HENK, AccessKind.READ, "unsealed-yet", "CARE_TEAM");
        assertThat(auditLog.verifyChains().unsealed()).isPositive();
        accounts.runAs(PROFESSIONAL_SANNE, () -> assertThat(auditLog.whoLooked(PERSON_HENK, 5))
                .extracting(AuditLog.Entry::resource).contains("unsealed-yet"));
        seals.sealAllCommitted(10_000);
        assertThat(auditLog.verifyChains().unsealed()).isZero();
    }

    @Test
    void an_entry_changed_by_the_owner_is_named_as_changed() throws Exception {
        long victim = jdbc.sql("select max(e.id) from audit_event e join audit_seal s on s.event_id = e.id where e.person_id = ? and e.chain = e.person_id::text")
                .param(PERSON_JONAS).query(Long.class).single();
        String original = jdbc.sql("select resource from audit_event where id = ?").param(victim).query(String.class).single();
        try {
            asOwner("update audit_event set resource = 'nothing to see' where id = " + victim);
            AuditLog.Verification v = auditLog.verifyChains();
            assertThat(v.intact()).isFalse();
            assertThat(v.kind()).isEqualTo("CHANGED");
            assertThat(v.firstBrokenId()).isEqualTo(victim);
            assertThat(v.brokenChain()).isEqualTo(PERSON_JONAS.toString());
            mvc.perform(get("/api/v1/audit/verification").with(httpBasic("ahmed", PASSWORD)))
                    .andExpect(status().isOk()).andExpect(jsonPath("$.firstBrokenId").value(victim))
                    .andExpect(jsonPath("$.kind").value("CHANGED")).andExpect(jsonPath("$.intact").value(false));
            mvc.perform(get("/api/v1/audit/verification").with(httpBasic("sanne", PASSWORD)))
                    .andExpect(status().isForbidden());
        } finally {
            asOwner("update audit_event set resource = '" + original.replace("'", "''") + "' where id = " + victim);
        }
        assertThat(auditLog.verifyChains().intact()).isTrue();
    }

    @Test
    void an_entry_rewritten_to_another_actor_and_rechained_with_a_plain_digest_is_named_as_forged() throws Exception {
        long[] ids = twoSealedEntries("rechain");
        try {
            saveForRepair(ids);
            // the old attack: change the actor, recompute this seal and relink the next with the database's sha256
            asOwner("update audit_event set actor_id = '" + PROFESSIONAL_PIETER + "' where id = " + ids[0],
                    "update audit_seal set mac = sha256(convert_to(concat_ws('|', encode(previous_mac, 'hex'), event_id::text), 'UTF8'))"
                            + " where event_id = " + ids[0],
                    "update audit_seal set previous_mac = (select mac from audit_seal where event_id = " + ids[0] + ")"
                            + " where event_id = " + ids[1]);
            AuditLog.Verification v = auditLog.verifyChains();
            assertThat(v.kind()).isEqualTo("FORGED");
            assertThat(v.firstBrokenId()).isEqualTo(ids[0]);
        } finally {
            repair(ids);
        }
        assertThat(auditLog.verifyChains().intact()).isTrue();
    }

    @Test
    void removing_an_entry_or_its_seal_in_the_middle_is_named_as_removed() throws Exception {
        long[] ids = twoSealedEntries("remove");
        try {
            saveForRepair(ids);
            asOwner("delete from audit_event where id = " + ids[0]);
            AuditLog.Verification v = auditLog.verifyChains();
            assertThat(v.kind()).isEqualTo("REMOVED");
            assertThat(v.firstBrokenId()).isEqualTo(ids[0]);
            asOwner("delete from audit_seal where event_id = " + ids[0]);
            v = auditLog.verifyChains();
            assertThat(v.kind()).isEqualTo("REMOVED");
            assertThat(v.firstBrokenId()).as("the next entry no longer links").isEqualTo(ids[1]);
        } finally {
            repair(ids);
        }
        assertThat(auditLog.verifyChains().intact()).isTrue();
    }

    @Test
    void cutting_off_the_tail_of_the_log_is_found_through_the_checkpoint_outside_the_database() throws Exception {
        long[] ids = twoSealedEntries("tail");
        seals.checkpoint();
        assertThat(checkpoint.read().eventId()).isEqualTo(ids[1]);
        try {
            saveForRepair(ids);
            // the last two entries of Henk's chain, and of the whole log, with their seals: a clean cut
            asOwner("delete from audit_seal where event_id in (" + ids[0] + ", " + ids[1] + ")",
                    "delete from audit_event where id in (" + ids[0] + ", " + ids[1] + ")");
            AuditLog.Verification v = auditLog.verifyChains();
            assertThat(v.kind()).isEqualTo("TRUNCATED");
            assertThat(v.checkpointId()).isEqualTo(ids[1]);
            assertThat(v.firstBrokenId()).isLessThanOrEqualTo(ids[0]);
            // the checkpoint does not follow the cut: it keeps remembering the head that was there
            seals.checkpoint();
            assertThat(checkpoint.read().eventId()).isEqualTo(ids[1]);
        } finally {
            repair(ids);
        }
        assertThat(auditLog.verifyChains().intact()).isTrue();
    }

    @Test
    void an_entry_and_seal_appended_through_the_applications_own_role_are_named_as_forged() {
        // "a coach read the logbook": written with the application's credentials, sealed by hand
        long forged = jdbc.sql("""
                insert into audit_event (organisation_id, actor_id, actor_role, person_id, action, resource, ground)
                values (?, ?, 'COACH', ?, 'READ', 'logbook', 'CARE_TEAM') returning id""")
                .params(ORGANISATION, COACH_MARIEKE, PERSON_JONAS).query(Long.class).single();
        try {
            jdbc.sql("""
                    insert into audit_seal (event_id, previous_mac, mac, seal_mac, key_id)
                    select ?, mac, sha256(mac), sha256(sha256(mac)), key_id from audit_seal order by event_id desc limit 1""")
                    .param(forged).update();
            AuditLog.Verification v = auditLog.verifyChains();
            assertThat(v.kind()).isEqualTo("FORGED");
            assertThat(v.firstBrokenId()).isEqualTo(forged);
        } finally {
            uncheckedOwner("delete from audit_seal where event_id = " + forged, "delete from audit_event where id = " + forged);
        }
        assertThat(auditLog.verifyChains().intact()).isTrue();
    }

    @Test
    void an_entry_slipped_in_by_the_owner_behind_the_sealer_is_named_as_forged() throws Exception {
        // a number left unused by a rolled-back transaction, then a sealed entry after it
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(s -> {
            trail.allowed(sanne, PERSON_HENK, AccessKind.READ, "rolled-back", "CARE_TEAM");
            s.setRollbackOnly();
        });
        long gap = jdbc.sql("select last_value from audit_event_id_seq").query(Long.class).single();
        twoSealedEntries("after-gap");
        try {
            asOwner("insert into audit_event (id, occurred_at, organisation_id, actor_id, actor_role, person_id, action, resource, ground, chain)"
                    + " values (" + gap + ", now() - interval '1 day', '" + ORGANISATION + "', '" + COACH_MARIEKE + "', 'COACH', '"
                    + PERSON_HENK + "', 'READ', 'logbook', 'CARE_TEAM', '" + PERSON_HENK + "')");
            AuditLog.Verification v = auditLog.verifyChains();
            assertThat(v.kind()).isEqualTo("FORGED");
            assertThat(v.firstBrokenId()).isEqualTo(gap);
            assertThat(v.brokenChain()).isEqualTo(PERSON_HENK.toString());
        } finally {
            asOwner("delete from audit_event where id = " + gap);
        }
        assertThat(auditLog.verifyChains().intact()).isTrue();
    }

    @Test
    void when_the_audit_write_fails_the_read_fails_and_nothing_proceeds_unlogged() throws Exception {
        asOwner("""
                create or replace function audit_event_test_failure() returns trigger language plpgsql as $$
                begin
                    if new.resource = 'logbook' and new.actor_id = '00000000-0000-4000-8000-000000000101' then raise exception 'audit store unavailable'; end if;
                    return new;
                end $$""", "create trigger audit_event_test_failure before insert on audit_event for each row execute function audit_event_test_failure()");
        try {
            TransactionTemplate tx = new TransactionTemplate(transactions);
            accounts.runAs(PROFESSIONAL_SANNE, () -> assertThatThrownBy(() -> tx.executeWithoutResult(s -> {
                jdbc.sql("update person set neighbourhood = 'gewijzigd tijdens test' where id = ?").param(PERSON_HENK).update();
                access.read(PERSON_HENK, Part.LOGBOOK);
            })).isInstanceOf(DataAccessException.class).hasMessageContaining("audit store unavailable"));
            assertThat(jdbc.sql("select neighbourhood is distinct from 'gewijzigd tijdens test' from person where id = ?")
                    .param(PERSON_HENK).query(Boolean.class).single()).isTrue();
        } finally {
            asOwner("drop trigger audit_event_test_failure on audit_event", "drop function audit_event_test_failure()");
        }
    }

    /** Two new entries for Henk, sealed: the newest of the whole log. */
    private long[] twoSealedEntries(String label) {
        trail.allowed(sanne, PERSON_HENK, AccessKind.READ, label + "-1", "CARE_TEAM");
        trail.allowed(sanne, PERSON_HENK, AccessKind.READ, label + "-2", "CARE_TEAM");
        seals.sealAllCommitted(30_000);
        long[] ids = {
                jdbc.sql("select max(id) from audit_event where resource = ?").param(label + "-1").query(Long.class).single(),
                jdbc.sql("select max(id) from audit_event where resource = ?").param(label + "-2").query(Long.class).single()};
        assertThat(jdbc.sql("select count(*) from audit_seal where event_id in (?, ?)").params(ids[0], ids[1])
                .query(Long.class).single()).isEqualTo(2);
        return ids;
    }

    private void saveForRepair(long[] ids) throws SQLException {
        String in = ids[0] + ", " + ids[1];
        asOwner("drop table if exists tamper_saved_event", "drop table if exists tamper_saved_seal",
                "create table tamper_saved_event as select * from audit_event where id in (" + in + ")",
                "create table tamper_saved_seal as select * from audit_seal where event_id in (" + in + ")");
    }

    private void repair(long[] ids) throws SQLException {
        String in = ids[0] + ", " + ids[1];
        asOwner("delete from audit_seal where event_id in (" + in + ")", "delete from audit_event where id in (" + in + ")",
                "insert into audit_event select * from tamper_saved_event",
                "insert into audit_seal select * from tamper_saved_seal",
                "drop table tamper_saved_event", "drop table tamper_saved_seal");
    }

    private void asOwner(String... statements) throws SQLException {
        asOwner(ownerDataSource, statements);
    }

    /** As the schema's owner, with the append-only triggers switched off, in one transaction. */
    static void asOwner(DataSource ownerDataSource, String... statements) throws SQLException {
        try (Connection c = ownerDataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("set local session_replication_role = replica");
                for (String sql : statements) {
                    st.execute(sql);
                }
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    private void uncheckedOwner(String... statements) {
        try {
            asOwner(statements);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
