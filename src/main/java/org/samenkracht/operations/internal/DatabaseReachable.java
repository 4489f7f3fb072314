package org.samenkracht.operations.internal;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Readiness says DOWN within a second while the database does not answer (issue 14, item 4).
 * Spring Boot's {@code db} check waits for a pooled connection, up to the pool's 30 s, so while the
 * database was away a probe got no answer at all instead of "not ready". The check runs on one
 * thread of its own: a probe that finds the previous check still waiting answers DOWN at once, so
 * probes never pile up threads behind a database that has gone.
 */
@Component("database")
class DatabaseReachable implements HealthIndicator {

    static final long ANSWER_WITHIN_MILLIS = 1_000;

    private final DataSource dataSource;
    private final ExecutorService checker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "database-readiness");
        t.setDaemon(true);
        return t;
    });
    private volatile Future<?> running;

    DatabaseReachable(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Health health() {
        Future<?> check = running;
        if (check == null || check.isDone()) {
            check = checker.submit(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    if (!connection.isValid(1)) {
                        throw new java.sql.SQLException("the connection is not valid");
                    }
                }
                return null;
            });
            running = check;
        }
        try {
            check.get(ANSWER_WITHIN_MILLIS, TimeUnit.MILLISECONDS);
            return Health.up().build();
        } catch (TimeoutException waiting) {
            return Health.down().withDetail("reason", "the database did not answer within 1 s").build();
        } catch (ExecutionException failed) {
            return Health.down().withDetail("reason", String.valueOf(failed.getCause().getClass().getSimpleName())).build();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Health.down().build();
        }
    }
}
