package org.samenkracht.operations;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.operations.internal.backup.DatabaseTables;
import org.samenkracht.operations.internal.generate.MunicipalityGenerator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@SamenkrachtTest
class SyntheticMunicipalityTest {

    @Autowired
    MunicipalityGenerator generator;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("ownerDataSource")
    DataSource dataSource;

    @Test
    void the_same_seed_gives_the_same_municipality_and_another_seed_another() throws Exception {
        try (FreshDatabase a = new FreshDatabase(dataSource, "gen_a");
             FreshDatabase b = new FreshDatabase(dataSource, "gen_b");
             FreshDatabase c = new FreshDatabase(dataSource, "gen_c")) {
            generator.generate(a.dataSource, 42, 300, line -> { });
            generator.generate(b.dataSource, 42, 300, line -> { });
            generator.generate(c.dataSource, 43, 300, line -> { });
            Map<String, String> sumsA = checksums(a);
            assertThat(sumsA.get("person")).startsWith("300:");
            assertThat(checksums(b)).isEqualTo(sumsA);
            assertThat(checksums(c).get("person")).isNotEqualTo(sumsA.get("person"));
        }
    }

    @Test
    void the_municipality_is_whole_every_person_is_supported_by_a_team_that_can_sign_in() throws Exception {
        try (FreshDatabase db = new FreshDatabase(dataSource, "gen_shape")) {
            var report = generator.generate(db.dataSource, 7, 500, line -> { });
            assertThat(report.rows()).containsKeys("person", "care_team_member", "four_questions", "network_member",
                    "support_plan", "plan_goal", "plan_step", "audit_event", "wish");
            JdbcClient jdbc = JdbcClient.create(db.dataSource);
            assertThat(jdbc.sql("select count(*) from person").query(Long.class).single()).isEqualTo(500);
            assertThat(jdbc.sql("""
                    select count(*) from person p where not exists (select 1 from care_team_member m
                    join app_user u on u.id = m.user_id where m.person_id = p.id and u.role = 'PROFESSIONAL')""")
                    .query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select count(distinct neighbourhood) from person").query(Long.class).single()).isEqualTo(40);
            assertThat(jdbc.sql("select count(*) from plan_step where taker = 'NETWORK' and network_member_id is null")
                    .query(Long.class).single()).isZero();
            // a step's network member belongs to the same person as the plan
            assertThat(jdbc.sql("""
                    select count(*) from plan_step s join plan_goal g on g.id = s.plan_goal
                    join support_plan p on p.id = g.support_plan join network_member n on n.id = s.network_member_id
                    where n.person_id <> p.person_id""").query(Long.class).single()).isZero();
            String hash = jdbc.sql("select password_hash from app_user where username = 'gen.prof.0001'")
                    .query(String.class).single();
            assertThat(new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder()
                    .matches(org.samenkracht.common.demo.DemoIds.PASSWORD, hash.substring("{bcrypt}".length()))).isTrue();
            assertThatThrownBy(() -> generator.generate(db.dataSource, 7, 500, line -> { }))
                    .hasMessageContaining("already holds");
        }
    }

    private static Map<String, String> checksums(FreshDatabase db) throws Exception {
        try (Connection c = db.dataSource.getConnection()) {
            return DatabaseTables.checksums(c);
        }
    }
}
