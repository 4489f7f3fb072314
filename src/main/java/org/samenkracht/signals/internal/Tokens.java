package org.samenkracht.signals.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/** References, secret tokens (only their SHA-256 is stored) and the pseudonymous subject key of a signal. */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] REFERENCE = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();

    private Tokens() {
    }

    /** A short reference the signaller can quote on the phone, e.g. S-7KQ2M9. */
    public static String reference() {
        StringBuilder b = new StringBuilder("S-");
        for (int i = 0; i < 6; i++) {
            b.append(REFERENCE[RANDOM.nextInt(REFERENCE.length)]);
        }
        return b.toString();
    }

    public static String secret() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The same person in different signals, without a file: a hash of the organisation, the name (letters
     * only, lower case, accents removed) and the digits and letters of the address (postcode, house number).
     */
    public static String subjectKey(UUID organisationId, String name, String address) {
        String n = normal(name);
        if (n.isEmpty()) {
            // only an address: signals about the same address still add up on the radar
            String a = normal(address);
            return a.isEmpty() ? null : hash(organisationId + "|address|" + a);
        }
        return hash(organisationId + "|" + n + "|" + normal(address));
    }

    private static String normal(String s) {
        if (s == null) {
            return "";
        }
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]", "");
    }
}
