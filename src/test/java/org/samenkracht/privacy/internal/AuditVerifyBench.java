package org.samenkracht.privacy.internal;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.privacy.AuditLog;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.support.JdbcTransactionManager;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark (run on purpose: bench/privacy/verify.sh, not part of the test suite): time to seal and
 * to verify an audit log of {@code bench.auditRows} entries (default 1 000 000), in a scratch database.
 */
@SamenkrachtTest
class AuditVerifyBench {

    static final int ROWS = Integer.getInteger("bench.auditRows", 1_000_000);

    @Autowired
    @Qualifier("ownerDataSource")
    DataSource owner;

    /**
     * The walk verify used before (one full join sorted by number, read without a cursor, the HMACs
     * in one thread), for comparison in the same run; returns the entries whose MAC matched.
     */
    static long previousWalk(DataSource ds, AuditKey key) {
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(ds);
        jdbc.setFetchSize(10_000);
        javax.crypto.Mac mac = key.mac();
        long[] ok = {0};
        jdbc.query("""
                select coalesce(e.id, s.event_id) as id, e.occurred_at, e.organisation_id, e.actor_id, e.actor_role,
                       e.person_id, e.action, e.resource, e.ground, e.chain,
                       e.id is not null as present, s.event_id is not null as sealed, s.previous_mac, s.mac, s.key_id,
                       s.seal_mac
                from audit_event e full join audit_seal s on s.event_id = e.id
                order by 1""", (org.springframework.jdbc.core.RowCallbackHandler) rs -> {
            byte[] stored = rs.getBytes(14);
            if (java.security.MessageDigest.isEqual(AuditSeals.sealMac(mac, rs.getLong(1), rs.getBytes(13), stored), rs.getBytes(16))
                    && java.security.MessageDigest.isEqual(AuditSeals.mac(mac, rs.getBytes(13), rs), stored)) {
                ok[0]++;
            }
        });
        return ok[0];
    }

    @Test
    void verify_a_million_entries() throws Exception {
        String name = "bench_audit_" + ProcessHandle.current().pid();
        String url;
        try (Connection c = owner.getConnection(); Statement st = c.createStatement()) {
            st.execute("drop database if exists " + name);
            st.execute("create database " + name);
            url = c.getMetaData().getURL().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        }
        try (HikariDataSource ds = new HikariDataSource()) {
            ds.setJdbcUrl(url);
            ds.setUsername("samenkracht_owner");
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").outOfOrder(true).load().migrate();
            long t0 = System.nanoTime();
            try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
                st.execute("""
                        insert into audit_event (organisation_id, actor_id, actor_role, person_id, action, resource, ground)
                        select '00000000-0000-4000-8000-000000000001', gen_random_uuid(), 'PROFESSIONAL',
                               ('00000000-0000-4000-8000-' || lpad((i % 100000)::text, 12, '0'))::uuid,
                               case when i % 4 = 0 then 'WRITE' else 'READ' end, 'plan', 'CARE_TEAM'
                        from generate_series(1, ROWS) i""".replace("ROWS", Integer.toString(ROWS)));
            }
            long inserted = System.nanoTime();
            Path cp = Files.createTempFile("audit-head", "");
            Files.delete(cp);
            AuditKey key = new AuditKey(new byte[32]);
            AuditSeals seals = new AuditSeals(ds, new JdbcTransactionManager(ds), key,
                    new AuditCheckpoint(key, cp.toString(), "unused"), 1000, 10_000, 10_000);
            seals.sealAllCommitted(600_000);
            seals.checkpoint();
            long sealed = System.nanoTime();
            for (int round = 1; round <= 2; round++) {
                long before = System.nanoTime();
                AuditLog.Verification v = seals.verify();
                long verified = System.nanoTime();
                long oldWalk = previousWalk(ds, key);
                long walked = System.nanoTime();
                System.out.printf("RESULT audit rows=%d insert %.1f s, seal %.1f s (%.0f entries/s), verify %.1f s "
                                + "(round %d, %d cores; the previous single-thread full-join walk in the same run: %.1f s), intact=%s%n",
                        v.checked(), (inserted - t0) / 1e9, (sealed - inserted) / 1e9, ROWS / ((sealed - inserted) / 1e9),
                        (verified - before) / 1e9, round, Runtime.getRuntime().availableProcessors(), (walked - verified) / 1e9,
                        v.intact());
                assertThat(v.intact()).isTrue();
                assertThat(v.checked()).isEqualTo(ROWS);
                assertThat(oldWalk).isEqualTo(ROWS);
            }
            Files.deleteIfExists(cp);
        } finally {
            try (Connection c = owner.getConnection(); Statement st = c.createStatement()) {
                st.execute("drop database if exists " + name + " with (force)");
            }
        }
    }
}
