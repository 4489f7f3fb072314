package org.samenkracht.operations;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Samenkracht running as a separate operating-system process (its own JVM and embedded
 * PostgreSQL), so a test can kill it the hard way and start it again on the same data folder.
 */
final class AppProcess {

    final Path dataDir;
    final int port;
    final int dbPort;
    final Path log;
    private Process process;

    AppProcess(Path dataDir) throws IOException {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = freePort();
        this.dbPort = freePort();
        this.log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
    }

    AppProcess start() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", applicationClassPath(),
                "org.samenkracht.SamenkrachtApplication", "--server.port=" + port,
                "--samenkracht.data-dir=" + dataDir, "--samenkracht.embedded-db.port=" + dbPort,
                "--samenkracht.demo.enabled=true"));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application stopped during start-up; see " + log);
            }
            try {
                var r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UP")) {
                    return this;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the application did not become ready; see " + log);
    }

    /** SIGKILL of the application's JVM: no shutdown hook, no graceful anything. */
    void killApplication() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /**
     * SIGKILL of the embedded PostgreSQL's postmaster (its pid from postmaster.pid); returns {@link System#nanoTime()}
     * at the moment the signal was sent, then waits until the process is gone. Gone means reaped: a killed postmaster
     * is a zombie until the machine's init reaps it, which here took up to two seconds, and PostgreSQL (like the
     * watchdog) cannot start again on the folder before that. Fails when there was nothing to kill, so a test never
     * goes on believing it killed a database that was not there.
     */
    long killDatabase() throws IOException, InterruptedException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            throw new IllegalStateException("no postmaster.pid in " + dataDir);
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("postmaster " + pid + " named in postmaster.pid is not running"));
        postmaster.destroyForcibly();
        long signalled = System.nanoTime();
        while (postmaster.isAlive() && System.nanoTime() - signalled < Duration.ofSeconds(30).toNanos()) {
            Thread.sleep(2);
        }
        return signalled;
    }

    /** SIGKILL of the embedded PostgreSQL when it runs (clean-up after a test, passed or not). */
    void killDatabaseIfRunning() throws IOException, InterruptedException {
        if (postmasterAlive()) {
            killDatabase();
        }
    }

    /** Whether the postmaster named in the data folder's postmaster.pid is alive. */
    boolean postmasterAlive() throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return false;
        }
        long pid = Long.parseLong(Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).trim());
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The HTTP status of a health URL (0 when the application does not answer within 2 s). */
    int healthStatus(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + dbPort + "/samenkracht?user=postgres";
    }

    /** The application's runtime classpath, also when Surefire hides it behind a manifest-only jar. */
    static String applicationClassPath() throws IOException {
        List<String> entries = new ArrayList<>(List.of(System.getProperty("java.class.path").split(File.pathSeparator)));
        if (entries.size() == 1 && entries.get(0).contains("surefirebooter")) {
            try (JarFile jar = new JarFile(entries.get(0))) {
                String manifest = jar.getManifest().getMainAttributes().getValue("Class-Path");
                entries = Stream.of(manifest.split(" ")).filter(s -> !s.isBlank())
                        .map(s -> Path.of(URI.create(s)).toString()).collect(Collectors.toList());
            }
        }
        return entries.stream().filter(e -> !e.contains("surefire") && !e.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
