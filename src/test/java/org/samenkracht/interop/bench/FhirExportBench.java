package org.samenkracht.interop.bench;

import ca.uhn.fhir.context.FhirContext;
import org.junit.jupiter.api.Test;
import org.samenkracht.identity.Accounts;
import org.samenkracht.interop.FhirReads;
import org.samenkracht.network.Network;
import org.samenkracht.operations.internal.generate.MunicipalityGenerator;
import org.samenkracht.person.Persons;
import org.samenkracht.plan.Plans;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * Benchmark (run on purpose with bench/interop/run.sh, not part of the test suite): the FHIR export of
 * N persons' bundles ({@code $everything}: every part read through the access gate, audited, encoded as
 * JSON) against the page-shaped reads of the same persons (what the dossier page asks: person, four
 * questions, network, plan), in the same run, on a synthetic municipality of its own data folder.
 */
@SpringBootTest(properties = {"samenkracht.data-dir=target/bench-interop-pg", "samenkracht.demo.enabled=false"})
class FhirExportBench {

    static final int PERSONS = Integer.getInteger("bench.persons", 10_000);
    static final int THREADS = Integer.getInteger("bench.threads", 2);

    @Autowired
    MunicipalityGenerator generator;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Accounts accounts;
    @Autowired
    FhirReads reads;
    @Autowired
    Persons persons;
    @Autowired
    Network network;
    @Autowired
    Plans plans;

    record Subject(UUID person, UUID professional) {
    }

    @Test
    void export_against_page_shaped_reads() throws Exception {
        long have = jdbc.sql("select count(*) from person").query(Long.class).single();
        if (have < PERSONS) {
            long t = System.nanoTime();
            generator.generate(42, PERSONS, line -> { });
            System.out.printf("RESULT generated %d persons in %.1f s%n", PERSONS, (System.nanoTime() - t) / 1e9);
        }
        List<Subject> subjects = jdbc.sql("""
                select distinct on (m.person_id) m.person_id, m.user_id from care_team_member m
                join app_user u on u.id = m.user_id where u.role = 'PROFESSIONAL' order by m.person_id, m.user_id limit ?""")
                .param(PERSONS).query((rs, i) -> new Subject(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
        var json = FhirContext.forR4Cached().newJsonParser();
        AtomicLong bytes = new AtomicLong();
        // warm-up on a few, then the two measures in the same run, pages first then exports, then pages again
        run("warm-up", subjects.subList(0, Math.min(200, subjects.size())), (s, n) ->
                bytes.addAndGet(json.encodeResourceToString(reads.everything(s.person(), "http://bench/fhir")).length()));
        bytes.set(0);
        double pages1 = run("page-shaped reads", subjects, (s, n) -> {
            persons.get(s.person());
            persons.fourQuestions(s.person());
            network.profiles(s.person());
            plans.current(s.person());
        });
        double exports = run("FHIR bundles", subjects, (s, n) ->
                bytes.addAndGet(json.encodeResourceToString(reads.everything(s.person(), "http://bench/fhir")).length()));
        double pages2 = run("page-shaped reads again", subjects, (s, n) -> {
            persons.get(s.person());
            persons.fourQuestions(s.person());
            network.profiles(s.person());
            plans.current(s.person());
        });
        System.out.printf("RESULT %d persons, %d threads: export %.1f bundles/s (%.1f KB per bundle), page-shaped %.1f / %.1f files/s, export/page %.0f %%%n",
                subjects.size(), THREADS, exports, bytes.get() / 1024.0 / subjects.size(), pages1, pages2,
                100 * exports / ((pages1 + pages2) / 2));
    }

    private double run(String name, List<Subject> subjects, BiConsumer<Subject, Integer> work) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        AtomicLong done = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        for (int i = 0; i < subjects.size(); i++) {
            Subject s = subjects.get(i);
            int n = i;
            pool.submit(() -> {
                try {
                    accounts.runAs(s.professional(), () -> work.accept(s, n));
                    done.incrementAndGet();
                } catch (RuntimeException e) {
                    if (failed.incrementAndGet() < 3) {
                        e.printStackTrace();
                    }
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.HOURS);
        double seconds = (System.nanoTime() - start) / 1e9;
        double rate = done.get() / seconds;
        System.out.printf("RESULT %s: %d in %.1f s = %.1f/s (%d failed)%n", name, done.get(), seconds, rate, failed.get());
        return rate;
    }
}
