package org.samenkracht.privacy.internal;

import org.samenkracht.identity.CurrentUser;
import org.samenkracht.privacy.AccessKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;

/**
 * Writes the audit log. Allowed access is logged in the request's own transaction, so a failing
 * audit write fails the request; refusals are logged in a transaction of their own, so they stay
 * even though the request is answered with an error. The database chains every entry to the one
 * before it in its chain (see V10_0): a person's entries form one chain, refusals another (so a
 * refusal never waits for the lock of a request that is still open on the same person).
 */
@Component
public class AuditTrail {

    /** The chain of refusals. */
    static final String DENIED_CHAIN = "denied";

    private final JdbcClient jdbc;
    private final TransactionTemplate separate;
    /**
     * {@code samenkracht.audit.async-read-commits}: when true, a transaction whose only writes are
     * audit entries of reads commits without waiting for the disk (PostgreSQL {@code synchronous_commit
     * = off}); a crash of the database server can then lose the last fraction of a second of read
     * entries (never a change, never a refusal). Off by default; see docs/performance.md.
     */
    volatile boolean asyncReadCommits;

    AuditTrail(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this(jdbc, transactions, false);
    }

    @org.springframework.beans.factory.annotation.Autowired
    AuditTrail(JdbcClient jdbc, PlatformTransactionManager transactions,
               @org.springframework.beans.factory.annotation.Value("${samenkracht.audit.async-read-commits:false}") boolean asyncReadCommits) {
        this.asyncReadCommits = asyncReadCommits;
        this.jdbc = jdbc;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public void allowed(CurrentUser user, UUID personId, AccessKind kind, String resource, String ground) {
        if (asyncReadCommits && TransactionSynchronizationManager.isActualTransactionActive()) {
            // A transaction that changes personal data always commits durably, whatever was read before.
            jdbc.sql(kind == AccessKind.READ
                    ? "select set_config('synchronous_commit', 'off', true) where current_setting('samenkracht.tx_writes', true) is distinct from 'yes'"
                    : "select set_config('synchronous_commit', 'on', true), set_config('samenkracht.tx_writes', 'yes', true)")
                    .query().listOfRows();
        }
        insert(user, personId, kind == AccessKind.READ ? "READ" : "WRITE", resource, ground, null);
    }

    public void refused(CurrentUser user, UUID personId, AccessKind kind, String resource, String reasonKey) {
        separate.executeWithoutResult(tx -> insert(user, personId, "DENIED", kind + " " + resource, reasonKey, DENIED_CHAIN));
    }

    /** Exports, sharing decisions, emergency access, erasure and restriction: in the request's transaction. */
    public void event(CurrentUser user, UUID personId, String action, String resource, String ground) {
        insert(user, personId, action, resource, ground, null);
    }

    private void insert(CurrentUser user, UUID personId, String action, String resource, String ground, String chain) {
        jdbc.sql("""
                insert into audit_event (organisation_id, actor_id, actor_role, person_id, action, resource, ground, chain)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(user.organisationId(), user.id(), user.role().name(), personId, action, resource, ground, chain)
                .update();
    }
}
