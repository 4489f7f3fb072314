package org.samenkracht.privacy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.privacy.PrivacyScene.Scene;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.privacy.PrivacyScene.Subject.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Who looked" at real volume: a file read 10 000 times in two months still answers with one page
 * under 100 KB, grouped per person, day and purpose, paged and filtered, and the emergency opening
 * and the refusal from before all those reads stay in view.
 */
@SamenkrachtTest
class WhoLookedAtScaleTest {

    static final int ENTRIES = 10_000;

    @Autowired
    MockMvc mvc;
    @Autowired
    PrivacyScene scenes;
    @Autowired
    JdbcClient jdbc;

    static Scene scene;

    @BeforeAll
    static void once(@Autowired PrivacyScene scenes, @Autowired JdbcClient jdbc) {
        scene = scenes.create(Set.of(Information.PLAN));
        CurrentUser stranger = scene.as(OTHER_ORG_PROFESSIONAL);
        // A refusal and the emergency opening (made by the scene) come first; then ten thousand reads
        // by the team, spread over sixty days and six parts of the file, each a few seconds apart.
        jdbc.sql("""
                insert into audit_event (organisation_id, actor_id, actor_role, person_id, action, resource, ground, occurred_at)
                values (?, ?, 'PROFESSIONAL', ?, 'DENIED', 'READ plan', 'access.refused.notInTeam', now() - interval '61 days')""")
                .params(stranger.organisationId(), stranger.id(), scene.person()).update();
        CurrentUser pro = scene.as(TEAM_PROFESSIONAL);
        CurrentUser coach = scene.as(TEAM_COACH);
        jdbc.sql("""
                insert into audit_event (organisation_id, actor_id, actor_role, person_id, action, resource, ground, occurred_at)
                select :org, case when n % 3 = 0 then :coach else :pro end, case when n % 3 = 0 then 'COACH' else 'PROFESSIONAL' end,
                       :person, case when n % 10 = 0 then 'WRITE' else 'READ' end,
                       (array['person', 'own-story', 'plan', 'network', 'conversation', 'instrument-responses'])[1 + n % 6],
                       'CARE_TEAM', now() - interval '60 days' + (n * interval '518 seconds')
                from generate_series(1, :n) n""")
                .param("org", pro.organisationId()).param("pro", pro.id()).param("coach", coach.id())
                .param("person", scene.person()).param("n", ENTRIES).update();
    }

    private MvcResult page(String query, PrivacyScene.Subject as) throws Exception {
        return mvc.perform(get("/persons/" + scene.person() + "/access-log" + query)
                        .with(authentication(PrivacyScene.authentication(scene.as(as)))))
                .andExpect(status().isOk()).andReturn();
    }

