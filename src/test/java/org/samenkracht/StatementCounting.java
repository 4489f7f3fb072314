package org.samenkracht;

import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the SQL statements and commits that requests served by the embedded web server run, so a
 * test can assert how many round trips one page view costs (behaviour, not time). Only the server's
 * request threads are counted; background work is not a request's cost. A commit counts when it
 * makes something durable: {@code commit()} after a changing statement, or a changing statement
 * outside a transaction (a read-only transaction's commit writes nothing to disk). {@code SQL_TRACE=1} prints them.
 */
public class StatementCounting implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final AtomicInteger STATEMENTS = new AtomicInteger();
    private static final AtomicInteger COMMITS = new AtomicInteger();
    private static final AtomicInteger ROUND_TRIPS = new AtomicInteger();
    private static final boolean TRACE = System.getenv("SQL_TRACE") != null;
    /** Whether the request thread's connection changed something since its last commit. */
    private static final ThreadLocal<Boolean> WROTE = ThreadLocal.withInitial(() -> false);

    public static void reset() {
        STATEMENTS.set(0);
        COMMITS.set(0);
        ROUND_TRIPS.set(0);
    }

    /**
     * Round trips to the database: each execution (a batch is one), and each {@code commit()} or
     * {@code rollback()} that had a transaction to end (the driver sends nothing when the connection
     * is idle, e.g. after a statement that carried its own commit).
     */
    public static int roundTrips() {
        return ROUND_TRIPS.get();
    }

    public static int statements() {
        return STATEMENTS.get();
    }

    public static int commits() {
        return COMMITS.get();
    }

    /** The statements {@code work} runs on this thread: a call outside any request (a job, a bench), counted alone. */
    private static final ThreadLocal<int[]> HERE = new ThreadLocal<>();

    public static int statementsOf(Runnable work) {
        int[] counted = {0};
        HERE.set(counted);
        try {
            work.run();
        } finally {
            HERE.remove();
        }
        return counted[0];
    }

    private static boolean onRequestThread() {
        return Thread.currentThread().getName().startsWith("http-nio");
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource ds && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
                    return ProxyDataSourceBuilder.create(ds).name("counted")
                            .afterQuery((execution, queries) -> {
                                int[] here = HERE.get();
                                if (here != null) {
                                    here[0] += queries.size();
                                }
                                if (onRequestThread()) {
                                    STATEMENTS.addAndGet(queries.size());
                                    ROUND_TRIPS.incrementAndGet();
                                    if (TRACE) {
                                        queries.forEach(q -> System.out.println("SQL " + q.getQuery().replaceAll("\\s+", " ")));
                                    }
                                    boolean write = queries.stream().anyMatch(q -> !q.getQuery().stripLeading().toLowerCase().startsWith("select"));
                                    if (write) {
                                        try {
                                            if (execution.getStatement().getConnection().getAutoCommit()
                                                    || queries.stream().anyMatch(q -> CARRIES_COMMIT.matcher(q.getQuery()).find())) {
                                                COMMITS.incrementAndGet();
                                                WROTE.set(false);
                                            } else {
                                                WROTE.set(true);
                                            }
                                        } catch (java.sql.SQLException ignored) {
                                            // the statement is closed: it was counted, its commit mode is unknown
                                        }
                                    }
                                }
                            })
                            .beforeMethod(method -> {
                                if (onRequestThread() && method.getTarget() instanceof java.sql.Connection c) {
                                    String called = method.getMethod().getName();
                                    if (("commit".equals(called) || "rollback".equals(called)) && method.getMethod().getParameterCount() == 0 && inTransaction(c)) {
                                        ROUND_TRIPS.incrementAndGet();
                                    }
                                }
                            })
                            .afterMethod(method -> {
                                if (onRequestThread() && method.getTarget() instanceof java.sql.Connection) {
                                    String called = method.getMethod().getName();
                                    if ("commit".equals(called) && WROTE.get()) {
                                        COMMITS.incrementAndGet();
                                    }
                                    if ("commit".equals(called) || "rollback".equals(called)) {
                                        WROTE.set(false);
                                    }
                                }
                            })
                            .build();
                }
                return bean;
            }
        });
    }

    /** A statement that ends its transaction itself ({@code insert …; commit}). */
    private static final java.util.regex.Pattern CARRIES_COMMIT = java.util.regex.Pattern.compile(";\\s*commit\\s*$", java.util.regex.Pattern.CASE_INSENSITIVE);

    private static boolean inTransaction(java.sql.Connection connection) {
        try {
            return connection.unwrap(org.postgresql.core.BaseConnection.class).getTransactionState()
                    != org.postgresql.core.TransactionState.IDLE;
        } catch (java.sql.SQLException e) {
            return true;
        }
    }
}
