package org.samenkracht.operations.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The raw-SQL baseline of bench/load/run.sh: for each page, the SQL that page needs (its access
 * check, one audit row, and the rows it shows, each in one query) run in one transaction per
 * "page", by N threads over JDBC for the given seconds, against the same database the app uses.
 * Prints {@code RAW <page> <pages per second>}.
 *
 * <p>Usage: RawSqlBench jdbcUrl userId personIds(comma separated) threads seconds page...
 */
public final class RawSqlBench {

    static final String ACCESS = "select exists (select 1 from care_team_member where person_id = ?::uuid and user_id = ?::uuid)";
    static final String AUDIT = """
            insert into audit_event (organisation_id, actor_id, actor_role, person_id, action, resource, ground)
            select organisation_id, ?::uuid, 'PROFESSIONAL', id, 'READ', 'bench', 'CARE_TEAM' from person where id = ?::uuid""";
    static final String PERSON = "select * from person where id = ?::uuid";
    static final String QUESTIONS = """
            select q.*, u.display_name from four_questions q join app_user u on u.id = q.recorded_by
            where q.person_id = ?::uuid order by q.version_no desc limit 1""";
    static final String TEAM = """
            select m.user_id, u.display_name, m.team_role, m.assignment, m.since from care_team_member m
            join app_user u on u.id = m.user_id where m.person_id = ?::uuid order by m.since, u.display_name""";
    static final String NETWORK = "select * from network_member where person_id = ?::uuid order by layer, name";
    static final String PLAN = """
            select p.id, p.status, p.evaluation_date, p.version, g.id, g.position, g.own_words, s.id, s.position,
                   s.description, s.taker, s.network_member_id, s.professional_id
            from support_plan p left join plan_goal g on g.support_plan = p.id left join plan_step s on s.plan_goal = g.id
            where p.person_id = ?::uuid and p.status <> 'ENDED' order by g.position, s.position""";
    static final String CASELOAD = """
            select p.* from care_team_member m join person p on p.id = m.person_id where m.user_id = ?::uuid
            order by p.family_name, p.given_name""";

    /** Per page: the queries it needs (caseload takes the user id, the others the person id). */
    static final Map<String, List<String>> PAGES = Map.of(
            "dossier", List.of(ACCESS, AUDIT, PERSON, QUESTIONS, TEAM, NETWORK, PLAN),
            "caseload", List.of(CASELOAD),
            "plan-page", List.of(ACCESS, AUDIT, PERSON, NETWORK, TEAM, PLAN),
            "network-page", List.of(ACCESS, AUDIT, PERSON, NETWORK),
            "api-person", List.of(ACCESS, AUDIT, PERSON),
            "api-plan", List.of(ACCESS, AUDIT, NETWORK, TEAM, PLAN),
            "api-network", List.of(ACCESS, AUDIT, NETWORK));

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String userId = args[1];
        String[] persons = args[2].split(",");
        int threads = Integer.parseInt(args[3]);
        int seconds = Integer.parseInt(args[4]);
        for (int a = 5; a < args.length; a++) {
            String page = args[a];
            List<String> queries = PAGES.get(page);
            AtomicLong done = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t;
                futures.add(pool.submit(() -> {
                    try (Connection c = DriverManager.getConnection(url)) {
                        c.setAutoCommit(false);
                        List<PreparedStatement> statements = new ArrayList<>();
                        for (String q : queries) {
                            statements.add(c.prepareStatement(q));
                        }
                        for (long n = offset; !stop.get(); n += threads) {
                            String person = persons[(int) (n % persons.length)];
                            for (int i = 0; i < statements.size(); i++) {
                                PreparedStatement st = statements.get(i);
                                String sql = queries.get(i);
                                if (sql == CASELOAD) {
                                    st.setString(1, userId);
                                } else if (sql == ACCESS) {
                                    st.setString(1, person);
                                    st.setString(2, userId);
                                } else if (sql == AUDIT) {
                                    st.setString(1, userId);
                                    st.setString(2, person);
                                } else {
                                    st.setString(1, person);
                                }
                                if (sql == AUDIT) {
                                    st.executeUpdate();
                                } else {
                                    try (ResultSet rs = st.executeQuery()) {
                                        while (rs.next()) {
                                            rs.getObject(1);
                                        }
                                    }
                                }
                            }
                            c.commit();
                            done.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(1000); // warm-up
            long start = done.get();
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long count = done.get() - start;
            double elapsed = (System.nanoTime() - t0) / 1e9;
            stop.set(true);
            for (Future<?> f : futures) {
                f.get(30, TimeUnit.SECONDS);
            }
            pool.shutdown();
            System.out.printf(java.util.Locale.ROOT, "RAW %s %.1f%n", page, count / elapsed);
        }
    }
}
