package org.samenkracht.privacy.internal;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.identity.Accounts;
import org.samenkracht.privacy.Information;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.samenkracht.privacy.PrivacyScene;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A request's audit write carries its commit ({@code insert …; commit}) only when nothing else waits
 * for that commit: the rows are then durable and the request's writes with them; work bound to the
 * commit (a callback before it) still runs inside the transaction, and rolls back with it.
 */
@SamenkrachtTest
class AuditWriteCarriesTheCommitTest {

    @Autowired
    PrivacyScene scenes;
    @Autowired
    PersonAccess access;
    @Autowired
    Accounts accounts;
    @Autowired
    OneDecisionPerRequest requests;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_page_view_commits_with_its_audit_write_and_what_it_read_is_logged() {
        PrivacyScene.Scene scene = scenes.create(EnumSet.of(Information.EVERYTHING));
        UUID reader = scene.as(PrivacyScene.Subject.TEAM_PROFESSIONAL).id();
        long before = rows(scene.person(), reader);
        asRequest(() -> accounts.runAs(reader, () -> access.read(scene.person(), Part.PLAN)), () -> {
        });
        assertThat(rows(scene.person(), reader)).isEqualTo(before + 1);
    }

    @Test
    void with_a_callback_waiting_for_the_commit_the_callback_runs_inside_the_transaction_and_fails_it() {
        PrivacyScene.Scene scene = scenes.create(EnumSet.of(Information.EVERYTHING));
        UUID reader = scene.as(PrivacyScene.Subject.TEAM_PROFESSIONAL).id();
        long before = rows(scene.person(), reader);
        AtomicBoolean ranInTransaction = new AtomicBoolean();
        assertThatThrownBy(() -> asRequest(() -> accounts.runAs(reader, () -> access.read(scene.person(), Part.PLAN)), () ->
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void beforeCommit(boolean readOnly) {
                        // still in the request's transaction: the audit row is there, not yet committed
                        ranInTransaction.set(jdbc.sql("select count(*) from audit_event where person_id = ? and actor_id = ?")
                                .param(scene.person()).param(reader).query(Long.class).single() == before + 1);
                        throw new IllegalStateException("the work bound to the commit failed");
                    }
                }))).hasMessageContaining("bound to the commit");
        assertThat(ranInTransaction).isTrue();
        // it failed before the commit: nothing of the request was committed, its audit row neither
        assertThat(rows(scene.person(), reader)).isEqualTo(before);
    }

    private void asRequest(Runnable work, Runnable alsoInTheTransaction) {
        RequestAccess request = RequestAccess.open();
        try {
            requests.serve(request, () -> {
                work.run();
                alsoInTheTransaction.run();
            });
        } finally {
            RequestAccess.close();
        }
    }

    private long rows(UUID person, UUID actor) {
        return jdbc.sql("select count(*) from audit_event where person_id = ? and actor_id = ?")
                .param(person).param(actor).query(Long.class).single();
    }
}
