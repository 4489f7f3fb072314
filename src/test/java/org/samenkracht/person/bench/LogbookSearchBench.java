package org.samenkracht.person.bench;

import org.junit.jupiter.api.Test;
import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.Role;
import org.samenkracht.person.Logbook;
import org.samenkracht.person.internal.DialogueStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Benchmark, run on purpose (bench/dialogue/run.sh), never in the suite (the class name does not end in Test).
 * 100k persons in 50 teams, 1M logbook entries, generated with SQL in its own embedded data dir.
 * Measures the Dutch full-text search over one team's logbooks through the application (access gate,
 * audit, mapping) against the same SQL run raw over JDBC, in the same run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"samenkracht.data-dir=/tmp/dialogue-bench-pg", "samenkracht.demo.enabled=false"})
class LogbookSearchBench {

    static final UUID TEAM = UUID.fromString("00000000-0000-4000-8000-00000000b001");
    static final UUID BENCH_USER = UUID.fromString("00000000-0000-4000-8000-00000000b101");
    static final int TEAMS = 50;
    static final int PERSONS = 100_000;
    static final int ENTRIES = Integer.getInteger("bench.entries", 1_000_000);
    static final int WARMUP = 50;
    static final int RUNS = 400;
    static final List<String> QUERIES = List.of("huisbezoek", "boodschap", "rekeningen post", "eenzaam", "kennismaking",
            "verhuizing", "\"samen koken\"", "mantelzorger overbelast", "voetbal", "buurvrouw", "afspraak huisarts");

    static final List<String> WORDS = List.of("samen", "boodschappen", "gedaan", "rekeningen", "post", "geordend",
            "eenzaam", "voelt", "zich", "buurvrouw", "helpt", "mantelzorger", "overbelast", "afspraak", "huisarts",
            "voetbal", "training", "verhuizing", "gepland", "koken", "huishouden", "schoonmaken", "kinderen", "school",
            "brieven", "gemeente", "werk", "sollicitatie", "vrijwilliger", "maatje", "wandelen", "park", "medicijnen",
            "apotheek", "thuiszorg", "dagbesteding", "buurthuis", "koffie", "praatgroep", "schulden", "budget",
            "formulier", "taalles", "familie", "zus", "broer", "vriend", "huisbezoeken", "telefonisch", "gesproken",
            "rustig", "moe", "blij", "zorgen", "verdrietig", "sterk", "kennismakingsgesprek");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    Accounts accounts;
    @Autowired
    Logbook logbook;

    @Test
    void logbook_search_of_one_team() throws Exception {
        generate();
        List<String> lines = new ArrayList<>();
        long teamEntries = jdbc.sql("select count(*) from logbook_entry where organisation_id = ?").param(TEAM).query(Long.class).single();
        lines.add(String.format(Locale.ROOT, "data: %d persons, %d logbook entries, team of %d persons with %d entries",
                jdbc.sql("select count(*) from person").query(Long.class).single(),
                jdbc.sql("select count(*) from logbook_entry").query(Long.class).single(),
                jdbc.sql("select count(*) from care_team_member where user_id = ?").param(BENCH_USER).query(Long.class).single(),
                teamEntries));
        lines.add(String.format(Locale.ROOT, "average hits per query (limit %d): %.1f", Logbook.MAX_HITS,
                QUERIES.stream().mapToInt(q -> raw(q)).average().orElse(0)));

        for (String q : List.of("huisbezoek", "\"samen koken\"", "kennismaking", "gesprek")) {
            lines.add("plan for " + q + " (" + searchQuery(q) + "):");
            jdbc.sql("explain (analyze, buffers, costs off) " + DialogueStore.SEARCH_CASELOAD_SQL)
                    .params(TEAM, searchQuery(q), BENCH_USER, Logbook.MAX_HITS).query(String.class).list()
                    .forEach(l -> lines.add("    " + l));
        }
        // Interleave per round so both paths see the same cache state.
        double[] app = new double[RUNS];
        double[] raw = new double[RUNS];
        double[] prefix = new double[RUNS];
        double[] storeOnly = new double[RUNS];
        for (int i = 0; i < WARMUP; i++) {
            String q = QUERIES.get(i % QUERIES.size());
            appSearch(q);
            raw(q);
            rawPrefix(q);
            storeSearch(q);
        }
        for (int i = 0; i < RUNS; i++) {
            String q = QUERIES.get(i % QUERIES.size());
            app[i] = time(() -> appSearch(q));
            raw[i] = time(() -> raw(q));
            prefix[i] = time(() -> rawPrefix(q));
            storeOnly[i] = time(() -> storeSearch(q));
        }
        lines.add(row("application (Logbook.search: gate + audit + mapping)", app));
        lines.add(row("raw SQL (same queries over JDBC: LEXEMES_SQL, then SEARCH_CASELOAD_SQL)", raw));
        lines.add(row("store only (DialogueStore.searchCaseload: the same two queries through JdbcClient, no gate, no audit, no transaction)", storeOnly));
        lines.add(row("raw SQL with stemmed prefixes (the search before: to_tsquery('dutch', wordForms))", prefix));
        lines.add(String.format(Locale.ROOT, "same number of hits, lexemes vs prefixes: %d of %d queries",
                QUERIES.stream().filter(q -> raw(q) == rawPrefix(q)).count(), QUERIES.size()));
        lines.add(String.format(Locale.ROOT, "p95 ratio application / raw: %.2f", pct(app, 95) / pct(raw, 95)));
        double appTput = throughput(2, this::appSearch);
        double rawTput = throughput(2, this::raw);
        lines.add(String.format(Locale.ROOT, "throughput with 2 threads for 10 s: application %.0f/s, raw %.0f/s (ratio %.2f)",
                appTput, rawTput, appTput / rawTput));
        String report = String.join("\n", lines);
        System.out.println("\n=== logbook search benchmark ===\n" + report + "\n");
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/dialogue-logbook-search.txt"), report + "\n");
    }

