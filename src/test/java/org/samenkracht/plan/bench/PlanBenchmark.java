package org.samenkracht.plan.bench;

import org.samenkracht.SamenkrachtApplication;
import org.samenkracht.exploration.Wishes;
import org.samenkracht.identity.Accounts;
import org.samenkracht.network.AddNetworkMember;
import org.samenkracht.network.Network;
import org.samenkracht.network.NetworkMember;
import org.samenkracht.person.Persons;
import org.samenkracht.person.RegisterPerson;
import org.samenkracht.plan.Intensity;
import org.samenkracht.plan.Layer;
import org.samenkracht.plan.PlanCommands;
import org.samenkracht.plan.PlanView;
import org.samenkracht.plan.Plans;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.samenkracht.common.demo.DemoIds.PROFESSIONAL_SANNE;

/**
 * Opening a person's current plan (10 goals, 40 steps, 5 versions) through the plan module's API
 * (access check, audit row, names, JSON as the API sends it) against the raw SQL that reads the same
 * rows, in the same run; then rendering that plan as a PDF. Run on purpose: bench/plan/run.sh.
 */
public final class PlanBenchmark {

    public static void main(String[] args) {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 10;
        ConfigurableApplicationContext ctx = new SpringApplication(SamenkrachtApplication.class).run(
                "--server.port=0", "--samenkracht.data-dir=" + System.getProperty("bench.dataDir", "/tmp/plan-bench-pg"),
                "--samenkracht.demo.enabled=true", "--logging.level.root=WARN");
        try {
            Plans plans = ctx.getBean(Plans.class);
            Accounts accounts = ctx.getBean(Accounts.class);
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            JsonMapper json = ctx.getBean(JsonMapper.class);
            UUID person = call(accounts, () -> seed(ctx));
            PlanView plan = call(accounts, () -> plans.current(person).orElseThrow());
            System.out.printf("plan: %d goals, %d steps, version %d%n", plan.goals().size(), plan.stepCount(), plan.versionNo());

            Runnable api = () -> json.writeValueAsString(plans.current(person).orElseThrow());
            Runnable raw = () -> rawSql(jdbc, person);
            Runnable pdf = () -> plans.printable(person);
            var tx = new org.springframework.transaction.support.TransactionTemplate(
                    ctx.getBean(org.springframework.transaction.PlatformTransactionManager.class));
            var access = ctx.getBean(org.samenkracht.privacy.PersonAccess.class);
            Runnable auditOnly = () -> tx.executeWithoutResult(s -> access.read(person, org.samenkracht.privacy.Part.PLAN));
            accounts.runAs(PROFESSIONAL_SANNE, () -> {
                measure("warm-up", api, 3);
                measure("warm-up", raw, 3);
                measure("warm-up", pdf, 3);
                if (Boolean.getBoolean("bench.parts")) {
                    var store = ctx.getBean(org.samenkracht.plan.internal.PlanStore.class);
                    var names = new org.samenkracht.plan.internal.PlanStore.Names(x -> "n", x -> "p");
                    measure("part: store.current", () -> tx.executeWithoutResult(t -> store.current(person, names)), seconds);
                    measure("part: network.members", () -> ctx.getBean(Network.class).members(person), seconds);
                    measure("part: plans.current", () -> plans.current(person), seconds);
                    measure("part: json", () -> json.writeValueAsString(plan), seconds);
                }
                double rawOps = measure("raw SQL (same rows)", raw, seconds);
                double apiOps = measure("Plans.current + JSON", api, seconds);
                System.out.printf("ratio: API throughput is %.0f %% of raw SQL%n", 100 * apiOps / rawOps);
                double auditOps = measure("access check + audit only", auditOnly, seconds);
                System.out.printf("floor: the audited access check alone is %.0f %% of raw SQL%n", 100 * auditOps / rawOps);
                measure("PDF render", pdf, seconds);
            });
        } finally {
            ctx.close();
        }
    }