    private static String html(MvcResult r) throws Exception {
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void the_persons_page_stays_small_and_keeps_the_emergency_opening_and_the_refusal_in_view() throws Exception {
        assertThat(jdbc.sql("select count(*) from audit_event where person_id = ?").param(scene.person())
                .query(Long.class).single()).isGreaterThan(ENTRIES);
        long started = System.nanoTime();
        String html = html(page("", SELF));
        System.out.printf("Who looked, %d entries: %d bytes, %d ms%n", ENTRIES,
                html.getBytes(StandardCharsets.UTF_8).length, (System.nanoTime() - started) / 1_000_000);
        assertThat(html.getBytes(StandardCharsets.UTF_8).length).as("bytes of the page").isLessThan(100_000);
        String flagged = html.substring(html.indexOf("id=\"flagged\""), html.indexOf("</section>", html.indexOf("id=\"flagged\"")));
        assertThat(flagged).contains("opende uw dossier in een noodsituatie")
                .contains("wilde uw plan zien of veranderen, maar kreeg geen toegang");
        // Grouped: the team's reads of one part on one day make one line with a count, not one line each.
        assertThat(html).containsPattern("\\d+ keer, tussen \\d\\d:\\d\\d en \\d\\d:\\d\\d");
        assertThat(html).contains("Bladzijde 1 van").contains("rel=\"next\"");
        assertThat(html).doesNotContain("het dossier van").as("the person is addressed, not talked about");
    }

    @Test
    void paging_and_filters_narrow_the_lines() throws Exception {
        String second = html(page("?page=2", SELF));
        assertThat(second).contains("Bladzijde 2 van").contains("rel=\"prev\"");

        String coach = scene.as(TEAM_COACH).id().toString();
        String onlyCoach = html(page("?who=" + coach, SELF));
        String lines = onlyCoach.substring(onlyCoach.indexOf("id=\"lines-head\""));
        assertThat(lines).contains(scene.as(TEAM_COACH).displayName())
                .doesNotContain(scene.as(TEAM_PROFESSIONAL).displayName() + "</bdi>");

        String changes = html(page("?kind=CHANGE&what=PLAN", SELF));
        String changeLines = changes.substring(changes.indexOf("id=\"lines-head\""));
        assertThat(changeLines).contains("veranderde iets in uw plan").doesNotContain(">las ");

        String emergencies = html(page("?kind=EMERGENCY&own=true", SELF));
        assertThat(emergencies.substring(emergencies.indexOf("id=\"lines-head\""))).contains("Alle regels (1)");

        String nonsense = html(page("?kind=NONSENSE&who=nobody&page=-4", SELF));
        assertThat(nonsense).contains("Bladzijde 1 van");
    }

    @Test
    void the_team_reads_about_the_person_not_to_them() throws Exception {
        String html = html(page("", TEAM_PROFESSIONAL));
        assertThat(html).contains("Wie keek er in het dossier van").doesNotContain("uw dossier")
                .contains("opende het dossier met noodtoegang");
    }

    private org.springframework.test.web.servlet.ResultActions api(String query, PrivacyScene.Subject as) throws Exception {
        return mvc.perform(get("/api/v1/persons/" + scene.person() + "/access-log/grouped" + query)
                .with(authentication(PrivacyScene.authentication(scene.as(as)))));
    }

    @Test
    void the_api_twin_gives_the_pages_lines_with_the_same_filters_and_paging() throws Exception {
        api("", SELF).andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.pageSize").value(AuditLog.PAGE_SIZE))
                .andExpect(jsonPath("$.groups.length()").value(AuditLog.PAGE_SIZE))
                .andExpect(jsonPath("$.flagged[?(@.kind == 'EMERGENCY')]").isNotEmpty())
                .andExpect(jsonPath("$.flagged[?(@.kind == 'REFUSAL')]").isNotEmpty());
        String coach = scene.as(TEAM_COACH).id().toString();
        api("?who=" + coach + "&kind=CHANGE&what=PERSON&page=2", SELF).andExpect(status().isOk())
                .andExpect(jsonPath("$.page").value(2))
                .andExpect(jsonPath("$.groups[*].actor").value(org.hamcrest.Matchers.everyItem(
                        org.hamcrest.Matchers.is(scene.as(TEAM_COACH).displayName()))))
                .andExpect(jsonPath("$.groups[*].kind").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("CHANGE"))))
                .andExpect(jsonPath("$.groups[*].information").value(org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is("PERSON"))));
        // Without the filter the coach's changes of the person's details are only part of all lines: the filter narrows.
        long all = com.jayway.jsonpath.JsonPath.<Number>read(api("", SELF).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8), "$.total").longValue();
        long narrowed = com.jayway.jsonpath.JsonPath.<Number>read(api("?who=" + coach + "&kind=CHANGE&what=PERSON", SELF)
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8), "$.total").longValue();
        assertThat(narrowed).isPositive().isLessThan(all);
        api("?kind=EMERGENCY&own=true", SELF).andExpect(status().isOk()).andExpect(jsonPath("$.total").value(1));
    }

    @Test
    void the_api_twin_answers_a_bad_filter_with_a_problem_naming_it_and_keeps_the_gate() throws Exception {
        api("?kind=NONSENSE", SELF).andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.fields.kind").exists());
        api("?what=NOTHING", SELF).andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.what").exists());
        api("?who=nobody", SELF).andExpect(status().isBadRequest()).andExpect(jsonPath("$.fields.who").exists());
        api("?page=0", SELF).andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.fields.page").exists());
        long before = jdbc.sql("select count(*) from audit_event where person_id = ? and action = 'DENIED'")
                .param(scene.person()).query(Long.class).single();
        api("", SAME_ORG_PROFESSIONAL).andExpect(status().isForbidden());
        long after = jdbc.sql("select count(*) from audit_event where person_id = ? and action = 'DENIED'")
                .param(scene.person()).query(Long.class).single();
        assertThat(after).as("the refusal is audited like the page's").isEqualTo(before + 1);
    }
}
