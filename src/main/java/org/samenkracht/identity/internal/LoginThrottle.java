package org.samenkracht.identity.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Throttles repeated failed logins: after {@code samenkracht.login.max-failures} wrong passwords in
 * a row an account is locked for {@code samenkracht.login.lock-minutes}. Kept in PostgreSQL so it
 * holds across app nodes.
 */
@Component
class LoginThrottle {

    private final JdbcClient jdbc;
    private final int maxFailures;
    private final int lockMinutes;

    LoginThrottle(JdbcClient jdbc,
                  @Value("${samenkracht.login.max-failures:5}") int maxFailures,
                  @Value("${samenkracht.login.lock-minutes:5}") int lockMinutes) {
        this.jdbc = jdbc;
        this.maxFailures = maxFailures;
        this.lockMinutes = lockMinutes;
    }

    @EventListener
    void onFailure(AuthenticationFailureBadCredentialsEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal()).trim().toLowerCase();
        jdbc.sql("""
                update app_user set
                  failed_logins = case when failed_logins + 1 >= :max then 0 else failed_logins + 1 end,
                  locked_until = case when failed_logins + 1 >= :max then now() + make_interval(mins => :mins) else locked_until end
                where username = :username""")
                .param("max", maxFailures).param("mins", lockMinutes).param("username", username)
                .update();
    }

    @EventListener
    void onSuccess(AuthenticationSuccessEvent event) {
        jdbc.sql("update app_user set failed_logins = 0, locked_until = null where username = ? and failed_logins > 0")
                .param(event.getAuthentication().getName())
                .update();
    }
}
