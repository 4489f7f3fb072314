package org.samenkracht.privacy.internal;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The audit rows of read-only requests, written by one writer for many requests at once: one
 * insert and one durable commit (PostgreSQL waits for the disk) for all the requests that handed
 * their rows in while the previous commit was on its way to the disk. A request hands in its rows
 * after its own transaction has committed (read-only, so without waiting for the disk) and given its
 * connection back, and waits until its rows are on disk before its answer goes out; if they cannot be
 * written, the request fails and its answer is never sent.
 *
 * <p>The writer has a connection of its own, outside the application's pool (a pool of one made
 * with the same settings), so it never takes a connection a request is waiting for, and a request
 * never holds two pooled connections. The hash chain is not touched here: entries are numbered by
 * the insert and sealed in number order in the background ({@link AuditSeals}).
 *
 * <p>{@code samenkracht.audit.group-commit} (default true) switches it off: the rows are then
 * written in the request's own transaction, which then commits durably.
 */
@Component
public class AuditGroupCommit implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditGroupCommit.class);
    /** PostgreSQL takes at most 65 535 parameters in one statement, 8 per row. */
    static final int MAX_ROWS = 4_000;
    private static final long WAIT_SECONDS = 30;

    private record Handed(List<AuditTrail.Row> rows, CompletableFuture<Void> written) {
    }

    private final DataSource pool;
    private final LinkedBlockingQueue<Handed> queue = new LinkedBlockingQueue<>();
    private volatile boolean enabled;
    private volatile boolean running;
    private HikariDataSource own;
    private JdbcTemplate jdbc;
    private TransactionTemplate tx;
    private Thread writer;

    AuditGroupCommit(DataSource dataSource, @Value("${samenkracht.audit.group-commit:true}") boolean enabled) {
        this.pool = dataSource;
        this.enabled = enabled;
    }

    /** Whether rows of reads are written here (else in the request's transaction). */
    boolean enabled() {
        return enabled && running;
    }

    /** For the benchmark: the same run with and without. */
    void enable(boolean on) {
        this.enabled = on;
    }

    /**
     * Hands the rows in and waits until they are durably committed. Throws when they could not be
     * written (the request then fails); never returns before they are on disk.
     */
    void write(List<AuditTrail.Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Handed handed = new Handed(List.copyOf(rows), new CompletableFuture<>());
        queue.add(handed);
        try {
            handed.written().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataAccessResourceFailureException("Interrupted while the audit rows were written", e);
        } catch (TimeoutException e) {
            throw new DataAccessResourceFailureException("The audit rows were not written within " + WAIT_SECONDS + " s", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new DataAccessResourceFailureException("The audit rows could not be written", e.getCause());
        }
    }

    private void loop() {
        List<Handed> batch = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                Handed first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                int rows = first.rows().size();
                Handed next;
                while (rows < MAX_ROWS && (next = queue.peek()) != null && rows + next.rows().size() <= MAX_ROWS) {
                    batch.add(queue.poll());
                    rows += next.rows().size();
                }
                commit(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (Throwable t) {
                batch.forEach(h -> h.written().completeExceptionally(t));
            } finally {
                batch.clear();
            }
        }
        queue.forEach(h -> h.written().completeExceptionally(new IllegalStateException("The audit writer stopped")));
    }

    /** One insert, one durable commit for the batch; if it fails, each request's rows alone, so one bad row fails only its own request. */
    private void commit(List<Handed> batch) {
        try {
            List<AuditTrail.Row> all = new ArrayList<>();
            batch.forEach(h -> all.addAll(h.rows()));
            tx.executeWithoutResult(s -> AuditTrail.insert(jdbc, all));
            batch.forEach(h -> h.written().complete(null));
        } catch (RuntimeException failed) {
            if (batch.size() == 1) {
                batch.get(0).written().completeExceptionally(failed);
                return;
            }
            for (Handed h : batch) {
                try {
                    tx.executeWithoutResult(s -> AuditTrail.insert(jdbc, h.rows()));
                    h.written().complete(null);
                } catch (RuntimeException e) {
                    h.written().completeExceptionally(e);
                }
            }
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        DataSource writerSource = pool;
        HikariDataSource hikari = hikari(pool);
        if (hikari != null) {
            own = new HikariDataSource();
            hikari.copyStateTo(own);
            own.setPoolName(hikari.getPoolName() + "-audit-writer");
            own.setMaximumPoolSize(1);
            own.setMinimumIdle(1);
            // the rows must be on disk before the answer goes out, whatever the server's default
            own.setConnectionInitSql("set synchronous_commit = on");
            writerSource = own;
        } else {
            log.warn("The audit writer shares the application's connection pool ({}), not a connection of its own",
                    pool.getClass().getName());
        }
        jdbc = new JdbcTemplate(writerSource);
        tx = new TransactionTemplate(new DataSourceTransactionManager(writerSource));
        running = true;
        writer = new Thread(this::loop, "audit-group-commit");
        writer.setDaemon(true);
        writer.start();
    }

    private static HikariDataSource hikari(DataSource ds) {
        try {
            return ds instanceof HikariDataSource h ? h
                    : ds.isWrapperFor(HikariDataSource.class) ? ds.unwrap(HikariDataSource.class) : null;
        } catch (java.sql.SQLException e) {
            return null;
        }
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (writer != null) {
            try {
                writer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            writer = null;
        }
        if (own != null) {
            own.close();
            own = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Starts before the web server and stops after it (requests still being answered hand rows in). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 4096;
    }
}
