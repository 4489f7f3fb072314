package org.samenkracht.privacy.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret that seals the audit log. PostgreSQL never holds it: it is given by the operator
 * ({@code samenkracht.audit.key} / {@code SAMENKRACHT_AUDIT_KEY}, base64, at least 32 bytes) or kept in
 * a file next to the database's data folder ({@code samenkracht.audit.key-file}, default
 * {@code <data folder>/../audit.key}), made on first start with owner-only permissions. Whoever can
 * change the database but not read this key cannot rewrite the log without verify noticing.
 */
@Component
public class AuditKey {

    private static final Logger log = LoggerFactory.getLogger(AuditKey.class);

    private final byte[] key;
    private final String id;

    @org.springframework.beans.factory.annotation.Autowired
    AuditKey(@Value("${samenkracht.audit.key:}") String given,
             @Value("${samenkracht.audit.key-file:}") String keyFile,
             @Value("${samenkracht.data-dir:./data/pg}") String dataDir) {
        this.key = given.isBlank() ? fromFile(keyFile.isBlank() ? defaultFile(dataDir) : Path.of(keyFile)) : decode(given, "samenkracht.audit.key");
        this.id = fingerprint(key);
    }

    /** A key given directly (tests, tools). */
    public AuditKey(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("The audit key must be at least 32 bytes");
        }
        this.key = key.clone();
        this.id = fingerprint(key);
    }

    static Path defaultFile(String dataDir) {
        Path data = Path.of(dataDir).toAbsolutePath().normalize();
        return (data.getParent() == null ? data : data.getParent()).resolve("audit.key");
    }

    /** A short public name of the key (not secret): the first bytes of its SHA-256. */
    public String id() {
        return id;
    }

    /** A fresh HMAC-SHA256 keyed with the secret (a Mac is not thread-safe: one per use). */
    public Mac mac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] fromFile(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
            }
            byte[] fresh = new byte[32];
            new SecureRandom().nextBytes(fresh);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the operator protects the folder
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            log.warn("A new audit key was made in {}. Keep a copy of it apart from the database backups: "
                    + "without it the audit log of a restored backup cannot be verified.", file);
            return fresh;
        } catch (IOException e) {
            throw new UncheckedIOException("The audit key file " + file + " cannot be read or made", e);
        }
    }

    private static byte[] decode(String text, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The audit key in " + source + " is not base64");
        }
        if (bytes.length < 32) {
            throw new IllegalStateException("The audit key in " + source + " must be at least 32 bytes (base64 of 32 random bytes)");
        }
        return bytes;
    }

    private static String fingerprint(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
