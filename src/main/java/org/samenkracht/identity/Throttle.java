package org.samenkracht.identity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Growing delays after repeated failures, kept in PostgreSQL so they hold across app nodes. Each
 * kind of key allows a number of free failures; after that every further failure blocks the key
 * for twice as long as the one before (from one second for sign-in, thirty seconds for a second
 * factor), up to a ceiling. Twenty-four hours without a failure start a key afresh.
 *
 * <p>Sign-in is throttled per account and client address together (the owner of an account is not
 * shut out by someone elsewhere trying its password), per client address (guessing many accounts)
 * and per account across addresses (a distributed guess) at a higher allowance.
 */
@Component
public class Throttle {

    /** A kind of key: its free failures, the first delay, the longest delay. */
    public enum Kind {
        ACCOUNT_AT_ADDRESS(5, Duration.ofSeconds(1), Duration.ofMinutes(15)),
        ADDRESS(30, Duration.ofSeconds(1), Duration.ofMinutes(15)),
        ACCOUNT(50, Duration.ofSeconds(1), Duration.ofMinutes(15)),
        /** A second factor locks after five wrong codes: 30 s, then 1, 2, 4 … minutes, at most an hour. */
        SECOND_FACTOR(5, Duration.ofSeconds(30), Duration.ofHours(1));

        final int free;
        final Duration first;
        final Duration ceiling;

        Kind(int free, Duration first, Duration ceiling) {
            this.free = free;
            this.first = first;
            this.ceiling = ceiling;
        }

        public String key(String... parts) {
            return name() + ":" + String.join("|", parts).toLowerCase();
        }

        Duration delayAfter(int failures) {
            int over = failures - free;
            if (over < 0) {
                return Duration.ZERO;
            }
            long seconds = first.getSeconds() << Math.min(over, 20);
            return seconds >= ceiling.getSeconds() ? ceiling : Duration.ofSeconds(seconds);
        }
    }

    private final JdbcClient jdbc;

    Throttle(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Until when the first of these keys is blocked, if any is. */
    public Optional<Instant> blockedUntil(String... keys) {
        return jdbc.sql("select max(blocked_until) from throttle where key in (:keys) and blocked_until > now()")
                .param("keys", java.util.List.of(keys))
                .query((rs, i) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
                .optional();
    }

    /** One more failure on each key (in its own transaction: the refusal of the request must not undo it). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void failed(Kind kind, String key) {
        int failures = jdbc.sql("""
                insert into throttle (key, failures, last_failure_at) values (?, 1, now())
                on conflict (key) do update set
                  failures = case when throttle.last_failure_at < now() - interval '24 hours' then 1 else throttle.failures + 1 end,
                  last_failure_at = now()
                returning failures""").param(key).query(Integer.class).single();
        Duration delay = kind.delayAfter(failures);
        if (!delay.isZero()) {
            jdbc.sql("update throttle set blocked_until = now() + make_interval(secs => ?) where key = ?")
                    .params(delay.getSeconds(), key).update();
        }
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void succeeded(String... keys) {
        jdbc.sql("delete from throttle where key in (:keys)").param("keys", java.util.List.of(keys)).update();
    }
}
