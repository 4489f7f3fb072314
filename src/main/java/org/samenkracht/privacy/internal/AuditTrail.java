package org.samenkracht.privacy.internal;

import org.samenkracht.identity.CurrentUser;
import org.samenkracht.privacy.AccessKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.UUID;

/**
 * Writes the audit log. Allowed access is logged in the request's own transaction, so a failing
 * audit write fails the request; refusals are logged in a transaction of their own, so they stay
 * even though the request is answered with an error.
 */
@Component
public class AuditTrail {

    private final JdbcClient jdbc;
    private final TransactionTemplate separate;

    AuditTrail(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public void allowed(CurrentUser user, UUID personId, AccessKind kind, String resource, String ground) {
        insert(user, personId, kind == AccessKind.READ ? "READ" : "WRITE", resource, ground);
    }

    public void refused(CurrentUser user, UUID personId, AccessKind kind, String resource, String reasonKey) {
        separate.executeWithoutResult(tx -> insert(user, personId, "DENIED", kind + " " + resource, reasonKey));
    }

    private void insert(CurrentUser user, UUID personId, String action, String resource, String ground) {
        jdbc.sql("""
                insert into audit_event (organisation_id, actor_id, actor_role, person_id, action, resource, ground)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(user.organisationId(), user.id(), user.role().name(), personId, action, resource, ground)
                .update();
    }
}
