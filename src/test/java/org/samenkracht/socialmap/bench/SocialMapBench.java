package org.samenkracht.socialmap.bench;

import org.samenkracht.vocabulary.Intensity;
import org.samenkracht.vocabulary.Layer;
import org.samenkracht.vocabulary.LifeDomain;
import org.postgresql.PGConnection;
import org.samenkracht.SamenkrachtApplication;
import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.Role;
import org.samenkracht.socialmap.MatchingPolicy;
import org.samenkracht.socialmap.OfferImports;
import org.samenkracht.socialmap.OfferRow;
import org.samenkracht.socialmap.OfferTerms;
import org.samenkracht.socialmap.SearchQuery;
import org.samenkracht.socialmap.SocialMap;
import org.samenkracht.socialmap.internal.OfferStore;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Benchmarks of the social map on a generated map of 100k offers, each against a bare baseline in
 * the same run: matching top 10 (vs. a bare SQL query), full-text search with facets (vs. a bare
 * full-text query) and import of 100k offers from CSV (vs. a plain COPY of the same file).
 * Run through bench/socialmap/run.sh; never part of the test suite. {@code -Dbench.only=import} measures the
 * import alone (with {@code -Dbench.import-runs=N} runs of a fresh import).
 */
public final class SocialMapBench {