    /** The same rows the plan view needs, read with plain SQL and no checks. */
    private static int rawSql(JdbcClient jdbc, UUID person) {
        List<Object[]> rows = jdbc.sql("""
                select p.id, p.version_no, p.status, p.evaluation_date, g.id, g.own_words, g.intended_result,
                       s.id, s.description, s.taker, s.layer, s.intensity, m.name
                from support_plan p
                join plan_goal g on g.support_plan = p.id
                left join plan_step s on s.plan_goal = g.id
                left join network_member m on m.id = s.network_member_id
                where p.person_id = ? and p.status <> 'ENDED'
                order by g.position, s.position""")
                .param(person)
                .query((rs, i) -> new Object[] {rs.getObject(1), rs.getInt(2), rs.getString(3), rs.getObject(4),
                        rs.getObject(5), rs.getString(6), rs.getString(7), rs.getObject(8), rs.getString(9),
                        rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13)})
                .list();
        return rows.size();
    }

    private static double measure(String name, Runnable work, long seconds) {
        List<Long> nanos = new ArrayList<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            long t = System.nanoTime();
            work.run();
            nanos.add(System.nanoTime() - t);
        }
        nanos.sort(Long::compare);
        double ops = nanos.size() / (double) seconds;
        if (!name.equals("warm-up")) {
            System.out.printf("%-24s %8.1f ops/s   median %7.2f ms   p95 %7.2f ms   (n=%d)%n", name, ops,
                    nanos.get(nanos.size() / 2) / 1e6, nanos.get((int) (nanos.size() * 0.95)) / 1e6, nanos.size());
        }
        return ops;
    }

    /** A person with 10 goals of 4 steps each, signed and changed until the plan is at version 5. */
    private static UUID seed(ConfigurableApplicationContext ctx) {
        Plans plans = ctx.getBean(Plans.class);
        Persons persons = ctx.getBean(Persons.class);
        Wishes wishes = ctx.getBean(Wishes.class);
        Network network = ctx.getBean(Network.class);
        UUID person = persons.register(new RegisterPerson("Bench", "Persoon " + System.nanoTime(),
                LocalDate.of(1980, 1, 1), "", "", "", "", "", ""));
        for (int i = 1; i <= 10; i++) {
            wishes.add(person, new Wishes.AddWish("Wens " + i, "CONVERSATION"));
        }
        UUID member = network.add(person, new AddNetworkMember("Buur", NetworkMember.Relation.NEIGHBOUR,
                NetworkMember.Layer.NATURAL, Set.of(NetworkMember.SupportKind.PRACTICAL)));
        plans.start(person);
        List<UUID> goals = new ArrayList<>();
        for (var wish : wishes.prioritised(person)) {
            UUID goal = plans.addGoal(person, new PlanCommands.AddGoal(wish.id(), "Doel bij " + wish.text(),
                    "Wat het betekent.", "Het beoogde resultaat.", "SHORT", "Hoe we het weten.", List.of(), v(plans, person)));
            goals.add(goal);
            plans.answerLayer(person, new PlanCommands.AnswerLayer(goal, Layer.GENERAL,
                    "Overwogen, niet mogelijk omdat het niet past.", v(plans, person)));
            plans.addStep(person, new PlanCommands.AddStep(goal, "Zelf.", "PERSON", null, null, null, Intensity.STEUN,
                    null, null, v(plans, person)));
            plans.addStep(person, new PlanCommands.AddStep(goal, "De buur helpt.", "NETWORK", member, null, null,
                    Intensity.STEUN, null, null, v(plans, person)));
            plans.addStep(person, new PlanCommands.AddStep(goal, "De professional.", "PROFESSIONAL", null,
                    PROFESSIONAL_SANNE, null, Intensity.ZORG, null, null, v(plans, person)));
        }
        plans.setEvaluationDate(person, new PlanCommands.SetEvaluationDate(LocalDate.now().plusMonths(3), v(plans, person)));
        for (int version = 1; version <= 4; version++) {
            plans.agreeAsProfessional(person, new PlanCommands.Agree(null, null, v(plans, person)));
            plans.agreeAsPerson(person, new PlanCommands.Agree(null, "op papier getekend", v(plans, person)));
            // each change after sign-off opens the next version: the fourth step of goal `version`, and so on
            for (int g = (version - 1) * 3; g < Math.min(10, version * 3); g++) {
                plans.addStep(person, new PlanCommands.AddStep(goals.get(g), "Extra stap " + version, "PERSON", null,
                        null, null, Intensity.STEUN, null, null, v(plans, person)));
            }
        }
        // version 5 is the current draft; top up to exactly 40 steps
        PlanView plan = plans.current(person).orElseThrow();
        for (int g = 0; plan.stepCount() < 40; g++) {
            plans.addStep(person, new PlanCommands.AddStep(goals.get(g % 10), "Aanvulling.", "PERSON", null, null, null,
                    Intensity.STEUN, null, null, v(plans, person)));
            plan = plans.current(person).orElseThrow();
        }
        return person;
    }

    private static int v(Plans plans, UUID person) {
        return plans.current(person).orElseThrow().version();
    }

    private static <T> T call(Accounts accounts, Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        accounts.runAs(PROFESSIONAL_SANNE, () -> result.set(work.get()));
        return result.get();
    }
}
