package org.samenkracht.common.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded default: when {@code spring.datasource.url} is not set, Samenkracht starts its own
 * PostgreSQL 17 with data in {@code samenkracht.data-dir} (default ./data/pg), so data survives a
 * restart. Setting the standard datasource URL, user and password uses that server instead.
 *
 * <p>Two roles (issue 14): {@value DatabaseRoles#OWNER} owns the schema and runs the migrations (and
 * the operator commands: generate, restore); the application serves requests as
 * {@value DatabaseRoles#APP}, which owns nothing, may read and write the tables, and may only insert
 * into the audit tables. Both are made here by the superuser at start-up; objects made by the
 * superuser in an older data folder are handed to the owner.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    static final String DATABASE = "samenkracht";

    @Bean
    EmbeddedPostgres embeddedPostgres(@Value("${samenkracht.data-dir:./data/pg}") String dataDir,
                                      @Value("${samenkracht.embedded-db.port:0}") int port) throws SQLException {
        EmbeddedPostgres pg = EmbeddedPostgresServer.start(Path.of(dataDir), port);
        prepare(pg);
        return pg;
    }

    @Bean(destroyMethod = "close")
    @Primary
    DataSource dataSource(EmbeddedPostgres pg, @Value("${samenkracht.embedded-db.pool-size:20}") int poolSize) {
        return pool(pg, DatabaseRoles.APP, poolSize, "samenkracht-embedded");
    }

    @Bean(destroyMethod = "close")
    @FlywayDataSource
    DataSource ownerDataSource(EmbeddedPostgres pg) {
        HikariDataSource ds = pool(pg, DatabaseRoles.OWNER, 4, "samenkracht-owner");
        ds.setMinimumIdle(0);
        return ds;
    }

    @Bean
    DatabaseRoles databaseRoles() {
        return new DatabaseRoles(DatabaseRoles.APP);
    }

    private static HikariDataSource pool(EmbeddedPostgres pg, String user, int size, String name) {
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(pg.getJdbcUrl(user, DATABASE));
        ds.setUsername(user);
        ds.setMaximumPoolSize(size);
        ds.setPoolName(name);
        // a database that is away (crash, restart) is reported within seconds, not after 30 s
        ds.setConnectionTimeout(5_000);
        ds.setValidationTimeout(2_000);
        return ds;
    }

    /** The database, the two roles, and ownership of what an older start made as the superuser. */
    private static void prepare(EmbeddedPostgres pg) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("""
                    do $$ begin
                      if not exists (select 1 from pg_roles where rolname = '%1$s') then
                        create role %1$s login createdb;
                      end if;
                      if not exists (select 1 from pg_roles where rolname = '%2$s') then
                        create role %2$s login;
                      end if;
                    end $$""".formatted(DatabaseRoles.OWNER, DatabaseRoles.APP));
            // restore copies rows back without firing triggers row by row
            st.execute("grant set on parameter session_replication_role to " + DatabaseRoles.OWNER);
            // dropping a scratch database (tests, tools) ends its sessions
            st.execute("grant pg_signal_backend to " + DatabaseRoles.OWNER);
            var rs = st.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!rs.next()) {
                st.execute("create database " + DATABASE + " owner " + DatabaseRoles.OWNER);
            } else {
                st.execute("alter database " + DATABASE + " owner to " + DatabaseRoles.OWNER);
            }
        }
        try (Connection c = pg.getDatabase("postgres", DATABASE).getConnection(); Statement st = c.createStatement()) {
            st.execute("""
                    do $$
                    declare r record;
                    begin
                      for r in select c.oid::regclass as name, c.relkind from pg_class c
                               join pg_namespace n on n.oid = c.relnamespace
                               where n.nspname = 'public' and c.relowner = 'postgres'::regrole
                                 and c.relkind in ('r', 'p', 'v', 'm', 'S')
                                 and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass
                                                 and d.objid = c.oid and d.deptype in ('a', 'i', 'e')) loop
                        execute format('alter %s %s owner to %s', case r.relkind when 'S' then 'sequence'
                          when 'v' then 'view' when 'm' then 'materialized view' else 'table' end, r.name, '%1$s');
                      end loop;
                      for r in select p.oid::regprocedure as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                               where n.nspname = 'public' and p.proowner = 'postgres'::regrole
                                 and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass
                                                 and d.objid = p.oid and d.deptype = 'e') loop
                        execute format('alter routine %s owner to %s', r.name, '%1$s');
                      end loop;
                      for r in select t.oid::regconfig as name from pg_ts_config t join pg_namespace n on n.oid = t.cfgnamespace
                               where n.nspname = 'public' and t.cfgowner = 'postgres'::regrole loop
                        execute format('alter text search configuration %s owner to %s', r.name, '%1$s');
                      end loop;
                    end $$""".replace("%1$s", DatabaseRoles.OWNER));
        }
    }
}
