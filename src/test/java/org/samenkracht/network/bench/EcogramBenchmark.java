package org.samenkracht.network.bench;

import org.samenkracht.SamenkrachtApplication;
import org.samenkracht.identity.Accounts;
import org.samenkracht.network.Addition;
import org.samenkracht.network.Ecogram;
import org.samenkracht.network.MemberProfile;
import org.samenkracht.network.Network;
import org.samenkracht.vocabulary.Layer;
import org.samenkracht.network.NetworkMember.Relation;
import org.samenkracht.network.NetworkMember.SupportKind;
import org.samenkracht.network.ReportLoad;
import org.samenkracht.network.SaveMember;
import org.samenkracht.person.Persons;
import org.samenkracht.person.RegisterPerson;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.samenkracht.common.demo.DemoIds.PROFESSIONAL_SANNE;

/**
 * Server time of the ecogram for a network of 50 members (each with two load reports), run on
 * purpose (bench/network/run.sh), not in the test suite. Measures (1) drawing the SVG from members
 * in memory, (2) the whole server side of the picture: reading the members and their load through
 * the access gate (with its audit row), the load policy, and drawing, and (3) the same-run baseline:
 * the two raw SQL queries that read the same rows.
 */
public final class EcogramBenchmark {

    public static void main(String[] args) {
        int members = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        try (ConfigurableApplicationContext ctx = new SpringApplicationBuilder(SamenkrachtApplication.class)
                .properties("samenkracht.data-dir=" + System.getProperty("bench.data-dir", "target/bench-pg"),
                        "samenkracht.demo.enabled=true", "server.port=0", "logging.level.root=WARN")
                .run()) {
            Accounts accounts = ctx.getBean(Accounts.class);
            Network network = ctx.getBean(Network.class);
            Persons persons = ctx.getBean(Persons.class);
            JdbcClient jdbc = ctx.getBean(JdbcClient.class);
            accounts.runAs(PROFESSIONAL_SANNE, () -> {
                UUID person = persons.register(new RegisterPerson("Bench", "Persoon", null, "", "", "", "", "", ""));
                seed(network, person, members);
                List<MemberProfile> inMemory = network.profiles(person);

                double render = time(rounds, () -> Ecogram.render("Bench", inMemory, k -> k, "/x?member=", "#panel"));
                double full = time(rounds, () -> Ecogram.render("Bench", network.profiles(person), k -> k, "/x?member=", "#panel"));
                double raw = time(rounds, () -> {
                    List<Map<String, Object>> a = jdbc.sql("select * from network_member where person_id = ? and removed_at is null order by layer, name")
                            .param(person).query().listOfRows();
                    List<Map<String, Object>> b = jdbc.sql("select * from network_load_report where person_id = ? order by reported_on, recorded_at")
                            .param(person).query().listOfRows();
                    return a.size() + b.size();
                });
                int svgBytes = Ecogram.render("Bench", inMemory, k -> k, "/x?member=", "#panel").length();
                System.out.printf("ecogram members=%d rounds=%d svgBytes=%d%n", members, rounds, svgBytes);
                System.out.printf("render only (SVG from members in memory): median %.3f ms%n", render);
                System.out.printf("server side (access+audit, SQL, load policy, SVG): median %.3f ms%n", full);
                System.out.printf("baseline raw SQL (same two queries): median %.3f ms%n", raw);
                System.out.printf("ratio server side / raw SQL: %.1f%n", full / raw);
            });
        }
    }

    private static void seed(Network network, UUID person, int count) {
        Layer[] layers = {Layer.NETWORK, Layer.GENERAL_COLLECTIVE, Layer.INDIVIDUAL_PROFESSIONAL};
        SupportKind[] kinds = SupportKind.values();
        LocalDate today = LocalDate.now(Network.ZONE);
        for (int i = 0; i < count; i++) {
            Layer layer = layers[i % 3 == 0 ? 2 : i % 3 == 1 ? 0 : 1];
            Set<SupportKind> received = EnumSet.noneOf(SupportKind.class);
            received.add(kinds[i % 4]);
            received.add(kinds[(i + 1) % 4]);
            UUID id = ((Addition.Added) network.add(person, new SaveMember("Lid " + i + " van het netwerk",
                    layer == Layer.INDIVIDUAL_PROFESSIONAL ? Relation.SERVICE : Relation.FRIEND, layer, received,
                    i % 2 == 0 ? Set.of(SupportKind.COMPANY) : Set.of(), false, null, null, 1 + i % 5, i == 7, false,
                    null, null, null), true)).id();
            if (layer != Layer.INDIVIDUAL_PROFESSIONAL) {
                network.reportLoad(person, id, new ReportLoad(today.minusDays(30), new BigDecimal("2"), "taak", 3, 2));
                network.reportLoad(person, id, new ReportLoad(today.minusDays(2), new BigDecimal(1 + i % 6), "taak", 3, 1 + i % 5));
            }
        }
    }

    /** Median milliseconds of one call, after a warm-up of the same length. */
    private static double time(int rounds, Supplier<Object> work) {
        AtomicReference<Object> sink = new AtomicReference<>();
        for (int i = 0; i < rounds; i++) {
            sink.set(work.get());
        }
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            sink.set(work.get());
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        if (sink.get() == null) {
            throw new IllegalStateException();
        }
        return ms[rounds / 2];
    }
}
