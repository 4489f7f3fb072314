package org.samenkracht.operations;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** A new, empty database on the same PostgreSQL server, migrated by Flyway like a fresh install. */
final class FreshDatabase implements AutoCloseable {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    final String name;
    final HikariDataSource dataSource;
    private final DataSource server;

    FreshDatabase(DataSource server, String purpose) throws SQLException {
        this.server = server;
        this.name = "fresh_" + purpose + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        String url;
        String user;
        try (Connection c = server.getConnection(); Statement st = c.createStatement()) {
            st.execute("drop database if exists " + name);
            st.execute("create database " + name);
            url = c.getMetaData().getURL();
            user = c.getMetaData().getUserName();
        }
        dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url.replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1"));
        dataSource.setUsername(user);
        dataSource.setMaximumPoolSize(4);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").outOfOrder(true).load().migrate();
    }

    @Override
    public void close() throws SQLException {
        dataSource.close();
        try (Connection c = server.getConnection(); Statement st = c.createStatement()) {
            st.execute("drop database if exists " + name + " with (force)");
        }
    }
}
