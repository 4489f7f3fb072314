package org.samenkracht.privacy.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/** The accounts' second factor (TOTP): enrolment, confirmation with a first code, and checking a code once. */
@Component
public class SecondFactors {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final org.samenkracht.identity.Throttle throttle;

    SecondFactors(JdbcClient jdbc, org.samenkracht.identity.Throttle throttle) {
        this.jdbc = jdbc;
        this.throttle = throttle;
        this.clock = Clock.systemUTC();
    }

    /** True while the factor is locked after repeated wrong codes (then even a right code is refused). */
    public boolean locked(UUID accountId) {
        return throttle.blockedUntil(key(accountId)).isPresent();
    }

    private static String key(UUID accountId) {
        return org.samenkracht.identity.Throttle.Kind.SECOND_FACTOR.key(accountId.toString());
    }

    public boolean enabled(UUID accountId) {
        return jdbc.sql("select exists (select 1 from second_factor where account_id = ? and confirmed_at is not null)")
                .param(accountId).query(Boolean.class).single();
    }

    /** Starts (or restarts, while not yet confirmed) enrolment; returns the new secret. */
    @Transactional
    public Optional<byte[]> startEnrolment(UUID accountId) {
        if (enabled(accountId)) {
            return Optional.empty();
        }
        byte[] secret = Totp.newSecret();
        jdbc.sql("""
                insert into second_factor (account_id, secret) values (?, ?)
                on conflict (account_id) do update set secret = excluded.secret, last_used_step = 0""")
                .params(accountId, secret).update();
        return Optional.of(secret);
    }

    public Optional<byte[]> pendingSecret(UUID accountId) {
        return jdbc.sql("select secret from second_factor where account_id = ? and confirmed_at is null")
                .param(accountId).query(byte[].class).optional();
    }

    /** Confirms enrolment with a first valid code. */
    @Transactional
    public boolean confirm(UUID accountId, String code) {
        if (!check(accountId, code, true)) {
            return false;
        }
        jdbc.sql("update second_factor set confirmed_at = now() where account_id = ?").param(accountId).update();
        return true;
    }

    /** Checks a code of a confirmed factor; each code is accepted once. */
    @Transactional
    public boolean verify(UUID accountId, String code) {
        return check(accountId, code, false);
    }

    /** API calls carry the current code on every call: it must match the time, it is not used up. */
    public boolean verifyForApi(UUID accountId, String code) {
        if (locked(accountId)) {
            return false;
        }
        boolean right = jdbc.sql("select secret from second_factor where account_id = ? and confirmed_at is not null")
                .param(accountId).query(byte[].class).optional()
                .map(secret -> Totp.matchingStep(secret, code, clock.instant().getEpochSecond()) >= 0).orElse(false);
        if (!right) {
            throttle.failed(org.samenkracht.identity.Throttle.Kind.SECOND_FACTOR, key(accountId));
        }
        return right;
    }

    /** Marks this session as having passed the second factor. */
    public static void passed(jakarta.servlet.http.HttpSession session) {
        session.setAttribute(SecondFactorFilter.PASSED, true);
        session.setAttribute(org.samenkracht.privacy.StepUp.AT, java.time.Instant.now());
    }

    @Transactional
    public void remove(UUID accountId) {
        jdbc.sql("delete from second_factor where account_id = ?").param(accountId).update();
    }

    private boolean check(UUID accountId, String code, boolean pending) {
        if (locked(accountId)) {
            return false;
        }
        var row = jdbc.sql("select secret, last_used_step from second_factor where account_id = ? and (confirmed_at is null) = ? for update")
                .params(accountId, pending)
                .query((rs, i) -> new Object[]{rs.getBytes(1), rs.getLong(2)}).optional();
        if (row.isEmpty()) {
            return false;
        }
        long step = Totp.matchingStep((byte[]) row.get()[0], code, clock.instant().getEpochSecond());
        if (step < 0 || step <= (long) row.get()[1]) {
            // a wrong code, or a right one used before (replay): both count towards the lock
            throttle.failed(org.samenkracht.identity.Throttle.Kind.SECOND_FACTOR, key(accountId));
            return false;
        }
        throttle.succeeded(key(accountId));
        jdbc.sql("update second_factor set last_used_step = ? where account_id = ?").params(step, accountId).update();
        return true;
    }
}
