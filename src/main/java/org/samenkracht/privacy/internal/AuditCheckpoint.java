package org.samenkracht.privacy.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The head of the sealed audit chain, written outside the database (a small file beside the data
 * folder, {@code samenkracht.audit.checkpoint-file}, default {@code <data folder>-audit-head}) at
 * regular moments and at shutdown. A tail cut off the log in the database is found because the
 * head this file remembers is gone. The file carries its own HMAC, so an edit of it is noticed too.
 * It only ever moves forward, and only from a head that is still in the database.
 */
@Component
public class AuditCheckpoint {

    private static final String MAGIC = "samenkracht-audit-head 1";

    /** What the file remembers: the newest seal seen and its MAC. */
    public record Head(long eventId, byte[] mac, Instant at) {
    }

    private final Path file;
    private final AuditKey key;

    AuditCheckpoint(AuditKey key, @Value("${samenkracht.audit.checkpoint-file:}") String file,
                    @Value("${samenkracht.data-dir:./data/pg}") String dataDir) {
        this.key = key;
        this.file = file.isBlank() ? Path.of(Path.of(dataDir).toAbsolutePath().normalize() + "-audit-head") : Path.of(file);
    }

    public Path file() {
        return file;
    }

    /** The remembered head, or null when there is none yet. A file that fails its own check throws. */
    public synchronized Head read() {
        if (!Files.exists(file)) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.US_ASCII);
            if (lines.isEmpty() || !MAGIC.equals(lines.get(0))) {
                throw new IllegalStateException("The audit checkpoint " + file + " is damaged");
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    values.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            Head head = new Head(Long.parseLong(values.get("event")), HexFormat.of().parseHex(values.get("mac")),
                    Instant.parse(values.get("at")));
            if (!MessageDigest.isEqual(HexFormat.of().parseHex(values.getOrDefault("check", "")), check(head))) {
                throw new IllegalStateException("The audit checkpoint " + file + " was changed (its check does not match the key)");
            }
            return head;
        } catch (IOException e) {
            throw new UncheckedIOException("The audit checkpoint " + file + " cannot be read", e);
        } catch (RuntimeException e) {
            if (e instanceof IllegalStateException) {
                throw e;
            }
            throw new IllegalStateException("The audit checkpoint " + file + " is damaged", e);
        }
    }

    /** Writes the new head atomically (a crash leaves the old or the new file, never half of one). */
    public synchronized void write(Head head) {
        String text = MAGIC + "\nevent=" + head.eventId() + "\nmac=" + HexFormat.of().formatHex(head.mac())
                + "\nat=" + head.at() + "\ncheck=" + HexFormat.of().formatHex(check(head)) + "\n";
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, text, StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("The audit checkpoint " + file + " cannot be written", e);
        }
    }

    /** Forgets the head: only for a restore into a fresh database, whose chain starts anew from the backup. */
    public synchronized void forget() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] check(Head head) {
        var mac = key.mac();
        mac.update(("checkpoint|" + head.eventId() + "|" + HexFormat.of().formatHex(head.mac()) + "|" + head.at())
                .getBytes(StandardCharsets.US_ASCII));
        return mac.doFinal();
    }
}
