package org.samenkracht.privacy.internal;

import org.samenkracht.identity.CurrentUser;
import org.samenkracht.privacy.AccessKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.UUID;

/** For the benchmark only: the audit trail with a switch, to measure the same run with and without it. */
public class SwitchableAuditTrail extends AuditTrail {

    private volatile boolean on = true;

    public SwitchableAuditTrail(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        super(jdbc, transactions, false);
    }

    public void switchTo(boolean on) {
        this.on = on;
    }

    public void asyncReadCommits(boolean async) {
        this.asyncReadCommits = async;
    }

    @Override
    public void allowed(CurrentUser user, UUID personId, AccessKind kind, String resource, String ground) {
        if (on) {
            super.allowed(user, personId, kind, resource, ground);
        }
    }
}
