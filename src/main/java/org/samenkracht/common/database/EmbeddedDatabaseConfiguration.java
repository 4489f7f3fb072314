package org.samenkracht.common.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The embedded default: when {@code spring.datasource.url} is not set, Samenkracht starts its own
 * PostgreSQL 17 with data in {@code samenkracht.data-dir} (default ./data/pg), so data survives a
 * restart. Setting the standard datasource URL, user and password uses that server instead.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabaseConfiguration {

    static final String DATABASE = "samenkracht";

    @Bean(destroyMethod = "close")
    DataSource dataSource(@Value("${samenkracht.data-dir:./data/pg}") String dataDir,
                          @Value("${samenkracht.embedded-db.port:0}") int port,
                          @Value("${samenkracht.embedded-db.pool-size:20}") int poolSize) throws SQLException {
        EmbeddedPostgres pg = EmbeddedPostgresServer.start(Path.of(dataDir), port);
        ensureDatabase(pg);
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(pg.getJdbcUrl("postgres", DATABASE));
        ds.setUsername("postgres");
        ds.setMaximumPoolSize(poolSize);
        ds.setPoolName("samenkracht-embedded");
        return ds;
    }

    private static void ensureDatabase(EmbeddedPostgres pg) throws SQLException {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            var rs = st.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'");
            if (!rs.next()) {
                st.execute("create database " + DATABASE);
            }
        }
    }
}
