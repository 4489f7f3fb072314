package org.samenkracht.operations;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.common.demo.DemoIds;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many users editing the same plan, person and network at once, over real HTTP sessions: every
 * acknowledged edit is there, every refused edit is a 409 with a message and absent, nothing is
 * lost silently, and PostgreSQL saw no deadlock.
 */
@SamenkrachtTest
class ConcurrentEditingTest {

    static final int USERS = 12;
    static final int EDITS = 12;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    final ObjectMapper json = new ObjectMapper();
    final List<AppClient> users = new ArrayList<>();
    String personId;
    String wishId;
    long deadlocksBefore;

    @BeforeEach
    void aPersonWithAPlanAndManyEditors() throws Exception {
        for (int i = 0; i < USERS; i++) {
            users.add(new AppClient(port).signIn("sanne", DemoIds.PASSWORD));
        }
        var created = users.get(0).postJson("/api/v1/persons",
                "{\"givenName\":\"Gelijktijdig\",\"familyName\":\"Bewerkt\"}");
        assertThat(created.status()).isEqualTo(201);
        personId = json.readTree(created.body()).get("id").asString();
        assertThat(users.get(0).postJson("/api/v1/persons/" + personId + "/plan", "").status()).isEqualTo(201);
        var wishes = users.get(0).postJson("/api/v1/persons/" + personId + "/wishes", "{\"text\":\"Samen doelen stellen\"}");
        assertThat(wishes.status()).isEqualTo(201);
        wishId = json.readTree(wishes.body()).get(0).get("id").asString();
        deadlocksBefore = deadlocks();
    }

    @Test
    void goals_added_to_one_plan_at_once_are_all_there_or_refused_with_409() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger conflicts = new AtomicInteger();
        List<String> unexpected = new CopyOnWriteArrayList<>();
        runConcurrently((user, u, i) -> {
            int version = json.readTree(user.get("/api/v1/persons/" + personId + "/plan").body()).get("version").asInt();
            String words = "Doel van gebruiker " + u + " nummer " + i;
            var answer = user.postJson("/api/v1/persons/" + personId + "/plan/goals",
                    "{\"wishId\":\"" + wishId + "\",\"ownWords\":" + AppClient.str(words)
                            + ",\"intendedResult\":\"Samen\",\"term\":\"SHORT\",\"version\":" + version + "}");
            record(answer, 201, words, acknowledged, conflicts, unexpected);
        });
        JsonNode plan = json.readTree(users.get(0).get("/api/v1/persons/" + personId + "/plan").body());
        Set<String> stored = new HashSet<>();
        plan.get("goals").forEach(g -> stored.add(g.get("ownWords").asString()));
        assertThat(unexpected).isEmpty();
        assertThat(stored).isEqualTo(acknowledged);
        assertThat(acknowledged.size() + conflicts.get()).isEqualTo(USERS * EDITS);
        assertThat(conflicts.get()).as("editors really collided").isPositive();
        assertThat(deadlocks()).isEqualTo(deadlocksBefore);
    }

    @Test
    void the_person_changed_by_many_at_once_keeps_the_last_acknowledged_change() throws Exception {
        Map<Integer, String> acknowledgedByVersion = new ConcurrentHashMap<>();
        AtomicInteger conflicts = new AtomicInteger();
        List<String> unexpected = new CopyOnWriteArrayList<>();
        runConcurrently((user, u, i) -> {
            int version = json.readTree(user.get("/api/v1/persons/" + personId).body()).get("version").asInt();
            String address = "Straat " + u + "-" + i;
            var answer = user.putJson("/api/v1/persons/" + personId, "{\"givenName\":\"Gelijktijdig\","
                    + "\"familyName\":\"Bewerkt\",\"address\":" + AppClient.str(address) + ",\"version\":" + version + "}");
            Set<String> ack = ConcurrentHashMap.newKeySet();
            record(answer, 200, address, ack, conflicts, unexpected);
            if (!ack.isEmpty()) {
                assertThat(acknowledgedByVersion.put(version, address)).as("two edits acknowledged on one version").isNull();
            }
        });
        JsonNode person = json.readTree(users.get(0).get("/api/v1/persons/" + personId).body());
        int lastVersion = acknowledgedByVersion.keySet().stream().max(Integer::compare).orElseThrow();
        assertThat(unexpected).isEmpty();
        assertThat(person.get("address").asString()).isEqualTo(acknowledgedByVersion.get(lastVersion));
        assertThat(person.get("version").asInt()).isEqualTo(acknowledgedByVersion.size());
        assertThat(acknowledgedByVersion.size() + conflicts.get()).isEqualTo(USERS * EDITS);
        assertThat(deadlocks()).isEqualTo(deadlocksBefore);
    }

    @Test
    void network_members_added_at_once_are_all_there() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger conflicts = new AtomicInteger();
        List<String> unexpected = new CopyOnWriteArrayList<>();
        runConcurrently((user, u, i) -> {
            String name = "Buur " + u + "-" + i;
            var answer = user.postJson("/api/v1/persons/" + personId + "/network-members",
                    "{\"name\":" + AppClient.str(name) + ",\"relation\":\"NEIGHBOUR\",\"layer\":\"NETWORK\"}");
            record(answer, 201, name, acknowledged, conflicts, unexpected);
        });
        Set<String> stored = new HashSet<>();
        json.readTree(users.get(0).get("/api/v1/persons/" + personId + "/network-members").body())
                .forEach(m -> stored.add(m.get("name").asString()));
        assertThat(unexpected).isEmpty();
        assertThat(stored).isEqualTo(acknowledged).hasSize(USERS * EDITS);
        assertThat(deadlocks()).isEqualTo(deadlocksBefore);
    }

    interface Edit {
        void run(AppClient user, int u, int i) throws Exception;
    }

    void runConcurrently(Edit edit) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(USERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int u = 0; u < USERS; u++) {
            int user = u;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < EDITS; i++) {
                    edit.run(users.get(user), user, i);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : done) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
    }

    static void record(AppClient.Answer answer, int ok, String value, Set<String> acknowledged, AtomicInteger conflicts,
                       List<String> unexpected) {
        if (answer.status() == ok) {
            acknowledged.add(value);
        } else if (answer.status() == 409 && answer.body().contains("\"detail\"")) {
            conflicts.incrementAndGet();
        } else {
            unexpected.add(answer.status() + " " + answer.body());
        }
    }

    long deadlocks() {
        return jdbc.sql("select deadlocks from pg_stat_database where datname = current_database()")
                .query(Long.class).single();
    }
}
