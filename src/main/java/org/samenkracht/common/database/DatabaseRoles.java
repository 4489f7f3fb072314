package org.samenkracht.common.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * After every migration the owner grants the application's role what it may do: read and write
 * the tables, except the audit tables (insert and read only: no update, delete or truncate) and
 * Flyway's history (read only); the social map's bulk-loaded tables it may also maintain (PostgreSQL 17's
 * MAINTAIN: an import analyzes and vacuums what it wrote; without it both were skipped with only a warning).
 * The role is the embedded {@value #APP}, or for an external server
 * {@code samenkracht.database.app-role} (empty: the operator grants by hand, docs/operations.md).
 */
public record DatabaseRoles(String appRole) {

    public static final String OWNER = "samenkracht_owner";
    public static final String APP = "samenkracht_app";

    private static final Logger log = LoggerFactory.getLogger(DatabaseRoles.class);

    /** The statements that give {@code role} its rights (also printed in docs/operations.md). */
    public static String grants(String role) {
        if (!role.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain role name: " + role);
        }
        return """
                grant usage on schema public to %1$s;
                grant select, insert, update, delete on all tables in schema public to %1$s;
                grant usage, select, update on all sequences in schema public to %1$s;
                revoke insert, update, delete, truncate on flyway_schema_history from %1$s;
                revoke update, delete, truncate on audit_event, audit_seal from %1$s;
                do $$ begin
                  if current_setting('server_version_num')::int >= 170000 then
                    execute 'grant maintain on socialmap_offer, socialmap_location, socialmap_offer_rank to %1$s';
                  end if;
                end $$;
                """.formatted(role);
    }

    @Configuration(proxyBeanMethods = false)
    static class Migration {

        @Bean
        FlywayMigrationStrategy grantAfterMigrating(ObjectProvider<DatabaseRoles> embedded,
                                                    @Value("${samenkracht.database.app-role:}") String configured) {
            return flyway -> {
                flyway.migrate();
                DatabaseRoles roles = embedded.getIfAvailable();
                String role = roles != null ? roles.appRole() : configured;
                if (role == null || role.isBlank()) {
                    return;
                }
                DataSource owner = flyway.getConfiguration().getDataSource();
                try (var c = owner.getConnection(); var st = c.createStatement()) {
                    st.execute(grants(role));
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException("Granting the application's role " + role + " failed: " + e.getMessage(), e);
                }
                log.info("Database role {} may read and write the tables, and only insert into the audit log", role);
            };
        }

        /** The embedded owner pool when there is one; otherwise the configured datasource. */
        @Bean
        OwnerConnections ownerConnections(@org.springframework.beans.factory.annotation.Qualifier("ownerDataSource")
                                          ObjectProvider<DataSource> owner, ObjectProvider<DataSource> any) {
            return () -> {
                DataSource ds = owner.getIfAvailable();
                return ds != null ? ds : any.getIfAvailable();
            };
        }
    }
}
