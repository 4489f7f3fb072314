package org.samenkracht.privacy.internal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** RFC 6238 appendix B test vectors (SHA1, 8 digits) and the six-digit codes apps show. */
class TotpTest {

    static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matches_the_rfc_6238_test_vectors() {
        assertThat(Totp.code(RFC_SECRET, Totp.step(59), 8)).isEqualTo("94287082");
        assertThat(Totp.code(RFC_SECRET, Totp.step(1111111109L), 8)).isEqualTo("07081804");
        assertThat(Totp.code(RFC_SECRET, Totp.step(1234567890L), 8)).isEqualTo("89005924");
        assertThat(Totp.code(RFC_SECRET, Totp.step(20000000000L), 8)).isEqualTo("65353130");
        assertThat(Totp.code(RFC_SECRET, Totp.step(59))).isEqualTo("287082");
    }

    @Test
    void accepts_one_step_of_clock_drift_and_nothing_else() {
        long now = 1_700_000_000L;
        String previous = Totp.code(RFC_SECRET, Totp.step(now) - 1);
        String tooOld = Totp.code(RFC_SECRET, Totp.step(now) - 2);
        assertThat(Totp.matchingStep(RFC_SECRET, previous, now)).isEqualTo(Totp.step(now) - 1);
        assertThat(Totp.matchingStep(RFC_SECRET, tooOld, now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(RFC_SECRET, "12ab56", now)).isEqualTo(-1);
        assertThat(Totp.matchingStep(RFC_SECRET, null, now)).isEqualTo(-1);
    }

    @Test
    void encodes_secrets_in_base32_as_authenticator_apps_expect() {
        assertThat(Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assertThat(Totp.uri("Samenkracht", "sanne", RFC_SECRET))
                .startsWith("otpauth://totp/Samenkracht:sanne?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    }
}
