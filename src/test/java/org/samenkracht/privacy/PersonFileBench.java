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
        SwitchableAuditTrail switchableAuditTrail(org.springframework.jdbc.core.JdbcTemplate jdbc, PlatformTransactionManager transactions,
                                                  org.springframework.context.ApplicationContext context) {
            return new SwitchableAuditTrail(jdbc, transactions, context);
        }
    }

    static final int THREADS = Integer.getInteger("bench.threads", 4);
    static final long SECONDS = Long.getLong("bench.seconds", 5);
    static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
    /** Seconds of warm-up with audit on (and half of it off, a quarter raw) before anything is measured. */
    static final int WARMUP = Integer.getInteger("bench.warmup", 20);
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

        // One open is one request, as a page is: four reads through the gate in one transaction, their
        // audit rows owed to the request and written as the request filter writes them (one batched
        // insert); against the same four reads as raw SQL in one transaction.
        var oneTransaction = new org.springframework.transaction.support.TransactionTemplate(transactions);
        Runnable gated = () -> audit.asRequest(() -> {
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

        // Long enough for the C2 compiler to settle on every path (the bench runs the production JIT since
        // 2026-12-06; with 3 s the first round's audit-on figures still carried the compiler: 2.9 against 1.6 ms).
        run("warm-up (on)", gated, true, WARMUP);
        run("warm-up (off)", gated, false, WARMUP / 2);
        run("warm-up (raw)", raw, true, WARMUP / 4);
        double[] inTx = new double[ROUNDS];
        double[] off = new double[ROUNDS];
        double[] rawSql = new double[ROUNDS];
        double[] delayed = new double[ROUNDS];
        double[] unsealed = new double[ROUNDS];
        double[] noWait = new double[ROUNDS];
        commitDelay(false);
        synchronousCommit(true);
        for (int round = 0; round < ROUNDS; round++) {
            off[round] = run("audit off", gated, false, SECONDS);
            inTx[round] = run("audit on (durable commit per request)", gated, true, SECONDS);
            seals.pause(true);
            sealerPaused = true;
            unsealed[round] = run("audit on, in the request's transaction, sealer paused (what sealing costs)", gated, true, SECONDS);
            seals.pause(false);
            sealerPaused = false;
            seals.sealAllCommitted(60_000);  // the backlog is sealed before the next mode is timed
            commitDelay(true);
            delayed[round] = run("audit on, in the request's transaction, commit_delay 1 ms, commit_siblings 2", gated, true, SECONDS);
            commitDelay(false);
            synchronousCommit(false);
            noWait[round] = run("audit on, synchronous_commit off (what waiting for the disk costs)", gated, true, SECONDS);
            synchronousCommit(true);
            rawSql[round] = run("raw SQL  ", raw, true, SECONDS);
        }
        double inTxAvg = java.util.Arrays.stream(inTx).average().orElseThrow();
        double offAvg = java.util.Arrays.stream(off).average().orElseThrow();
        double rawAvg = java.util.Arrays.stream(rawSql).average().orElseThrow();
        double delayedAvg = java.util.Arrays.stream(delayed).average().orElseThrow();
        double unsealedAvg = java.util.Arrays.stream(unsealed).average().orElseThrow();
        double noWaitAvg = java.util.Arrays.stream(noWait).average().orElseThrow();
        System.out.printf("%nRESULT persons=%d auditRowsAtStart=%d threads=%d seconds=%d rounds=%d%n", ids.size(), auditRows, THREADS, SECONDS, ROUNDS);
        System.out.printf("RESULT audit on %.0f files/s%nRESULT audit off %.0f files/s%nRESULT raw SQL   %.0f files/s%n", inTxAvg, offAvg, rawAvg);
        System.out.printf("RESULT overhead of auditing %.1f %% (durable); off/raw %.3f%n", 100 * (offAvg - inTxAvg) / offAvg, offAvg / rawAvg);
        cpuPerOpen.forEach((label, sum) -> System.out.printf("RESULT CPU %s %.3f ms per open%n", label.strip(), sum[0] / sum[1]));
        System.out.printf("RESULT what-if: sealer paused %.1f %%, commit_delay %.1f %%, synchronous_commit off %.1f %% below off%n",
                100 * (offAvg - unsealedAvg) / offAvg, 100 * (offAvg - delayedAvg) / offAvg, 100 * (offAvg - noWaitAvg) / offAvg);
    }

    @Autowired
    io.zonky.test.db.postgres.embedded.EmbeddedPostgres embedded;
    @Autowired
    org.samenkracht.privacy.internal.AuditSeals seals;

    /** Diagnostic only: the server's commits without waiting for the disk, to see what the wait costs. */
    private void synchronousCommit(boolean on) throws java.sql.SQLException {
        try (var c = embedded.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute(on ? "alter system reset synchronous_commit" : "alter system set synchronous_commit = off");
            st.execute("select pg_reload_conf()");
        }
    }

    /** PostgreSQL's own group commit: a committing backend waits commit_delay µs when commit_siblings others are in a transaction. */
    private void commitDelay(boolean on) throws java.sql.SQLException {
        try (var c = embedded.getPostgresDatabase().getConnection(); var st = c.createStatement()) {
            st.execute(on ? "alter system set commit_delay = 1000" : "alter system reset commit_delay");
            st.execute(on ? "alter system set commit_siblings = 2" : "alter system reset commit_siblings");
            st.execute("select pg_reload_conf()");
        }
    }

    private double run(String label, Runnable open, boolean auditOn, long seconds) throws InterruptedException {
        audit.switchTo(auditOn);
        AtomicLong count = new AtomicLong();
        long cpuBefore = cpuNanos();
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
        // the rows of this mode are sealed inside its CPU window (unless the sealer is paused): sealing is part of the cost
        if (!sealerPaused) {
            seals.sealAllCommitted(60_000);
        }
        double cpuMsPerOpen = (cpuNanos() - cpuBefore) / 1e6 / Math.max(1, count.get());
        double perSecond = count.get() / (double) seconds;
        System.out.printf("%s %8.0f files/s, %.3f ms CPU per open (JVM + PostgreSQL)%n", label, perSecond, cpuMsPerOpen);
        cpuPerOpen.merge(label, new double[] {cpuMsPerOpen, 1}, (a, b) -> new double[] {a[0] + b[0], a[1] + b[1]});
        return perSecond;
    }

    /** Per mode: the sum of CPU ms per open over the rounds, and the number of rounds. */
    private final java.util.Map<String, double[]> cpuPerOpen = new java.util.LinkedHashMap<>();

    /**
     * CPU time of this JVM (the application and the benchmark's threads, the sealer included) plus the
     * embedded PostgreSQL: its postmaster, its running children, and the children it has reaped.
     */
    private long cpuNanos() {
        long jvm = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        long postmaster = postmasterPid();
        long ticks = 0;
        java.io.File[] procs = new java.io.File("/proc").listFiles((d, n) -> n.chars().allMatch(Character::isDigit));
        for (java.io.File proc : procs == null ? new java.io.File[0] : procs) {
            String[] f = stat(proc.getName());
            if (f == null) {
                continue;
            }
            long pid = Long.parseLong(proc.getName());
            if (pid == postmaster) {
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
            } else if (Long.parseLong(f[1]) == postmaster) {
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            }
        }
        return jvm + ticks * 10_000_000L; // USER_HZ = 100
    }

    private long postmaster = -1;
    private boolean sealerPaused;

    private long postmasterPid() {
        if (postmaster < 0) {
            int backend = jdbc.sql("select pg_backend_pid()").query(Integer.class).single();
            postmaster = Long.parseLong(stat(String.valueOf(backend))[1]);
        }
        return postmaster;
    }

    /** /proc/<pid>/stat after the command name: [0] state, [1] ppid, …, [11] utime, [12] stime, [13] cutime, [14] cstime. */
    private static String[] stat(String pid) {
        try {
            String line = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", pid, "stat"));
            return line.substring(line.lastIndexOf(')') + 2).split(" ");
        } catch (java.io.IOException | RuntimeException gone) {
            return null;
        }
    }
}
