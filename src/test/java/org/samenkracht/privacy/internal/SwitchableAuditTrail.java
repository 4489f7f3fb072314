package org.samenkracht.privacy.internal;

import org.samenkracht.identity.CurrentUser;
import org.samenkracht.privacy.AccessKind;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.util.UUID;

/** For the benchmark only: the audit trail with a switch, to measure the same run with and without it. */
public class SwitchableAuditTrail extends AuditTrail {

    private final ApplicationContext context;
    private volatile boolean on = true;

    public SwitchableAuditTrail(JdbcTemplate jdbc, PlatformTransactionManager transactions, ApplicationContext context) {
        super(jdbc, transactions, false);
        this.context = context;
    }

    public void switchTo(boolean on) {
        this.on = on;
    }

    public void asyncReadCommits(boolean async) {
        this.asyncReadCommits = async;
    }

    /** Runs {@code work} as a request does: one transaction, its audit rows owed and written as the request filter writes them. */
    public void asRequest(Runnable work) {
        RequestAccess access = RequestAccess.open();
        try {
            context.getBean(OneDecisionPerRequest.class).serve(access, work);
        } finally {
            RequestAccess.close();
        }
    }

    @Override
    public void allowed(CurrentUser user, UUID personId, AccessKind kind, String resource, String ground) {
        if (on) {
            super.allowed(user, personId, kind, resource, ground);
        }
    }
}
