package org.samenkracht.operations.internal;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.jdbc.datasource.AbstractDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Readiness answers DOWN within a second while the database does not answer, and UP again after. */
class DatabaseReachableTest {

    /** A pool whose every connection request hangs (the database is gone) until told otherwise. */
    static final class Pool extends AbstractDataSource {
        volatile boolean gone = true;
        final AtomicInteger asked = new AtomicInteger();

        @Override
        public Connection getConnection() throws SQLException {
            asked.incrementAndGet();
            while (gone) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    throw new SQLException(e);
                }
            }
            Connection valid = (Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[]{Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "isValid" -> true;
                        case "close" -> null;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
            return valid;
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }

    @Test
    void down_within_a_second_while_the_database_hangs_and_up_when_it_answers() {
        Pool pool = new Pool();
        DatabaseReachable check = new DatabaseReachable(pool);
        for (int probe = 0; probe < 3; probe++) {
            long t0 = System.nanoTime();
            assertThat(check.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1_500);
        }
        // the probes did not each leave a thread waiting for a connection
        assertThat(pool.asked.get()).isEqualTo(1);
        pool.gone = false;
        assertThat(check.health().getStatus()).isEqualTo(Status.UP);
    }
}
