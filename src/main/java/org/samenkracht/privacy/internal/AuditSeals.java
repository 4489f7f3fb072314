package org.samenkracht.privacy.internal;

import org.samenkracht.privacy.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.crypto.Mac;
import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Seals the audit log in the background and verifies it.
 *
 * <p><b>Sealing.</b> The request only inserts its entry (numbered by a trigger, no lock, no hash).
 * One worker per node wakes every {@code samenkracht.audit.seal-interval-ms} (default 1000); only the
 * node that holds the advisory lock {@code audit-sealer} seals in that round, so several nodes never
 * seal at once. It chains the entries in number order: {@code mac = HMAC-SHA256(key, previous mac,
 * the entry's fields)}, one row in the insert-only {@code audit_seal} per entry. It seals only up to a
 * number it knows is final: the highest number a snapshot saw, once every transaction that was running
 * at that snapshot has ended (the insert takes its transaction id before its number, see V11_1).
 *
 * <p><b>Checkpoint.</b> After sealing (at most every {@code samenkracht.audit.checkpoint-interval-ms},
 * default 10 000) and at shutdown the head of the chain is written to {@link AuditCheckpoint}, outside
 * the database. A checkpoint moves only forward and only when the head it remembers is still there.
 *
 * <p><b>Verify.</b> One pass over entries and seals in number order (streamed, the MACs checked on every
 * core), recomputing every MAC; the first
 * bad entry is named with its kind: CHANGED (the seal was made with the key but the entry no longer
 * matches it), REMOVED (a sealed entry, or its seal, is gone), FORGED (an entry without a seal where the
 * log was already sealed after it, or a seal not made with the key: a forged append or a re-chained
 * entry), TRUNCATED (the head the checkpoint remembers is gone).
 */
@Component
public class AuditSeals implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AuditSeals.class);
    private static final String LOCK = "select pg_try_advisory_xact_lock(hashtextextended('samenkracht:audit-sealer', 0))";

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final AuditKey key;
    private final AuditCheckpoint checkpoint;
    private final long intervalMs;
    private final long checkpointIntervalMs;
    private final int batch;

    private ScheduledExecutorService worker;
    private volatile boolean running;
    /** A snapshot's highest number and the end of its running transactions (xid8), waiting to become final. */
    private long pendingMaxId = -1;
    private long pendingXmax;
    /** The highest number known final, up to which this node may seal. */
    private long horizon;
    private long lastCheckpointAt;
    private long lastCheckpointId = -1;

    AuditSeals(DataSource dataSource, PlatformTransactionManager transactions, AuditKey key, AuditCheckpoint checkpoint,
               @Value("${samenkracht.audit.seal-interval-ms:1000}") long intervalMs,
               @Value("${samenkracht.audit.checkpoint-interval-ms:10000}") long checkpointIntervalMs,
               @Value("${samenkracht.audit.seal-batch:5000}") int batch) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(10_000);
        this.tx = new TransactionTemplate(transactions);
        this.key = key;
        this.checkpoint = checkpoint;
        this.intervalMs = intervalMs;
        this.checkpointIntervalMs = checkpointIntervalMs;
        this.batch = batch;
    }

    // ---------------------------------------------------------------- sealing

    /**
     * One round: seal what is final (as long as whole batches keep coming), then checkpoint if due.
     * Returns the number of entries sealed by this node in this round.
     */
    public synchronized int sealNow() {
        int total = 0;
        int sealed;
        do {
            sealed = sealBatch();
            total += sealed;
        } while (sealed == batch);
        return total;
    }

    /**
     * Seals everything written before this call: waits (a few rounds) until the entries already
     * committed are final and sealed. For tests and shutdown.
     */
    public synchronized int sealAllCommitted(long timeoutMs) {
        long target = jdbc.queryForObject("select coalesce(max(id), 0) from audit_event", Long.class);
        long deadline = System.currentTimeMillis() + timeoutMs;
        int total = 0;
        while (true) {
            total += sealNow();
            Long head = jdbc.queryForObject("select max(event_id) from audit_seal", Long.class);
            boolean unsealedBelowTarget = Boolean.TRUE.equals(jdbc.queryForObject(
                    "select exists (select 1 from audit_event e where e.id <= ? and not exists "
                            + "(select 1 from audit_seal s where s.event_id = e.id) and e.id > coalesce(?, 0))",
                    Boolean.class, target, head));
            if (!unsealedBelowTarget || System.currentTimeMillis() > deadline) {
                return total;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return total;
            }
        }
    }

    private int sealBatch() {
        Integer n = tx.execute(status -> {
            if (!Boolean.TRUE.equals(jdbc.queryForObject(LOCK, Boolean.class))) {
                pendingMaxId = -1; // another node seals; start afresh when this one takes over
                return 0;
            }
            jdbc.query("select pg_snapshot_xmin(s)::text, pg_snapshot_xmax(s)::text, "
                    + "(select coalesce(max(id), 0) from audit_event) from (select pg_current_snapshot() s) q", rs -> {
                long xmin = Long.parseLong(rs.getString(1));
                if (pendingMaxId >= 0 && xmin >= pendingXmax) {
                    horizon = Math.max(horizon, pendingMaxId);
                    pendingMaxId = -1;
                }
                if (pendingMaxId < 0) {
                    pendingMaxId = rs.getLong(3);
                    pendingXmax = Long.parseLong(rs.getString(2));
                }
            });
            List<Object[]> head = jdbc.query("select event_id, mac from audit_seal order by event_id desc limit 1",
                    (rs, i) -> new Object[] {rs.getLong(1), rs.getBytes(2)});
            long after = head.isEmpty() ? 0 : (Long) head.get(0)[0];
            byte[] previous = head.isEmpty() ? null : (byte[]) head.get(0)[1];
            if (after >= horizon) {
                return 0;
            }
            Mac mac = key.mac();
            List<Object[]> seals = new ArrayList<>();
            byte[][] prev = {previous};
            jdbc.query("""
                    select id, occurred_at, organisation_id, actor_id, actor_role, person_id, action, resource, ground, chain
                    from audit_event where id > ? and id <= ? order by id limit ?""", (RowCallbackHandler) rs -> {
                byte[] m = mac(mac, prev[0], rs);
                seals.add(new Object[] {rs.getLong(1), prev[0], m, sealMac(mac, rs.getLong(1), prev[0], m), key.id()});
                prev[0] = m;
            }, after, horizon, batch);
            if (!seals.isEmpty()) {
                jdbc.batchUpdate("insert into audit_seal (event_id, previous_mac, mac, seal_mac, key_id) values (?, ?, ?, ?, ?)", seals);
            }
            return seals.size();
        });
        return n == null ? 0 : n;
    }

    /** The entry's MAC: the previous MAC and every field, each length-prefixed (no two inputs read alike). */
    static byte[] mac(Mac mac, byte[] previous, ResultSet rs) throws SQLException {
        OffsetDateTime at = rs.getObject(2, OffsetDateTime.class);
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, at.toInstant());
        String[] fields = new String[8];
        for (int column = 3; column <= 10; column++) {
            fields[column - 3] = rs.getString(column);
        }
        return mac(mac, previous, rs.getLong(1), micros, fields);
    }

    /** The same MAC from the entry's number, its time in microseconds since 1970 and its eight text fields. */
    static byte[] mac(Mac mac, byte[] previous, long id, long micros, String[] fields) {
        mac.reset();
        field(mac, previous);
        byte[] numbers = new byte[16];
        putLong(numbers, 0, id);
        putLong(numbers, 8, micros);
        field(mac, numbers);
        for (String value : fields) {
            field(mac, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }
        return mac.doFinal();
    }

    /** The seal's own MAC: proves the seal (not the entry) was made with the key. */
    static byte[] sealMac(Mac mac, long eventId, byte[] previous, byte[] entryMac) {
        mac.reset();
        field(mac, SEAL);
        byte[] number = new byte[8];
        putLong(number, 0, eventId);
        field(mac, number);
        field(mac, previous);
        field(mac, entryMac);
        return mac.doFinal();
    }

    private static final byte[] SEAL = "seal".getBytes(StandardCharsets.US_ASCII);

    private static void field(Mac mac, byte[] value) {
        int n = value == null ? -1 : value.length;
        mac.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        if (value != null) {
            mac.update(value);
        }
    }

    private static void putLong(byte[] into, int at, long v) {
        for (int i = 7; i >= 0; i--) {
            into[at + i] = (byte) v;
            v >>>= 8;
        }
    }

    // ------------------------------------------------------------- checkpoint

    /**
     * Writes the current head outside the database, unless the head the file remembers is no longer
     * in the database (then the file keeps it, so verify keeps reporting the truncation).
     */
    public synchronized void checkpoint() {
        List<AuditCheckpoint.Head> now = jdbc.query("select event_id, mac from audit_seal order by event_id desc limit 1",
                (rs, i) -> new AuditCheckpoint.Head(rs.getLong(1), rs.getBytes(2), Instant.now()));
        if (now.isEmpty()) {
            return;
        }
        AuditCheckpoint.Head remembered;
        try {
            remembered = checkpoint.read();
        } catch (RuntimeException e) {
            log.error("AUDIT CHECKPOINT not advanced: {}", e.getMessage());
            return;
        }
        if (remembered != null) {
            if (remembered.eventId() == now.get(0).eventId()) {
                return;
            }
            List<byte[]> still = jdbc.query("select mac from audit_seal where event_id = ?", (rs, i) -> rs.getBytes(1),
                    remembered.eventId());
            if (still.isEmpty() || !MessageDigest.isEqual(still.get(0), remembered.mac())) {
                log.error("AUDIT CHECKPOINT not advanced: the head it remembers (entry {}) is no longer in the database; "
                        + "run --verify-audit", remembered.eventId());
                return;
            }
        }
        checkpoint.write(now.get(0));
        lastCheckpointId = now.get(0).eventId();
    }

    /** Holds the background rounds (tests that tamper with the log and then repair it). */
    public synchronized void pause(boolean paused) {
        this.paused = paused;
    }

    private volatile boolean paused;

    private void round() {
        if (paused) {
            return;
        }
        try {
            int sealed = sealNow();
            long now = System.currentTimeMillis();
            if ((sealed > 0 || lastCheckpointId < 0) && now - lastCheckpointAt >= checkpointIntervalMs) {
                checkpoint();
                lastCheckpointAt = now;
            }
        } catch (RuntimeException e) {
            // the database may be away for a moment (restart, failover): the next round tries again
            log.warn("Audit sealing round failed: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-sealer");
            t.setDaemon(true);
            return t;
        });
        worker.scheduleWithFixedDelay(this::round, intervalMs, intervalMs, TimeUnit.MILLISECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
            sealAllCommitted(2_000);
            checkpoint();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Audit seal and checkpoint at shutdown failed: {}", e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        // stops early (before the web server and the pool go), starts late
        return Integer.MAX_VALUE - 100;
    }

    // ------------------------------------------------------------------ verify

    /** Entries checked per task of the parallel part of {@link #verify()}. */
    private static final int VERIFY_BATCH = 4096;

    /**
     * Walks every entry and seal in number order; see the class comment for the kinds of damage.
     *
     * <p>One pass in one snapshot (REPEATABLE READ): two server-side cursors, entries by number and
     * seals by number, each read in index order with a large fetch size and merged here, so nothing is
     * sorted or held in memory. The walk itself checks what follows from the order (a missing entry
     * or seal, a link to the previous MAC that does not match, an unsealed entry before sealed ones,
     * another key); the two HMACs per entry, which do not depend on each other's results (every seal
     * names the MAC it follows), are checked in batches on every core. The first bad entry is the
     * lowest number any check found.
     */
    public AuditLog.Verification verify() {
        Scan scan;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                scan = scan(c);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("audit verification could not read the log: " + e.getMessage(), e);
        }
        AuditCheckpoint.Head head;
        try {
            head = checkpoint.read();
        } catch (IllegalStateException e) {
            return scan.result(null, null, "CHECKPOINT_DAMAGED", null);
        }
        if (scan.firstBad == null && head != null) {
            if (scan.lastSealed < head.eventId()) {
                return scan.result(scan.lastSealed + 1, null, "TRUNCATED", head.eventId());
            }
            List<byte[]> found = jdbc.query("select mac from audit_seal where event_id = ?", (rs, i) -> rs.getBytes(1),
                    head.eventId());
            byte[] there = found.isEmpty() ? null : found.get(0);
            if (there == null) {
                return scan.result(head.eventId(), null, "TRUNCATED", head.eventId());
            }
            if (!MessageDigest.isEqual(there, head.mac())) {
                return scan.result(head.eventId(), null, "CHANGED", head.eventId());
            }
        }
        return scan.result(scan.firstBad, scan.badChain, scan.kind, head == null ? null : head.eventId());
    }

    /** One entry with its seal, as the parallel part checks it. */
    private record Row(long id, long micros, String[] fields, byte[] previous, byte[] stored, byte[] sealMac,
                       long previousSealed) {
    }

    private Scan scan(Connection c) throws SQLException {
        int threads = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
        var pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "audit-verify");
            t.setDaemon(true);
            return t;
        });
        var inFlight = new java.util.concurrent.Semaphore(threads * 4);
        var failures = new java.util.concurrent.ConcurrentLinkedQueue<Object[]>();
        var tasks = new ArrayList<java.util.concurrent.Future<?>>();
        Scan scan = new Scan();
        try (PreparedStatement events = c.prepareStatement("""
                     select id, (extract(epoch from occurred_at) * 1000000)::int8, organisation_id, actor_id, actor_role,
                            person_id, action, resource, ground, chain
                     from audit_event order by id""");
             PreparedStatement seals = c.prepareStatement(
                     "select event_id, previous_mac, mac, key_id, seal_mac from audit_seal order by event_id")) {
            events.setFetchSize(20_000);
            seals.setFetchSize(20_000);
            try (ResultSet e = events.executeQuery(); ResultSet s = seals.executeQuery()) {
                boolean hasE = e.next();
                boolean hasS = s.next();
                List<Row> batch = new ArrayList<>(VERIFY_BATCH);
                String keyId = key.id();
                byte[] previous = null;
                while (hasE || hasS) {
                    long eventId = hasE ? e.getLong(1) : Long.MAX_VALUE;
                    long sealId = hasS ? s.getLong(1) : Long.MAX_VALUE;
                    long id = Math.min(eventId, sealId);
                    boolean present = eventId == id;
                    boolean sealed = sealId == id;
                    if (present) {
                        scan.checked++;
                    }
                    if (scan.firstBad != null) {
                        if (sealed) {
                            scan.lastSealed = Math.max(scan.lastSealed, id);
                        }
                    } else if (!sealed) {
                        scan.unsealed++;
                        if (scan.firstUnsealed == null) {
                            scan.firstUnsealed = id;
                            scan.firstUnsealedChain = e.getString(10);
                        }
                    } else {
                        byte[] linked = s.getBytes(2);
                        byte[] stored = s.getBytes(3);
                        String chain = present ? e.getString(10) : null;
                        if (scan.firstUnsealed != null) {
                            scan.bad(scan.firstUnsealed, scan.firstUnsealedChain, "FORGED", scan.lastSealed);
                        } else if (!present) {
                            scan.bad(id, null, "REMOVED", scan.lastSealed);
                        } else if (!Arrays.equals(linked, previous)) {
                            scan.bad(id, chain, "REMOVED", scan.lastSealed);
                        } else if (!keyId.equals(s.getString(4))) {
                            scan.bad(id, chain, "FORGED", scan.lastSealed);
                        } else {
                            String[] fields = new String[8];
                            for (int i = 0; i < 8; i++) {
                                fields[i] = e.getString(3 + i);
                            }
                            batch.add(new Row(id, e.getLong(2), fields, linked, stored, s.getBytes(5), scan.lastSealed));
                            if (batch.size() == VERIFY_BATCH) {
                                tasks.add(submit(pool, inFlight, batch, failures));
                                batch = new ArrayList<>(VERIFY_BATCH);
                            }
                        }
                        previous = stored;
                        scan.lastSealed = id;
                        scan.unsealed = 0;
                    }
                    if (present) {
                        hasE = e.next();
                    }
                    if (sealed) {
                        hasS = s.next();
                    }
                }
                if (!batch.isEmpty()) {
                    tasks.add(submit(pool, inFlight, batch, failures));
                }
            }
            for (var task : tasks) {
                task.get();
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("audit verification interrupted", ex);
        } catch (java.util.concurrent.ExecutionException ex) {
            throw new IllegalStateException("audit verification failed: " + ex.getCause(), ex.getCause());
        } finally {
            pool.shutdownNow();
        }
        for (Object[] f : failures) {
            Row row = (Row) f[0];
            if (scan.firstBad == null || row.id() < scan.firstBad) {
                scan.bad(row.id(), row.fields()[7], (String) f[1], row.previousSealed());
            }
        }
        return scan;
    }

    /** Checks a batch's two HMACs per entry on the pool; a batch stops at its first bad entry. */
    private java.util.concurrent.Future<?> submit(java.util.concurrent.ExecutorService pool,
                                                  java.util.concurrent.Semaphore inFlight, List<Row> batch,
                                                  java.util.Queue<Object[]> failures) throws InterruptedException {
        inFlight.acquire();
        return pool.submit(() -> {
            try {
                Mac mac = key.mac();
                for (Row row : batch) {
                    if (!MessageDigest.isEqual(sealMac(mac, row.id(), row.previous(), row.stored()), row.sealMac())) {
                        failures.add(new Object[] {row, "FORGED"});
                        return;
                    }
                    if (!MessageDigest.isEqual(mac(mac, row.previous(), row.id(), row.micros(), row.fields()), row.stored())) {
                        failures.add(new Object[] {row, "CHANGED"});
                        return;
                    }
                }
            } finally {
                inFlight.release();
            }
        });
    }

    private static final class Scan {
        long checked;
        long lastSealed;
        long unsealed;
        Long firstUnsealed;
        String firstUnsealedChain;
        Long firstBad;
        String badChain;
        String kind;
        /** The last sealed entry before the first bad one (all before it passed). */
        long lastIntactBeforeBad;

        void bad(long id, String chain, String what, long previousSealed) {
            firstBad = id;
            badChain = chain;
            kind = what;
            lastIntactBeforeBad = previousSealed;
        }

        AuditLog.Verification result(Long first, String chain, String what, Long checkpointId) {
            long intact = firstBad != null ? lastIntactBeforeBad : lastSealed;
            return new AuditLog.Verification(checked, first, chain, first == null && what == null,
                    what, intact == 0 ? null : intact, firstBad == null ? unsealed : 0, checkpointId);
        }
    }
}
