package org.samenkracht.vocabulary;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.samenkracht.common.demo.DemoIds.PERSON_JONAS;

/**
 * The migration to the one vocabulary moves data written under the former names: demo rows are put
 * back to the former names (the new checks dropped for that), the migration runs again, and every row
 * carries the shared name. Rolled back afterwards.
 */
@SamenkrachtTest
@Transactional
class VocabularyMigrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    @org.springframework.beans.factory.annotation.Qualifier("ownerDataSource")
    javax.sql.DataSource ownerDataSource;

    @Test
    void former_names_are_migrated_to_the_shared_vocabulary() throws Exception {
        String migration = new String(getClass().getClassLoader()
                .getResourceAsStream("db/migration/V51_0__one_vocabulary.sql").readAllBytes(), StandardCharsets.UTF_8);
        // the migration runs as the schema's owner (the application's role may not alter tables),
        // in a transaction that is rolled back afterwards
        JdbcTemplate jdbc = new JdbcTemplate(ownerDataSource);
        new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(ownerDataSource)).executeWithoutResult(status -> {
            jdbc.execute("""
                    alter table network_member drop constraint network_member_layer_check;
                    alter table network_member_version drop constraint network_member_version_layer_check;
                    alter table plan_step drop constraint plan_step_layer_check;
                    alter table plan_step drop constraint plan_step_intensity_check;
                    alter table plan_goal drop constraint plan_goal_domains_check""");
            UUID member = jdbc.queryForObject("select id from network_member where person_id = ? order by name limit 1",
                    UUID.class, PERSON_JONAS);
            jdbc.update("update network_member set layer = 'NATURAL' where id = ?", member);
            jdbc.update("""
                    insert into network_member_version (organisation_id, person_id, member_id, valid_from, change, name, relation,
                        layer, support_kinds, support_given, closeness, harmful, do_not_burden, changed_by, changed_by_role)
                    select organisation_id, person_id, member_id, now(), 'CHANGED', name, relation, 'COMMUNITY', support_kinds,
                        support_given, closeness, harmful, do_not_burden, changed_by, changed_by_role
                    from network_member_version where member_id = ? order by id limit 1""", member);
            UUID step = jdbc.queryForObject("""
                    select s.id from plan_step s join plan_goal g on g.id = s.plan_goal
                    join support_plan p on p.id = g.support_plan where p.person_id = ? order by s.id limit 1""", UUID.class, PERSON_JONAS);
            jdbc.update("update plan_step set layer = 'PROFESSIONAL', intensity = 'OVERNAME' where id = ?", step);
            UUID goal = jdbc.queryForObject("select plan_goal from plan_step where id = ?", UUID.class, step);
            jdbc.update("update plan_goal set domains = '{RELATIONSHIPS,RIGHTS}' where id = ?", goal);

            jdbc.execute(migration);

            assertThat(jdbc.queryForObject("select layer from network_member where id = ?", String.class, member))
                    .isEqualTo("NETWORK");
            assertThat(jdbc.queryForObject("select count(*) from network_member_version where layer in ('NATURAL','COMMUNITY','PROFESSIONAL')",
                    Integer.class)).isZero();
            assertThat(jdbc.queryForObject("select layer || '/' || intensity from plan_step where id = ?", String.class, step))
                    .isEqualTo("INDIVIDUAL_PROFESSIONAL/TAKEOVER");
            assertThat(jdbc.queryForObject("select array_to_string(domains, ',') from plan_goal where id = ?", String.class, goal))
                    .isEqualTo("INTERPERSONAL_RELATIONS,RIGHTS");
            // the history stays append-only, and the former names are refused from now on
            assertThatThrownBy(() -> jdbc.update("update network_member_version set name = name where member_id = ?", member))
                    .hasMessageContaining("append-only");
            status.setRollbackOnly();
        });
    }

    @Test
    void the_database_refuses_a_member_in_the_own_strength_layer() {
        assertThatThrownBy(() -> jdbc.update("update network_member set layer = 'OWN_STRENGTH' where person_id = ?", PERSON_JONAS))
                .hasMessageContaining("network_member_layer_check");
    }

    @Test
    void the_database_refuses_a_former_intensity() {
        assertThatThrownBy(() -> jdbc.update("update plan_step set intensity = 'STEUN'"))
                .hasMessageContaining("plan_step_intensity_check");
    }
}
