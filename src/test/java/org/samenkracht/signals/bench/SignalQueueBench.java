package org.samenkracht.signals.bench;

import org.samenkracht.SamenkrachtApplication;
import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.Role;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The triage queue page (GET /signals, signed in, rendered HTML) with 10 000 open signals in 50 teams
 * (and 20 000 closed ones beside them), against the raw SQL of the same page (the 50 rows, the counts,
 * the teams) in the same run. Aim: page p95 &lt;= 50 ms. Run through bench/signals/run.sh; never part of the tests.
 */
public final class SignalQueueBench {

    static final UUID ORG = UUID.fromString("00000000-0000-4000-8000-0000000c0001");
    static final UUID PRO = UUID.fromString("00000000-0000-4000-8000-0000000c0002");

    public static void main(String[] args) throws Exception {
        int open = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(SamenkrachtApplication.class)
                .run("--server.port=0", "--samenkracht.demo.enabled=false",
                        "--samenkracht.data-dir=" + System.getProperty("bench.data-dir", "/tmp/signals-bench-pg"),
                        "--logging.level.root=WARN")) {
            run(ctx, open, samples);
        }
    }

    static void run(ConfigurableApplicationContext ctx, int open, int samples) throws Exception {
        JdbcClient jdbc = ctx.getBean(JdbcClient.class);
        Accounts accounts = ctx.getBean(Accounts.class);
        accounts.ensureOrganisation(ORG, "Benchmark municipality (signals)");
        if (!accounts.exists(PRO)) {
            accounts.create(new Accounts.NewAccount(PRO, ORG, "bench-signals", "bench-password-1", "Bench", Role.PROFESSIONAL, null));
        }
        jdbc.sql("delete from signal_alert where organisation_id = ?").param(ORG).update();
        jdbc.sql("delete from signal where organisation_id = ?").param(ORG).update();
        long t0 = System.nanoTime();
        jdbc.sql("""
                insert into signal (id, organisation_id, team, reference, partner_kind, channel, recorded_by, subject_name,
                  subject_key, noticed, received_at, kind, due_at, status, score_total, taken_up, closed_at, close_reason)
                select gen_random_uuid(), ?, 'team-' || lpad(cast(g % 50 as text), 2, '0'), 'B-' || g,
                  (array['PHARMACY','GP','HOUSING','POLICE','RESIDENT'])[1 + g % 5], 'PHONE', ?, 'Persoon ' || g,
                  md5(cast(g % 7000 as text)), 'Iets gezien', now() - make_interval(hours => g % 900),
                  (array['ACUTE','URGENT','REGULAR','WEAK'])[1 + g % 4],
                  now() + make_interval(mins => (g * 37) % 20000 - 4000),
                  case when g > ? then 'CLOSED' when g % 3 = 0 then 'RECEIVED' when g % 3 = 1 then 'TRIAGED' else 'OUTREACH' end,
                  case when g % 3 = 0 and g <= ? then null else g % 11 end,
                  case when g % 3 = 0 and g <= ? then null else true end,
                  case when g > ? then now() end, case when g > ? then 'HELPED' end
                from generate_series(1, ?) g""")
                .params(ORG, PRO, open, open, open, open, open, open * 3).update();
        jdbc.sql("analyze signal").update();
        System.out.printf("data: %d open signals in 50 teams, %d closed, inserted in %d ms; machine: %d cores%n", open, open * 2,
                (System.nanoTime() - t0) / 1_000_000, Runtime.getRuntime().availableProcessors());

        int port = ((WebServerApplicationContext) ctx).getWebServer().getPort();
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
        signIn(http, port);
        String base = "http://localhost:" + port;
        Supplier<Integer> page = () -> get(http, base + "/signals");
        Supplier<Integer> teamPage = () -> get(http, base + "/signals?team=team-07");
        String body = body(http, base + "/signals");
        if (!body.contains("B-")) {
            throw new IllegalStateException("the queue page does not show the benchmark's signals");
        }
        Supplier<Integer> raw = () -> rawSql(jdbc, null);
        Supplier<Integer> rawTeam = () -> rawSql(jdbc, "team-07");
        for (int i = 0; i < 40; i++) {
            page.get();
            raw.get();
            teamPage.get();
            rawTeam.get();
        }
        report("QUEUE page, all teams", measure(samples, page), measure(samples, raw));
        report("QUEUE page, one team", measure(samples, teamPage), measure(samples, rawTeam));
    }

    /** The same reads the page makes (the 50 rows; the counts and the team list in one pass), as bare SQL. */
    static int rawSql(JdbcClient jdbc, String team) {
        var rowsQuery = jdbc.sql("""
                select id, reference, team, partner_kind, channel, received_at, kind, status, due_at, escalated_at,
                  score_total, subject_name, triaged_at
                from signal where organisation_id = :org and status <> 'CLOSED'""" + (team == null ? "" : " and team = :team") + " order by due_at, id limit 50").param("org", ORG);
        if (team != null) {
            rowsQuery = rowsQuery.param("team", team);
        }
        int rows = rowsQuery.query().listOfRows().size();
        jdbc.sql("""
                select team, count(*), count(*) filter (where due_at < now()), count(*) filter (where kind = 'ACUTE')
                from signal where organisation_id = ? and status <> 'CLOSED' group by team order by team""")
                .param(ORG).query().listOfRows();
        return rows;
    }

    static void signIn(HttpClient http, int port) throws Exception {
        String login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(login);
        if (!m.find()) {
            m = Pattern.compile("value=\"([^\"]+)\"[^>]*name=\"_csrf\"").matcher(login);
            m.find();
        }
        String form = "username=bench-signals&password=bench-password-1&_csrf=" + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302 || r.headers().firstValue("Location").orElse("").contains("error")) {
            throw new IllegalStateException("sign-in failed: " + r.statusCode() + " " + r.headers().map());
        }
    }

    static int get(HttpClient http, String url) {
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + r.statusCode());
            }
            return r.body().length;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String body(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static double[] measure(int samples, Supplier<Integer> work) {
        double[] ms = new double[samples];
        for (int i = 0; i < samples; i++) {
            long t = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    static void report(String what, double[] page, double[] raw) {
        System.out.printf("%s: p50 %.1f ms, p95 %.1f ms, max %.1f ms | raw SQL p50 %.1f ms, p95 %.1f ms | aim p95 <= 50 ms: %s%n",
                what, pct(page, 50), pct(page, 95), page[page.length - 1], pct(raw, 50), pct(raw, 95),
                pct(page, 95) <= 50 ? "MET" : "NOT MET");
    }

    static double pct(double[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
