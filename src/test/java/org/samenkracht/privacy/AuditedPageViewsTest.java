package org.samenkracht.privacy;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.operations.AppClient;
import org.samenkracht.privacy.internal.AuditSeals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.*;

/**
 * A page view writes its audit rows before its answer goes out. Through real HTTP: when the rows
 * cannot be written, the page fails and nothing of the file goes out, while other pages opened at
 * the same moment are shown and logged; and many pages opened at once are all logged before they are
 * answered and sealed in one chain that verifies.
 */
@SamenkrachtTest
class AuditedPageViewsTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditLog auditLog;
    @Autowired
    AuditSeals seals;
    @Autowired
    @Qualifier("ownerDataSource")
    DataSource ownerDataSource;

    @Test
    void when_the_audit_rows_cannot_be_written_the_page_fails_and_shows_nothing_of_the_file() throws Exception {
        AppClient sanne = new AppClient(port).signIn("sanne", "samen2026");
        String jonas = familyName(PERSON_JONAS);
        String fatima = familyName(PERSON_FATIMA);
        assertThat(sanne.get("/persons/" + PERSON_JONAS).body()).contains(jonas);
        asOwner("""
                create or replace function audit_event_test_failure() returns trigger language plpgsql as $$
                begin
                    if new.person_id = '%s' and new.actor_id = '%s' then raise exception 'audit store unavailable'; end if;
                    return new;
                end $$""".formatted(PERSON_JONAS, PROFESSIONAL_SANNE),
                "create trigger audit_event_test_failure before insert on audit_event for each row execute function audit_event_test_failure()");
        try {
            long jonasRows = rowsOf(PERSON_JONAS);
            long fatimaRows = rowsOf(PERSON_FATIMA);
            // Jonas's page and Fatima's at once, from several clients: Jonas's fail, Fatima's are written and shown.
            AppClient other = new AppClient(port).signIn("sanne", "samen2026");
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<AppClient.Answer>> jonasPages = new ArrayList<>();
            List<Future<AppClient.Answer>> fatimaPages = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                jonasPages.add(clients.submit(() -> sanne.get("/persons/" + PERSON_JONAS)));
                fatimaPages.add(clients.submit(() -> other.get("/persons/" + PERSON_FATIMA)));
            }
            for (Future<AppClient.Answer> page : jonasPages) {
                AppClient.Answer answer = page.get();
                assertThat(answer.status()).isEqualTo(500);
                assertThat(answer.body()).doesNotContain(jonas);
            }
            for (Future<AppClient.Answer> page : fatimaPages) {
                AppClient.Answer answer = page.get();
                assertThat(answer.status()).isEqualTo(200);
                assertThat(answer.body()).contains(fatima);
            }
            clients.shutdown();
            assertThat(rowsOf(PERSON_JONAS)).isEqualTo(jonasRows);
            assertThat(rowsOf(PERSON_FATIMA)).isGreaterThanOrEqualTo(fatimaRows + 3);
        } finally {
            asOwner("drop trigger audit_event_test_failure on audit_event", "drop function audit_event_test_failure()");
        }
        assertThat(sanne.get("/persons/" + PERSON_JONAS).body()).contains(jonas);
    }

    @Test
    void pages_opened_at_once_are_all_logged_before_they_are_answered_and_sealed_in_one_chain_that_verifies() throws Exception {
        UUID[] persons = {PERSON_JONAS, PERSON_FATIMA, PERSON_HENK};
        int clients = 8;
        int pages = 10;
        List<AppClient> signedIn = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            signedIn.add(new AppClient(port).signIn("sanne", "samen2026"));
        }
        long rowsBefore = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Void>> work = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            AppClient client = signedIn.get(c);
            int first = c;
            work.add(pool.submit((Callable<Void>) () -> {
                for (int i = 0; i < pages; i++) {
                    UUID person = persons[(first + i) % persons.length];
                    long before = rowsOf(person);
                    assertThat(client.get("/persons/" + person).status()).isEqualTo(200);
                    // answered only once its rows were committed: they are there when the answer is
                    assertThat(rowsOf(person)).isGreaterThan(before);
                }
                return null;
            }));
        }
        for (Future<Void> f : work) {
            f.get();
        }
        pool.shutdown();
        assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single() - rowsBefore)
                .isGreaterThanOrEqualTo(clients * pages);
        seals.sealAllCommitted(30_000);
        AuditLog.Verification v = auditLog.verifyChains();
        assertThat(v.intact()).as("%s", v).isTrue();
        assertThat(v.unsealed()).isZero();
    }

    private long rowsOf(UUID person) {
        return jdbc.sql("select count(*) from audit_event where person_id = ? and actor_id = ?")
                .params(person, PROFESSIONAL_SANNE).query(Long.class).single();
    }

    private String familyName(UUID person) {
        return jdbc.sql("select family_name from person where id = ?").param(person).query(String.class).single();
    }

    private void asOwner(String... statements) throws SQLException {
        AuditChainTest.asOwner(ownerDataSource, statements);
    }
}
