package org.samenkracht.privacy;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.identity.Accounts;
import org.samenkracht.network.Network;
import org.samenkracht.person.Persons;
import org.samenkracht.person.RegisterPerson;
import org.samenkracht.plan.Plans;
import org.samenkracht.privacy.internal.SwitchableAuditTrail;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import static org.samenkracht.common.demo.DemoIds.*;

/**
 * Benchmark (run on purpose with bench/privacy/run.sh, not part of the test suite): throughput of
 * opening a person's file as the dossier page does (person, four questions, network, plan: each read
 * through the access gate) with auditing on and off in the same run, against the same data read with
 * raw SQL and no access check at all.
 */
@SamenkrachtTest
@Import(PersonFileBench.Switch.class)
class PersonFileBench {

    @TestConfiguration
    static class Switch {
        @Bean
        @Primary
        SwitchableAuditTrail switchableAuditTrail(org.springframework.jdbc.core.JdbcTemplate jdbc, PlatformTransactionManager transactions) {
            return new SwitchableAuditTrail(jdbc, transactions);
        }
    }

    static final int THREADS = Integer.getInteger("bench.threads", 4);
    static final long SECONDS = Long.getLong("bench.seconds", 5);
    static final int PERSONS = 24;

    @Autowired
    SwitchableAuditTrail audit;
    @Autowired
    Accounts accounts;
    @Autowired
    Persons persons;
    @Autowired
    Network network;
    @Autowired
    Plans plans;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void opening_a_file_with_auditing_on_and_off() throws Exception {
        List<UUID> ids = new ArrayList<>(List.of(PERSON_JONAS, PERSON_FATIMA, PERSON_HENK));
        accounts.runAs(PROFESSIONAL_SANNE, () -> {
            while (ids.size() < PERSONS) {
                ids.add(persons.register(new RegisterPerson("Bench", "Persoon " + ids.size(), LocalDate.of(1970, 1, 1),
                        null, null, null, "Lindenhoven", "", "")));
            }
        });
        long auditRows = jdbc.sql("select count(*) from audit_event").query(Long.class).single();

        // One open is one transaction, as a page now is (one commit per request): four reads through the
        // gate and their audit rows, against the same four reads as raw SQL in one transaction.
        var oneTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        Runnable gated = () -> oneTransaction.executeWithoutResult(tx -> {
            UUID id = ids.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(ids.size()));
            persons.get(id);
            persons.fourQuestions(id);
            network.members(id);
            plans.current(id);
        });
        Runnable raw = () -> oneTransaction.executeWithoutResult(tx -> {
            UUID id = ids.get(java.util.concurrent.ThreadLocalRandom.current().nextInt(ids.size()));
            jdbc.sql("select * from person where id = ?").param(id).query().listOfRows();
            jdbc.sql("select * from four_questions where person_id = ? order by version_no desc").param(id).query().listOfRows();
            jdbc.sql("select * from network_member where person_id = ? order by layer, name").param(id).query().listOfRows();
            jdbc.sql("select * from support_plan where person_id = ? order by created_at desc limit 1").param(id).query().listOfRows();
        });

