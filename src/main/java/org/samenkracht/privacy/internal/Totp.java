package org.samenkracht.privacy.internal;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;

import java.security.InvalidKeyException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import javax.crypto.spec.SecretKeySpec;
import java.security.SecureRandom;

/**
 * Time-based one-time passwords (RFC 6238): the codes come from the java-otp library (HMAC-SHA1,
 * 30-second steps, six digits); this class only matches a code to its step, so that the caller can
 * refuse a step already used (replay). Secrets are shown to the
 * user in base32 (RFC 4648), as authenticator apps expect.
 */
public final class Totp {

    public static final int STEP_SECONDS = 30;
    private static final int DIGITS = 6;
    private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Totp() {
    }

    public static byte[] newSecret() {
        byte[] secret = new byte[20];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    public static long step(long epochSeconds) {
        return Math.floorDiv(epochSeconds, STEP_SECONDS);
    }

    /** The code for one time step, with {@code digits} digits (RFC 6238, by the java-otp library). */
    public static String code(byte[] secret, long step, int digits) {
        try {
            return new TimeBasedOneTimePasswordGenerator(Duration.ofSeconds(STEP_SECONDS), digits)
                    .generateOneTimePasswordString(new SecretKeySpec(secret, "HmacSHA1"),
                            Instant.ofEpochSecond(step * STEP_SECONDS), Locale.ROOT);
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("A TOTP secret was refused as a key", e);
        }
    }

    public static String code(byte[] secret, long step) {
        return code(secret, step, DIGITS);
    }

    /**
     * The time step the code belongs to, allowing one step of clock drift either way, or -1. The
     * caller refuses a step not later than the last one used, so a code works once.
     */
    public static long matchingStep(byte[] secret, String code, long epochSeconds) {
        if (code == null || !code.strip().matches("\\d{6}")) {
            return -1;
        }
        String given = code.strip();
        long now = step(epochSeconds);
        for (long s = now - 1; s <= now + 1; s++) {
            if (java.security.MessageDigest.isEqual(code(secret, s).getBytes(), given.getBytes())) {
                return s;
            }
        }
        return -1;
    }

    public static String base32(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        if (bits > 0) {
            out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
        }
        return out.toString();
    }

    /** The otpauth URI an authenticator app reads (typed in, or as a QR code). */
    public static String uri(String issuer, String account, byte[] secret) {
        String enc = java.net.URLEncoder.encode(issuer, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        String acc = java.net.URLEncoder.encode(account, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
        return "otpauth://totp/" + enc + ":" + acc + "?secret=" + base32(secret) + "&issuer=" + enc
                + "&algorithm=SHA1&digits=6&period=30";
    }
}