    @Autowired
    DialogueStore store;

    private int storeSearch(String q) {
        return store.searchCaseload(BENCH_USER, TEAM, q, Logbook.MAX_HITS).size();
    }

    private int appSearch(String q) {
        int[] n = new int[1];
        accounts.runAs(BENCH_USER, () -> n[0] = logbook.search(q).size());
        return n[0];
    }

    private int raw(String q) {
        try (Connection c = dataSource.getConnection()) {
            return hits(c, DialogueStore.SEARCH_CASELOAD_SQL, searchQuery(c, q));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static final String PREFIX_SQL = DialogueStore.SEARCH_CASELOAD_SQL.replace("?::tsquery", "to_tsquery('dutch', ?)");

    private int rawPrefix(String q) {
        try (Connection c = dataSource.getConnection()) {
            return hits(c, PREFIX_SQL, DialogueStore.wordForms(q));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs one of the two caseload searches over JDBC and reads its rows as the page would. */
    private static int hits(Connection c, String sql, String query) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, TEAM);
            ps.setString(2, query);
            ps.setObject(3, BENCH_USER);
            ps.setInt(4, Logbook.MAX_HITS);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getObject(1);
                    rs.getString(6);
                    n++;
                }
            }
            return n;
        }
    }

    private String searchQuery(String q) {
        try (Connection c = dataSource.getConnection()) {
            return searchQuery(c, q);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The word forms of the query as the team's real lexemes: DialogueStore.LEXEMES_SQL run raw on the same connection. */
    private static String searchQuery(Connection c, String q) throws java.sql.SQLException {
        java.util.Map<Integer, List<String>> lexemes = new java.util.TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(DialogueStore.LEXEMES_SQL)) {
            ps.setArray(1, c.createArrayOf("text", DialogueStore.searchWords(q)));
            ps.setArray(2, c.createArrayOf("boolean", DialogueStore.searchExpands(q)));
            ps.setObject(3, TEAM);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    lexemes.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
        }
        return DialogueStore.tsquery(q, lexemes);
    }

    private static double time(Supplier<Integer> work) {
        long t = System.nanoTime();
        work.get();
        return (System.nanoTime() - t) / 1_000_000.0;
    }

    private static double throughput(int threads, java.util.function.Function<String, Integer> work) throws InterruptedException {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + 10_000_000_000L;
        List<Thread> pool = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            Thread th = new Thread(() -> {
                int i = offset;
                while (System.nanoTime() < end) {
                    work.apply(QUERIES.get(i++ % QUERIES.size()));
                    done.incrementAndGet();
                }
            });
            pool.add(th);
            th.start();
        }
        for (Thread th : pool) {
            th.join();
        }
        return done.get() / 10.0;
    }

    private static double pct(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(p / 100.0 * sorted.length) - 1];
    }

    private static String row(String name, double[] ms) {
        return String.format(Locale.ROOT, "%s: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, mean %.1f ms (%d runs)",
                name, pct(ms, 50), pct(ms, 95), pct(ms, 99), Arrays.stream(ms).average().orElse(0), ms.length);
    }

    /** 50 teams, 100k persons, 1M entries; the bench user is in the care team of everyone in team 1. Idempotent. */
    private void generate() {
        long have = jdbc.sql("select count(*) from logbook_entry").query(Long.class).single();
        if (have >= ENTRIES) {
            return;
        }
        long t0 = System.nanoTime();
        jdbc.sql("""
                insert into organisation (id, name)
                select ('00000000-0000-4000-8000-' || lpad(to_hex(45056 + g), 12, '0'))::uuid, 'Bench team ' || g
                from generate_series(1, ?) g on conflict do nothing""").param(TEAMS).update();
        if (!accounts.exists(BENCH_USER)) {
            accounts.create(new Accounts.NewAccount(BENCH_USER, TEAM, "bench-team-1", "bench-password-1", "Bench team 1",
                    Role.PROFESSIONAL, null));
        }
        jdbc.sql("""
                insert into person (id, organisation_id, given_name, family_name, date_of_birth, registered_by)
                select md5('bench-person-' || g)::uuid,
                       ('00000000-0000-4000-8000-' || lpad(to_hex(45056 + 1 + (g % ?)), 12, '0'))::uuid,
                       (array['Jan','An','Mohamed','Lotte','Piet','Sara','Youssef','Els','Bram','Noor'])[1 + g % 10],
                       'Bench ' || g, ?::date - (g % 30000), ?
                from generate_series(1, ?) g on conflict do nothing""")
                .params(TEAMS, LocalDate.of(2005, 1, 1), BENCH_USER, PERSONS).update();
        jdbc.sql("""
                insert into care_team_member (person_id, user_id, organisation_id, team_role)
                select id, ?, organisation_id, 'PROFESSIONAL' from person where organisation_id = ?
                on conflict do nothing""").params(BENCH_USER, TEAM).update();
        ownerJdbc().sql("drop index if exists logbook_entry_search_idx").update();
        ownerJdbc().sql("drop index if exists logbook_entry_person_idx").update();
        ownerJdbc().sql("drop index if exists logbook_entry_team_time_idx").update();
        jdbc.sql("""
                insert into logbook_entry (id, organisation_id, person_id, kind, occurred_at, text, author_id)
                select md5('bench-entry-' || g)::uuid,
                       ('00000000-0000-4000-8000-' || lpad(to_hex(45056 + 1 + (n % ?)), 12, '0'))::uuid,
                       md5('bench-person-' || n)::uuid,
                       (array['CONTACT','PHONE_CALL','HOME_VISIT','MESSAGE','OTHER'])[1 + g % 5],
                       timestamptz '2026-11-01' - make_interval(mins => (g * 7) % 1000000),
                       (array['Huisbezoek:','Telefoongesprek:','Contactmoment:','Bericht:','Overleg:'])[1 + g % 5] || ' ' ||
                       (select string_agg(words[1 + (floor(random() * array_length(words, 1))::int + 0 * s.i)], ' ')
                        from generate_series(1, 8 + (g % 7)) s(i)) as text,
                       ?
                from generate_series(1, ?) g, lateral (select 1 + (g::bigint * 7919) % ? as n) p,
                     (select ?::text[] as words) w
                on conflict do nothing""").params(TEAMS, BENCH_USER, ENTRIES, PERSONS, "{" + String.join(",", WORDS) + "}").update();
        ownerJdbc().sql("create index logbook_entry_person_idx on logbook_entry (person_id, occurred_at desc)").update();
        ownerJdbc().sql("create index logbook_entry_search_idx on logbook_entry using gin (organisation_id, search)").update();
        ownerJdbc().sql("create index if not exists logbook_entry_team_time_idx on logbook_entry (organisation_id, occurred_at desc)").update();
        ownerJdbc().sql("vacuum analyze logbook_entry").update();
        ownerJdbc().sql("analyze person").update();
        ownerJdbc().sql("analyze care_team_member").update();
        System.out.printf(Locale.ROOT, "generated in %.0f s%n", (System.nanoTime() - t0) / 1e9);
    }

    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("ownerDataSource")
    javax.sql.DataSource ownerDataSource;

    /** Indexes and statistics belong to the schema's owner. */
    JdbcClient ownerJdbc() {
        return JdbcClient.create(ownerDataSource);
    }
}