    static final UUID ORG = UUID.fromString("00000000-0000-4000-8000-0000000b0001");
    static final UUID ADMIN = UUID.fromString("00000000-0000-4000-8000-0000000b0002");
    static final String[] WORDS = ("eenzaamheid ontmoeten koffie praatje wandelen bewegen opruimen huishouden schulden "
            + "budget papieren brieven taal nederlands opvoeding kinderen jongeren ouderen mantelzorg oppas vervoer "
            + "boodschappen maaltijd koken tuinieren computer werk vrijwilligerswerk wonen huur premie verzorging "
            + "verpleging psycholoog somberheid angst lotgenoten buren klussen fietsen herstellen spelen muziek sport").split(" ");
    static final String[] HOURS = {"", "MO-FR 09:00-17:00", "MO-FR 09:00-12:00", "TU 13:30-16:30", "WE 14:00-16:30",
            "SA 10:00-13:00", "MO 18:00-19:00, TH 10:00-11:00", "MO-SU 07:00-21:00"};

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(SamenkrachtApplication.class)
                .run("--server.port=0", "--samenkracht.demo.enabled=false",
                        "--samenkracht.data-dir=" + System.getProperty("bench.data-dir", "/tmp/socialmap-bench-pg"),
                        "--logging.level.root=WARN",
                        // the import's time per phase (read, check, compare, write, rank rows, analyze)
                        "--logging.level.org.samenkracht.socialmap.OfferImports=DEBUG",
                        "--logging.level.org.samenkracht.socialmap.internal.OfferImporter=DEBUG")) {
            new SocialMapBench(ctx).run(n, samples);
        }
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Accounts accounts;
    private final OfferImports imports;
    private final SocialMap socialMap;
    private final OfferStore offers;
    private final org.samenkracht.socialmap.Matching matching;

    SocialMapBench(ConfigurableApplicationContext ctx) {
        this.jdbc = ctx.getBean(JdbcClient.class);
        this.dataSource = ctx.getBean(DataSource.class);
        this.accounts = ctx.getBean(Accounts.class);
        this.imports = ctx.getBean(OfferImports.class);
        this.socialMap = ctx.getBean(SocialMap.class);
        this.offers = ctx.getBean(OfferStore.class);
        this.matching = ctx.getBean(org.samenkracht.socialmap.Matching.class);
    }

    void run(int n, int samples) throws Exception {
        accounts.ensureOrganisation(ORG, "Benchmark municipality");
        if (!accounts.exists(ADMIN)) {
            accounts.create(new Accounts.NewAccount(ADMIN, ORG, "bench-admin", "bench-password-1", "Bench", Role.ADMINISTRATOR, null));
        }
        if (Boolean.getBoolean("bench.reuse")) {
            // the map the previous run left (run the class directly, not through run.sh, which starts afresh)
            matchingOnly(samples);
            return;
        }
        byte[] csv = generate(n, new Random(42));
        System.out.printf("machine: %d cores; map: %d offers, CSV %.1f MB%n", Runtime.getRuntime().availableProcessors(), n,
                csv.length / 1e6);

        // ---------------------------------------------------------------- import
        clear();
        long copy = copyBaseline(csv);
        int runs = Integer.getInteger("bench.import-runs", 2);
        long[] importMs = new long[runs];
        for (int i = 0; i < runs; i++) {
            clear();
            long t0 = System.nanoTime();
            OfferImports.Job[] job = new OfferImports.Job[1];
            accounts.runAs(ADMIN, () -> job[0] = imports.importNow("bench.csv", OfferImports.Format.CSV, csv));
            importMs[i] = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("import run %d: %d ms, status %s, accepted %d, refused %d%n", i + 1, importMs[i],
                    job[0].status(), job[0].accepted(), job[0].refused());
        }
        long t0 = System.nanoTime();
        OfferImports.Job[] again = new OfferImports.Job[1];
        accounts.runAs(ADMIN, () -> again[0] = imports.importNow("bench.csv", OfferImports.Format.CSV, csv));
        long reimport = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("IMPORT %d offers: %d ms (best of " + runs + ") | baseline COPY %d ms | ratio %.1fx | re-import of the same file %d ms (unchanged %d)%n",
                n, Arrays.stream(importMs).min().orElseThrow(), copy, Arrays.stream(importMs).min().orElseThrow() / (double) copy, reimport,
                again[0].unchanged());
        if ("import".equals(System.getProperty("bench.only"))) {
            return;  // -Dbench.only=import: the import figures alone, without matching and search
        }
        jdbc.sql("analyze socialmap_offer").update();
        jdbc.sql("analyze socialmap_location").update();

        matchingOnly(samples);
        searching(samples);
    }

    void matchingOnly(int samples) throws Exception {
        // ---------------------------------------------------------------- matching top 10
        Random r = new Random(7);
        List<MatchingPolicy.Request> requests = new ArrayList<>();
        List<double[]> places = new ArrayList<>();
        for (int i = 0; i < samples + WARMUP; i++) {
            requests.add(new MatchingPolicy.Request(Set.of(LifeDomain.values()[r.nextInt(8)]),
                    "ik wil " + WORDS[r.nextInt(WORDS.length)] + " en " + WORDS[r.nextInt(WORDS.length)],
                    Set.of(OfferTerms.TargetGroup.values()[1 + r.nextInt(9)]), r.nextBoolean() ? "nl" : null,
                    r.nextInt(3) == 0 ? Set.of(DayOfWeek.of(1 + r.nextInt(7))) : Set.of(),
                    r.nextInt(4) == 0 ? Set.of(Layer.INDIVIDUAL_PROFESSIONAL) : Set.of(), Set.of()));
            places.add(new double[]{51.05 + (r.nextDouble() - 0.5) * 0.3, 4.40 + (r.nextDouble() - 0.5) * 0.45});
        }
        LocalDate staleBefore = LocalDate.now().minusDays(365);
        jdbc.sql("select relname, n_live_tup, last_analyze, last_autoanalyze, coalesce(last_vacuum, last_autovacuum)"
                        + " from pg_stat_user_tables"
                        + " where relname like 'socialmap_%' order by relname")
                .query((java.sql.ResultSet rs) -> {
                    System.out.printf("stats %s: %d rows, analyzed %s, auto-analyzed %s, vacuumed %s%n", rs.getString(1),
                            rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5));
                });
        for (int i = 0, e = Integer.getInteger("bench.explain", 0); i < e; i++) {
            var q = new OfferStore.CandidateQuery(ORG, requests.get(i), places.get(i)[0], places.get(i)[1],
                    socialMap.staleBefore(), true, 50, 15.0);
            System.out.println("EXPLAIN fast " + i + ": " + requests.get(i));
            offers.explain(q, true, 10).forEach(System.out::println);
            if (Boolean.getBoolean("bench.explain-full")) {
                System.out.println("EXPLAIN full " + i);
                offers.explain(q, false, 10).forEach(System.out::println);
            }
        }
        if (Boolean.getBoolean("bench.explain-only")) {
            return;
        }
        int[] k = {0};
        double[] match = measure(samples, () -> {
            int i = k[0]++;
            var req = requests.get(i);
            return matching.top(ORG, req, places.get(i)).size();
        });
        k[0] = 0;
        double[] matchBase = measure(samples, () -> {
            int i = k[0]++;
            var req = requests.get(i);
            double lat = places.get(i)[0];
            double lon = places.get(i)[1];
            double dLat = 15 / 111.0;
            double dLon = 15 / (111.0 * Math.cos(Math.toRadians(lat)));
            return jdbc.sql("""
                    select o.id, o.name from socialmap_offer o where o.organisation_id = ? and o.domains @> array[cast(? as text)]
                    and o.id in (select offer_id from socialmap_location where latitude between ? and ? and longitude between ? and ?)
                    order by (select min(socialmap_km(?, ?, l.latitude, l.longitude)) from socialmap_location l
                    where l.offer_id = o.id) limit 10""")
                    .params(ORG, req.domains().iterator().next().name(), lat - dLat, lat + dLat, lon - dLon, lon + dLon, lat, lon)
                    .query().listOfRows().size();
        });
        report("MATCH top 10", match, matchBase);
        if ("fast".equals(System.getProperty("bench.only"))) {
            k[0] = 0;
            report("MATCH top 10 (the same requests again)", measure(samples, () -> {
                int i = k[0]++;
                return matching.top(ORG, requests.get(i), places.get(i)).size();
            }), matchBase);
            return;  // -Dbench.only=fast (with bench.reuse): the fast ranking and its baseline alone, to profile it
        }
        k[0] = 0;
        double[] full = measure(samples, () -> {
            int i = k[0]++;
            return matching.topByFullScan(ORG, requests.get(i), places.get(i)).size();
        });
        report("MATCH top 10 by scoring every fitting offer (the ranking before issue 16 item 4)", full, matchBase);
        int same = 0;
        for (int i = 0; i < requests.size(); i++) {
            var a = matching.top(ORG, requests.get(i), places.get(i)).stream().map(m -> m.offer().id() + "@" + m.score()).toList();
            var b = matching.topByFullScan(ORG, requests.get(i), places.get(i)).stream().map(m -> m.offer().id() + "@" + m.score()).toList();
            same += a.equals(b) ? 1 : 0;
        }
        System.out.printf("MATCH fast ranking equal to the full ranking for %d of %d requests%n", same, requests.size());
        int threads = 8;
        int perThread = Integer.getInteger("bench.concurrent-calls", 100);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        long c0 = System.nanoTime();
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            futures.add(pool.submit(() -> {
                for (int j = 0; j < perThread; j++) {
                    int i = next.getAndIncrement() % requests.size();
                    matching.top(ORG, requests.get(i), places.get(i));
                }
            }));
        }
        for (var f : futures) {
            f.get();
        }
        double seconds = (System.nanoTime() - c0) / 1e9;
        pool.shutdown();
        System.out.printf("MATCH with %d concurrent: %d matches in %.2f s = %.0f matches/s%n", threads, threads * perThread,
                seconds, threads * perThread / seconds);

    }

    void searching(int samples) {
        Random r = new Random(11);
        int[] k = {0};
        // ---------------------------------------------------------------- search with facets
        List<SearchQuery> queries = new ArrayList<>();
        for (int i = 0; i < samples + WARMUP; i++) {
            String text = WORDS[r.nextInt(WORDS.length)] + (r.nextBoolean() ? " " + WORDS[r.nextInt(WORDS.length)].substring(0, 3) : "");
            queries.add(new SearchQuery(text, r.nextBoolean() ? Set.of(LifeDomain.values()[r.nextInt(8)]) : Set.of(),
                    null, r.nextInt(3) == 0 ? Set.of(Layer.VOLUNTEER) : Set.of(),
                    r.nextInt(3) == 0 ? Set.of(SearchQuery.Cost.FREE) : Set.of(), null, null, null, null, null, null, 20, 0));
        }
        k[0] = 0;
        double[][] search = new double[1][];
        accounts.runAs(ADMIN, () -> search[0] = measure(samples, () -> socialMap.search(queries.get(k[0]++)).hits().size()));
        k[0] = 0;
        double[] searchBase = measure(samples, () -> {
            SearchQuery q = queries.get(k[0]++);
            return jdbc.sql("select id, name from socialmap_offer where organisation_id = ? and search @@ to_tsquery('dutch_unaccent', ?) limit 20")
                    .params(ORG, q.prefixQuery()).query().listOfRows().size();
        });
        report("SEARCH with facets", search[0], searchBase);
    }

    static void report(String what, double[] ms, double[] base) {
        System.out.printf("%s: p50 %.1f ms, p95 %.1f ms | baseline bare SQL p50 %.1f ms, p95 %.1f ms | p95 ratio %.1fx%n",
                what, ms[0], ms[1], base[0], base[1], ms[1] / base[1]);
    }

    /**
     * Warm-up calls before each measurement ({@code -Dbench.warmup}, default 200): the application runs in this JVM, so the
     * first calls also pay for the JIT and for cold pages; with 20 the p95 was the server's first minute, not its steady state.
     */
    static final int WARMUP = Integer.getInteger("bench.warmup", 200);

    /** p50 and p95 in ms over {@code samples} calls after {@link #WARMUP} warm-up calls. */
    static double[] measure(int samples, Supplier<Integer> call) {
        for (int i = 0; i < WARMUP; i++) {
            call.get();
        }
        double[] ms = new double[samples];
        for (int i = 0; i < samples; i++) {
            long t0 = System.nanoTime();
            call.get();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return new double[]{ms[samples / 2], ms[(int) Math.ceil(samples * 0.95) - 1]};
    }

    void clear() {
        jdbc.sql("delete from socialmap_offer where organisation_id = ?").param(ORG).update();
        jdbc.sql("delete from socialmap_import where organisation_id = ?").param(ORG).update();
        jdbc.sql("vacuum analyze socialmap_offer").update();
    }

    long copyBaseline(byte[] csv) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.createStatement().execute("create temp table bench_copy (" + String.join(" text, ", OfferRow.COLUMNS) + " text)");
            long t0 = System.nanoTime();
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_copy from stdin (format csv, header true)",
                    new ByteArrayInputStream(csv));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            c.createStatement().execute("drop table bench_copy");
            return ms;
        }
    }

    static byte[] generate(int n, Random r) throws Exception {
        StringWriter out = new StringWriter(n * 600);
        org.samenkracht.socialmap.internal.OfferFiles.writeCsvHeader(out);
        Layer[] layers = Layer.forOffers().toArray(Layer[]::new);
        for (int i = 0; i < n; i++) {
            String w1 = WORDS[r.nextInt(WORDS.length)];
            String w2 = WORDS[r.nextInt(WORDS.length)];
            String w3 = WORDS[r.nextInt(WORDS.length)];
            EnumSet<LifeDomain> domains = EnumSet.noneOf(LifeDomain.class);
            for (int d = 0, m = 1 + r.nextInt(3); d < m; d++) {
                domains.add(LifeDomain.values()[r.nextInt(8)]);
            }
            EnumSet<OfferTerms.TargetGroup> groups = EnumSet.noneOf(OfferTerms.TargetGroup.class);
            for (int d = 0, m = 1 + r.nextInt(2); d < m; d++) {
                groups.add(OfferTerms.TargetGroup.values()[r.nextInt(10)]);
            }
            double lat = 51.05 + (r.nextDouble() - 0.5) * 0.4;
            double lon = 4.40 + (r.nextDouble() - 0.5) * 0.6;
            String cost = r.nextInt(3) == 0 ? String.valueOf(1 + r.nextInt(40)) : "0";
            List<String> row = List.of("B-" + i, "Aanbieder " + (i % 5000), OfferTerms.ProviderKind.values()[i % 4].name(),
                    capital(w1) + " en " + w2 + " " + i, "Wij helpen met " + w1 + ", " + w2 + " en " + w3
                            + ". Iedereen is welkom, ook voor een praatje.", w1 + ", " + w3,
                    String.join("|", domains.stream().map(Enum::name).toList()),
                    String.join("|", groups.stream().map(Enum::name).toList()), layers[r.nextInt(3)].name(),
                    Intensity.values()[r.nextInt(3)].name(),
                    String.format(java.util.Locale.ROOT, "Straat %d@%.5f;%.5f", i % 300, lat, lon), "Wijk " + (i % 40),
                    HOURS[r.nextInt(HOURS.length)], OfferTerms.AccessRoute.values()[r.nextInt(3)].name(), cost,
                    String.valueOf(r.nextBoolean()), r.nextInt(4) == 0 ? "nl|fr|ar" : "nl", r.nextBoolean() ? "WHEELCHAIR" : "",
                    String.valueOf(r.nextInt(4) == 0 ? r.nextInt(20) : 0), r.nextInt(3) == 0 ? "" : String.valueOf(r.nextInt(10)),
                    "011 00 00 00", "", "", LocalDate.of(2024, 1, 1).plusDays(r.nextInt(1000)).toString());
            for (int c = 0; c < row.size(); c++) {
                out.write(c == 0 ? "" : ",");
                String v = row.get(c);
                out.write(v.contains(",") ? "\"" + v + "\"" : v);
            }
            out.write("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
