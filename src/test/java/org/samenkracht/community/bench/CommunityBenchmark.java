package org.samenkracht.community.bench;

import org.samenkracht.SamenkrachtApplication;
import org.samenkracht.community.BuddyMatching;
import org.samenkracht.community.Volunteer;
import org.samenkracht.community.VolunteerMatchingPolicy;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.samenkracht.common.demo.DemoIds.ORGANISATION;

/**
 * Suggesting volunteers for a request among many (default 20 000, a tenth unscreened, a tenth saying it is
 * heavy, one in twenty paused): {@link BuddyMatching#suggest} (the candidates query with the policy's weights,
 * then the policy's eligibility check, score and reasons) against the raw SQL of the same candidates query,
 * in the same run. Prints p50/p95/max per path. Run on purpose: bench/community/run.sh.
 */
public final class CommunityBenchmark {

    /** The raw SQL the candidates query ran before issue 20's measure: every eligible volunteer scored, open matches counted per row. */
    static final String RAW_BEFORE = """
            select v.id, v.name,
                   (case when v.languages && ?::text[] then 20 else -15 end)
                 + (case when v.areas && ?::text[] then 15 else 0 end)
                 + 5 * least(3, cardinality(array(select unnest(v.availability) intersect select unnest(?::text[]))))
                 + 4 * least(3, cardinality(array(select unnest(v.interests) intersect select unnest(?::text[]))))
                 + (case when 'WALKING' = any(v.kinds_of_work) then 10 else 0 end)
                 + (case when coalesce(m.n, 0) = 0 then 3 else 0 end) as score
            from volunteer v
            left join lateral (select count(*) as n, sum(bm.hours_per_week) as h from buddy_match bm
                               where bm.volunteer_id = v.id and bm.status <> 'ENDED') m on true
            where v.organisation_id = ? and v.status = 'ACTIVE'
              and v.conduct_certificate_on is not null and v.intake_on is not null
              and v.training_on is not null and v.agreement_on is not null
              and coalesce(m.n, 0) < v.max_matches and coalesce(m.h, 0) + 2 <= v.hours_per_week
              and (v.reported_load is null or v.reported_load < 4)
            order by score desc, v.name, v.id limit 50""";

    /**
     * The raw SQL of what the candidates query runs now for this request: the volunteers sharing its language
     * or neighbourhood (GIN), open matches and hours read from the volunteer row. (The first, narrowest look,
     * language and neighbourhood together, finds nobody in this data; the suggest path runs it too.)
     */
    static final String RAW = """
            select v.id, v.name, v.open_matches, v.max_matches, v.committed_hours, v.hours_per_week, v.reported_load,
                   v.languages, v.areas, v.availability, v.interests, v.kinds_of_work, v.status,
                   (v.conduct_certificate_on is not null and v.intake_on is not null and v.training_on is not null
                    and v.agreement_on is not null) as screened
            from (select v.id, v.name,
                   (case when v.languages && ?::text[] then 20 else -15 end)
                 + (case when v.areas && ?::text[] then 15 else 0 end)
                 + 5 * least(3, (case when 'MONDAY_AFTERNOON' = any(v.availability) then 1 else 0 end)
                              + (case when 'WEDNESDAY_AFTERNOON' = any(v.availability) then 1 else 0 end))
                 + 4 * least(3, (case when 'koffie' = any(v.interests) then 1 else 0 end)
                              + (case when 'wandelen' = any(v.interests) then 1 else 0 end))
                 + (case when 'WALKING' = any(v.kinds_of_work) then 10 else 0 end)
                 + (case when v.open_matches = 0 then 3 else 0 end) as score
                  from volunteer v
                  where v.organisation_id = ? and v.status = 'ACTIVE' and (v.languages && ?::text[] or v.areas && ?::text[])
                    and v.conduct_certificate_on is not null and v.intake_on is not null
                    and v.training_on is not null and v.agreement_on is not null
                    and v.open_matches < v.max_matches and v.committed_hours + 2 <= v.hours_per_week
                    and (v.reported_load is null or v.reported_load < 4)
                  order by score desc, v.name, v.id limit 50) best
            join volunteer v on v.id = best.id
            order by best.score desc, best.name, best.id""";