        run("warm-up (on)", gated, true, 3);
        run("warm-up (raw)", raw, true, 2);
        double[] unkeyed = new double[2];
        double[] on = new double[2];
        double[] async = new double[2];
        double[] off = new double[2];
        double[] rawSql = new double[2];
        for (int round = 0; round < 2; round++) {
            off[round] = run("audit off", gated, false, SECONDS);
            on[round] = run("audit on, keyed chain (sealer in the background)", gated, true, SECONDS);
            unkeyedChain(true);
            unkeyed[round] = run("audit on, unkeyed chain (lock and sha256 in the insert, as V10_0)", gated, true, SECONDS);
            unkeyedChain(false);
            audit.asyncReadCommits(true);
            async[round] = run("audit on, async read commits", gated, true, SECONDS);
            audit.asyncReadCommits(false);
            rawSql[round] = run("raw SQL  ", raw, true, SECONDS);
        }
        double onAvg = (on[0] + on[1]) / 2;
        double unkeyedAvg = (unkeyed[0] + unkeyed[1]) / 2;
        double asyncAvg = (async[0] + async[1]) / 2;
        double offAvg = (off[0] + off[1]) / 2;
        double rawAvg = (rawSql[0] + rawSql[1]) / 2;
        System.out.printf("%nRESULT persons=%d auditRowsAtStart=%d threads=%d seconds=%d%n", ids.size(), auditRows, THREADS, SECONDS);
        System.out.printf("RESULT audit on  %.0f files/s%nRESULT audit off %.0f files/s%nRESULT raw SQL   %.0f files/s%n", onAvg, offAvg, rawAvg);
        System.out.printf("RESULT audit on, async read commits %.0f files/s%n", asyncAvg);
        System.out.printf("RESULT keyed chain %.0f files/s, unkeyed chain %.0f files/s: keyed/unkeyed %.3f%n",
                onAvg, unkeyedAvg, onAvg / unkeyedAvg);
        System.out.printf("RESULT overhead of auditing %.1f %% (durable), %.1f %% (async read commits); on/raw %.3f ; off/raw %.3f%n",
                100 * (offAvg - onAvg) / offAvg, 100 * (offAvg - asyncAvg) / offAvg, onAvg / rawAvg, offAvg / rawAvg);
    }

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("ownerDataSource")
    javax.sql.DataSource owner;
    @Autowired
    org.samenkracht.privacy.internal.AuditSeals seals;

    /** The chain as it was before issue 14, for comparison in the same run: lock and digest per insert. */
    private void unkeyedChain(boolean on) throws java.sql.SQLException {
        try (var c = owner.getConnection(); var st = c.createStatement()) {
            if (on) {
                seals.pause(true);
                st.execute("create table if not exists bench_chain_head (chain text primary key, hash bytea)");
                st.execute("grant select, insert, update on bench_chain_head to samenkracht_app");
                st.execute("""
                        create or replace function bench_unkeyed_chain() returns trigger language plpgsql as $$
                        declare prev bytea;
                        begin
                          perform pg_advisory_xact_lock(hashtextextended('audit:' || new.chain, 0));
                          select hash into prev from bench_chain_head where chain = new.chain;
                          prev := sha256(convert_to(concat_ws('|', coalesce(encode(prev, 'hex'), '-'), new.id::text,
                                  new.occurred_at::text, new.organisation_id::text, new.actor_id::text, new.actor_role,
                                  new.person_id::text, new.action, new.resource, new.ground, new.chain), 'UTF8'));
                          insert into bench_chain_head values (new.chain, prev)
                            on conflict (chain) do update set hash = excluded.hash;
                          return new;
                        end $$""");
                st.execute("create trigger zz_bench_unkeyed_chain before insert on audit_event for each row execute function bench_unkeyed_chain()");
            } else {
                st.execute("drop trigger if exists zz_bench_unkeyed_chain on audit_event");
                st.execute("drop function if exists bench_unkeyed_chain()");
                st.execute("drop table if exists bench_chain_head");
                seals.pause(false);
            }
        }
    }

    private double run(String label, Runnable open, boolean auditOn, long seconds) throws InterruptedException {
        audit.switchTo(auditOn);
        AtomicLong count = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(THREADS);
        for (int t = 0; t < THREADS; t++) {
            new Thread(() -> {
                accounts.runAs(PROFESSIONAL_SANNE, () -> {
                    while (System.nanoTime() < end) {
                        open.run();
                        count.incrementAndGet();
                    }
                });
                done.countDown();
            }).start();
        }
        done.await();
        audit.switchTo(true);
        double perSecond = count.get() / (double) seconds;
        System.out.printf("%s %8.0f files/s%n", label, perSecond);
        return perSecond;
    }
}
