package org.samenkracht.privacy;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.StatementCounting;
import org.samenkracht.operations.AppClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.*;

/**
 * One page view, through real HTTP with a real session: how many statements it runs (sign-in and
 * session included), how often it commits, and how many audit rows it writes. This asserts the
 * shape of the work, not its time: one access decision per person, one batched audit write, one
 * commit, no session write when the session did not change.
 */
@SamenkrachtTest
class OneDecisionPerRequestTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    record Cost(int status, int statements, int commits, int roundTrips, long auditRows) {
    }

    Cost view(AppClient client, String path) throws Exception {
        client.get(path);  // the first view may still change the session (a new CSRF token)
        long auditBefore = auditRows();
        StatementCounting.reset();
        int status = client.get(path).status();
        settle();
        Cost cost = new Cost(status, StatementCounting.statements(), StatementCounting.commits(),
                StatementCounting.roundTrips(), auditRows() - auditBefore);
        System.out.println("cost of GET " + path + ": " + cost);
        return cost;
    }

    @Test
    void the_dossier_page_costs_one_decision_one_audit_write_and_one_commit() throws Exception {
        Cost cost = view(new AppClient(port).signIn("sanne", "samen2026"), "/persons/" + PERSON_JONAS);
        assertThat(cost.status()).isEqualTo(200);
        assertThat(cost.statements()).isLessThanOrEqualTo(4);
        assertThat(cost.commits()).isLessThanOrEqualTo(1);
        assertThat(cost.auditRows()).isBetween(1L, 8L);
        // the commit travels with the audit write: no round trip of its own
        assertThat(cost.roundTrips()).isEqualTo(cost.statements());
    }

    @Test
    void the_plan_page_costs_one_decision_one_audit_write_and_one_commit() throws Exception {
        Cost cost = view(new AppClient(port).signIn("sanne", "samen2026"), "/persons/" + PERSON_JONAS + "/plan");
        assertThat(cost.status()).isEqualTo(200);
        // session, access facts, person, network and colleagues (the names of the steps' takers), plan
        // (with its versions and milestones), wishes, audit. The step forms load when opened (below), so
        // the page no longer reads the lists they choose from; on Jonas's plan the names need them anyway.
        assertThat(cost.statements()).isLessThanOrEqualTo(8);
        assertThat(cost.commits()).isLessThanOrEqualTo(1);
        assertThat(cost.roundTrips()).isEqualTo(cost.statements());
    }

    @Test
    void a_step_form_loaded_on_demand_costs_no_more_than_the_plan_page() throws Exception {
        AppClient sanne = new AppClient(port).signIn("sanne", "samen2026");
        UUID step = jdbc.sql("""
                select s.id from plan_step s join plan_goal g on g.id = s.plan_goal join support_plan p on p.id = g.support_plan
                where p.person_id = ? and p.status <> 'ENDED' order by g.position, s.position limit 1""").param(PERSON_JONAS).query(UUID.class).single();
        Cost cost = view(sanne, "/persons/" + PERSON_JONAS + "/plan/steps/" + step + "/edit");
        assertThat(cost.status()).isEqualTo(200);
        // session, access facts, person, network and colleagues (the form's lists), plan, audit: 7; and the care
        // team where it narrows a list of more than 100 colleagues (PlanPages.ALL_COLLEAGUES_UP_TO; other tests add accounts)
        int colleagues = jdbc.sql("select count(*) from app_user where organisation_id = (select organisation_id from person where id = ?) "
                + "and role in ('PROFESSIONAL', 'COACH') and enabled").param(PERSON_JONAS).query(Integer.class).single();
        assertThat(cost.statements()).isLessThanOrEqualTo(colleagues > 100 ? 8 : 7);
        assertThat(cost.commits()).isLessThanOrEqualTo(1);
        // read as the plan page reads (person, plan, network), in one batched write; opening a form changes nothing
        assertThat(cost.auditRows()).isBetween(1L, 3L);
    }

    @Test
    void the_network_and_caseload_pages_commit_once() throws Exception {
        AppClient sanne = new AppClient(port).signIn("sanne", "samen2026");
        Cost network = view(sanne, "/persons/" + PERSON_JONAS + "/network");
        Cost caseload = view(sanne, "/persons");
        assertThat(network.status()).isEqualTo(200);
        assertThat(caseload.status()).isEqualTo(200);
        assertThat(network.commits()).isLessThanOrEqualTo(1);
        assertThat(caseload.commits()).isLessThanOrEqualTo(1);
        assertThat(network.statements()).isLessThanOrEqualTo(6);
        assertThat(caseload.statements()).isLessThanOrEqualTo(4);
        assertThat(network.roundTrips()).isEqualTo(network.statements());
        // the caseload is the reader's own list and writes no audit row: its read-only transaction ends with a commit of its own
        assertThat(caseload.roundTrips()).isLessThanOrEqualTo(caseload.statements() + 1);
    }

    @Test
    void an_unknown_id_and_a_forbidden_one_answer_alike() throws Exception {
        AppClient pieter = new AppClient(port).signIn("pieter", "samen2026");
        assertThat(pieter.get("/persons/" + UUID.randomUUID()).status()).isEqualTo(403);
        assertThat(pieter.get("/persons/" + PERSON_JONAS).status()).isEqualTo(403);
        assertThat(pieter.get("/api/v1/persons/" + UUID.randomUUID()).status()).isEqualTo(403);
    }

    private long auditRows() {
        return jdbc.sql("select count(*) from audit_event").query(Long.class).single();
    }

    /** The session is written after the answer went out; wait until the server has finished. */
    private static void settle() throws InterruptedException {
        int last = -1;
        while (last != StatementCounting.statements()) {
            last = StatementCounting.statements();
            Thread.sleep(150);
        }
    }
}