    public static void main(String[] args) {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int size = args.length > 1 ? Integer.parseInt(args[1]) : 20000;
        ConfigurableApplicationContext ctx = new SpringApplication(SamenkrachtApplication.class).run(
                "--server.port=0", "--samenkracht.data-dir=" + System.getProperty("bench.dataDir", "/tmp/community-bench-pg"),
                "--samenkracht.demo.enabled=true", "--logging.level.root=WARN");
        try {
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            BuddyMatching matching = ctx.getBean(BuddyMatching.class);
            seed(jdbc, size);
            jdbc.sql("analyze volunteer").update();
            long volunteers = jdbc.sql("select count(*) from volunteer where organisation_id = ?").param(ORGANISATION).query(Long.class).single();
            System.out.printf("volunteers in the organisation: %d%n", volunteers);
            var need = new VolunteerMatchingPolicy.Need(Set.of("arabisch"), Set.of("wijk-7"),
                    Set.of("MONDAY_AFTERNOON", "WEDNESDAY_AFTERNOON"), Set.of("wandelen", "koffie"), Volunteer.KindOfWork.WALKING, 2, Set.of());
            String[] langs = {"arabisch"}, areas = {"wijk-7"}, days = {"MONDAY_AFTERNOON", "WEDNESDAY_AFTERNOON"}, interests = {"koffie", "wandelen"};
            Runnable api = () -> matching.suggest(ORGANISATION, need);
            Runnable before = () -> jdbc.sql(RAW_BEFORE).params(langs, areas, days, interests, ORGANISATION)
                    .query((rs, i) -> rs.getObject(1, UUID.class)).list();
            Runnable raw = () -> jdbc.sql(RAW).params(langs, areas, ORGANISATION, langs, areas)
                    .query((rs, i) -> rs.getObject(1, UUID.class)).list();
            var store = ctx.getBean(org.samenkracht.community.internal.CommunityStore.class);
            var q = new org.samenkracht.community.internal.CommunityStore.CandidateQuery(ORGANISATION, need, 50);
            Runnable narrowest = () -> store.candidates(q, org.samenkracht.community.internal.CommunityStore.Narrowing.LANGUAGE_AND_AREA);
            Runnable storeOnly = () -> store.candidates(q);
            List<UUID> viaRaw = jdbc.sql(RAW).params(langs, areas, ORGANISATION, langs, areas).query((rs, i) -> rs.getObject(1, UUID.class)).list();
            List<UUID> viaBefore = jdbc.sql(RAW_BEFORE).params(langs, areas, days, interests, ORGANISATION).query((rs, i) -> rs.getObject(1, UUID.class)).list();
            System.out.printf("same 50 as scoring everyone: %s%n", viaRaw.equals(viaBefore));
            if (Boolean.getBoolean("bench.explain")) {
                for (String cond : new String[]{"(v.languages && ?::text[] and v.areas && ?::text[])", "(v.languages && ?::text[] or v.areas && ?::text[])"}) {
                    String sql = "explain (analyze, buffers) " + RAW.replace("(v.languages && ?::text[] or v.areas && ?::text[])", cond);
                    jdbc.sql(sql).params(langs, areas, ORGANISATION, langs, areas).query(String.class).list().forEach(System.out::println);
                }
            }
            var top = matching.suggest(ORGANISATION, need);
            System.out.printf("top suggestion: %s, score %.0f, %d reasons%n", top.get(0).name(), top.get(0).score(), top.get(0).reasons().size());
            measure("warm-up raw", raw, 30);
            measure("warm-up suggest", api, 30);
            measure("warm-up raw before", before, 10);
            measure("raw SQL before (all scored, lateral)", before, Math.max(20, iterations / 5));
            measure("raw SQL (same candidates query)", raw, iterations);
            measure("BuddyMatching.suggest (SQL + policy)", api, iterations);
            measure("  of which: narrowest look (finds none)", narrowest, Math.max(20, iterations / 5));
            measure("  of which: CommunityStore.candidates", storeOnly, Math.max(20, iterations / 5));
        } finally {
            ctx.close();
        }
    }

    static void seed(JdbcClient jdbc, int size) {
        long have = jdbc.sql("select count(*) from volunteer where name like 'Bench %'").query(Long.class).single();
        if (have >= size) {
            return;
        }
        jdbc.sql("""
                insert into volunteer (id, organisation_id, name, languages, availability, areas, interests, kinds_of_work,
                  hours_per_week, max_matches, reported_load, conduct_certificate_on, intake_on, training_on, agreement_on, status)
                select gen_random_uuid(), ?, 'Bench ' || i,
                  case i % 4 when 0 then array['nederlands'] when 1 then array['nederlands','arabisch'] when 2 then array['nederlands','turks'] else array['engels','nederlands'] end,
                  array[(array['MONDAY_MORNING','MONDAY_AFTERNOON','TUESDAY_MORNING','WEDNESDAY_AFTERNOON','THURSDAY_EVENING','FRIDAY_MORNING','SATURDAY_MORNING'])[1 + i % 7],
                        (array['MONDAY_AFTERNOON','TUESDAY_EVENING','WEDNESDAY_AFTERNOON','FRIDAY_AFTERNOON','SUNDAY_MORNING'])[1 + i % 5]],
                  array['wijk-' || (i % 40)],
                  array[(array['wandelen','koken','voetbal','muziek','school','koffie'])[1 + i % 6], (array['lezen','tuin','wandelen','fietsen'])[1 + i % 4]],
                  array[(array['BUDDY','WALKING','PRACTICAL_HELP','LANGUAGE_BUDDY','ADMINISTRATION_HELP'])[1 + i % 5]],
                  2 + i % 4, 1 + i % 3, case when i % 10 = 0 then 5 else null end,
                  case when i % 10 = 3 then null else current_date - 100 end, current_date - 95, current_date - 80, current_date - 79,
                  case when i % 20 = 7 then 'PAUSED' else 'ACTIVE' end
                from generate_series(?, ?) as i""").params(ORGANISATION, have + 1, size).update();
    }

    static void measure(String label, Runnable work, int iterations) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
            long t = System.nanoTime();
            work.run();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        System.out.printf("%-40s n=%d  p50 %.1f ms  p95 %.1f ms  max %.1f ms%n", label, iterations,
                ms.get(ms.size() / 2), ms.get((int) Math.ceil(ms.size() * 0.95) - 1), ms.get(ms.size() - 1));
    }
}
