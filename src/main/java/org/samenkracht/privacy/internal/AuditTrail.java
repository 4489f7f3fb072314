package org.samenkracht.privacy.internal;

import org.samenkracht.identity.CurrentUser;
import org.samenkracht.privacy.AccessKind;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;

/**
 * Writes the audit log. Inside a request the rows are owed to the request ({@link RequestAccess}),
 * one per (person, part, kind), and written in one batched insert in the request's own transaction,
 * so a failing audit write fails the request and a page view commits once. Refusals are written
 * even when the request ends in an error. Outside a request an allowed access is written in the
 * caller's transaction and a refusal in a transaction of its own. Reads done on someone's behalf
 * by the application itself (demo data, background work) are no reads by a person and are not
 * logged; their writes are.
 */
@Component
public class AuditTrail {

    /** The chain of refusals. */
    static final String DENIED_CHAIN = "denied";

    /** One audit row, as the table holds it. */
    record Row(UUID organisationId, UUID actorId, String actorRole, UUID personId, String action, String resource,
               String ground, String chain) {

        boolean refusal() {
            return DENIED_CHAIN.equals(chain);
        }

        List<Object> key() {
            return java.util.Arrays.asList(actorId, personId, action, resource);
        }
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate separate;
    /**
     * {@code samenkracht.audit.async-read-commits}: when true, a transaction whose only writes are
     * audit entries of reads commits without waiting for the disk (PostgreSQL {@code synchronous_commit
     * = off}); a crash of the database server can then lose the last fraction of a second of read
     * entries (never a change, never a refusal). Off by default; see docs/performance.md.
     */
    volatile boolean asyncReadCommits;

    AuditTrail(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this(jdbc, transactions, false);
    }

    @Autowired
    AuditTrail(JdbcTemplate jdbc, PlatformTransactionManager transactions,
               @Value("${samenkracht.audit.async-read-commits:false}") boolean asyncReadCommits) {
        this.asyncReadCommits = asyncReadCommits;
        this.jdbc = jdbc;
        this.separate = new TransactionTemplate(transactions);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public void allowed(CurrentUser user, UUID personId, AccessKind kind, String resource, String ground) {
        allowed(user, kind, resource, java.util.Map.of(personId, ground));
    }

    /**
     * Allowed accesses of many persons at once (a list of hits): one row per person, with its ground,
     * owed to the request's one write, or outside a request written in one batched insert.
     */
    public void allowed(CurrentUser user, AccessKind kind, String resource, java.util.Map<UUID, String> groundPerPerson) {
        boolean read = kind == AccessKind.READ;
        if (groundPerPerson.isEmpty() || read && CurrentUser.onBehalf()) {
            return;
        }
        List<Row> rows = groundPerPerson.entrySet().stream().map(e -> new Row(user.organisationId(), user.id(),
                user.role().name(), e.getKey(), read ? "READ" : "WRITE", resource, e.getValue(), null)).toList();
        RequestAccess.current().ifPresentOrElse(r -> rows.forEach(r::owe), () -> {
            commitMode(read);
            insert(rows);
        });
    }

    public void refused(CurrentUser user, UUID personId, AccessKind kind, String resource, String reasonKey) {
        Row row = new Row(user.organisationId(), user.id(), user.role().name(), personId, "DENIED",
                kind + " " + resource, reasonKey, DENIED_CHAIN);
        RequestAccess.current().ifPresentOrElse(r -> r.owe(row),
                () -> separate.executeWithoutResult(tx -> insert(List.of(row))));
    }

    /** Exports, sharing decisions, emergency access, erasure and restriction: in the request's transaction. */
    public void event(CurrentUser user, UUID personId, String action, String resource, String ground) {
        insert(List.of(new Row(user.organisationId(), user.id(), user.role().name(), personId, action, resource, ground, null)));
    }

    /**
     * An event in another account's name: the moment an asked emergency access is approved, the file
     * opens for the one who asked, so "who looked" shows them opening it (not the approver).
     */
    public void eventFor(UUID actorId, UUID personId, String action, String resource, String ground) {
        String[] actor = jdbc.queryForObject("select organisation_id, role from account_directory where id = ?",
                (rs, i) -> new String[] {rs.getString(1), rs.getString(2)}, actorId);
        insert(List.of(new Row(UUID.fromString(actor[0]), actorId, actor[1], personId, action, resource, ground, null)));
    }

    /**
     * Writes what the request owes, in the transaction that is about to commit. With {@code andCommit}
     * the commit travels with the insert, in the same round trip ({@code insert …; commit}): a page view
     * then costs its reads and one round trip, not a write and a commit after it. The caller asks for it
     * only when nothing else is left to run inside the transaction; the transaction manager's own commit
     * afterwards finds the connection idle and sends nothing. If the insert fails, the commit after it
     * is never run and the request fails as before.
     */
    void flush(RequestAccess request, boolean andCommit) {
        List<Row> rows = request.take(false);
        if (!rows.isEmpty()) {
            commitMode(rows.stream().allMatch(r -> "READ".equals(r.action())));
            insert(rows, andCommit);
        }
    }

    /**
     * After a request whose transaction rolled back: what must stay logged all the same, in a transaction
     * of its own: the refusals, and the reads when what was read still went out in the answer.
     */
    void flushAfterRollback(RequestAccess request, boolean answerSent) {
        List<Row> rows = request.take(!answerSent);
        rows.removeIf(r -> !r.refusal() && !"READ".equals(r.action()));  // a write that rolled back did not happen
        if (!rows.isEmpty()) {
            separate.executeWithoutResult(tx -> insert(rows));
        }
    }

    private void commitMode(boolean readsOnly) {
        if (asyncReadCommits && TransactionSynchronizationManager.isActualTransactionActive()) {
            // A transaction that changes personal data always commits durably, whatever was read before.
            jdbc.queryForList(readsOnly
                    ? "select set_config('synchronous_commit', 'off', true) where current_setting('samenkracht.tx_writes', true) is distinct from 'yes'"
                    : "select set_config('synchronous_commit', 'on', true), set_config('samenkracht.tx_writes', 'yes', true)");
        }
    }

    private void insert(List<Row> rows) {
        insert(rows, false);
    }

    private void insert(List<Row> rows, boolean andCommit) {
        StringBuilder sql = new StringBuilder("""
                insert into audit_event (organisation_id, actor_id, actor_role, person_id, action, resource, ground, chain)
                values """);
        Object[] args = new Object[rows.size() * 8];
        int i = 0;
        for (Row r : rows) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?)");
            args[i++] = r.organisationId();
            args[i++] = r.actorId();
            args[i++] = r.actorRole();
            args[i++] = r.personId();
            args[i++] = r.action();
            args[i++] = r.resource();
            args[i++] = r.ground();
            args[i++] = r.chain();
        }
        jdbc.update(andCommit ? sql.append("; commit").toString() : sql.toString(), args);
    }
}
