package org.samenkracht;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every table that holds personal data carries the organisation it belongs to. */
@SamenkrachtTest
class TenancyTest {

    /** Tables that hold no personal data of a person, or that are logs and infrastructure. */
    static final List<String> WITHOUT_TENANT = List.of("organisation", "flyway_schema_history", "spring_session",
            "spring_session_attributes", "audit_event",
            // an account's TOTP secret: keyed by the account, which carries the organisation
            "second_factor",
            // the social map: where organisations' offers are; no personal data (offers carry their organisation)
            "socialmap_location",
            // the audit log's seals: one per audit row, which carries the organisation
            "audit_seal",
            // sign-in throttling: keyed by account name and client address, before anyone is known
            "throttle");

    @Autowired
    JdbcClient jdbc;

    @Test
    void every_table_with_personal_data_has_a_non_null_organisation_id() {
        List<String> missing = jdbc.sql("""
                        select t.table_name from information_schema.tables t
                        where t.table_schema = 'public' and t.table_type = 'BASE TABLE'
                          and not exists (select 1 from information_schema.columns c
                                          where c.table_schema = 'public' and c.table_name = t.table_name
                                            and c.column_name = 'organisation_id' and c.is_nullable = 'NO')
                        order by 1""")
                .query(String.class).list().stream().filter(t -> !WITHOUT_TENANT.contains(t)).toList();
        assertThat(missing).as("tables without a NOT NULL organisation_id (add it, or list the table above with a reason)")
                .isEmpty();
    }

    @Test
    void goals_and_steps_take_the_organisation_of_their_plan() {
        assertThat(jdbc.sql("""
                select count(*) from plan_step s join plan_goal g on g.id = s.plan_goal join support_plan p on p.id = g.support_plan
                where s.organisation_id <> p.organisation_id or g.organisation_id <> p.organisation_id""")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from plan_step").query(Long.class).single()).isPositive();
    }
}
