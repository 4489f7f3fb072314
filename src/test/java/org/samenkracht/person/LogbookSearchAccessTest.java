package org.samenkracht.person;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.StatementCounting;
import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.samenkracht.privacy.CareTeam;
import org.samenkracht.privacy.PrivacyScene;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.samenkracht.common.demo.DemoIds.ORGANISATION;
import static org.samenkracht.common.demo.DemoIds.PASSWORD;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The caseload search decides access for a whole page of hits at once: a hit of a person the reader
 * may not see is neither shown nor counted, and every person shown is audited once per search, however
 * many of their entries the page holds; through a request and outside one (the bench's path) alike,
 * with one query for the access facts of the page and one audit write, not one of each per person.
 */
@SamenkrachtTest
class LogbookSearchAccessTest {

    static final String WORD = "zeilboot";

    @Autowired
    Logbook logbook;
    @Autowired
    CareTeam team;
    @Autowired
    Persons persons;
    @Autowired
    Accounts accounts;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    CurrentUser coach;
    /** Two persons told of their team (the coach may read them) and one who was not (the coach may not). */
    UUID told1;
    UUID told2;
    UUID untold;

    @BeforeEach
    void scene() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        CurrentUser professional = account("starter-" + tag, Role.PROFESSIONAL);
        coach = account("joiner-" + tag, Role.COACH);
        accounts.runAs(professional.id(), () -> {
            told1 = person(tag, 1, true, 2);
            untold = person(tag, 2, false, 3);
            told2 = person(tag, 3, true, 1);
        });
    }

    @Test
    void hits_of_a_person_the_reader_may_not_see_are_neither_shown_nor_counted_and_each_shown_person_is_audited_once()
            throws Exception {
        // The store finds the untold person's entries too: the coach is in their care team.
        assertThat(jdbc.sql("select count(*) from care_team_member where user_id = ?").param(coach.id()).query(Long.class).single())
                .isEqualTo(3);

        JsonNode hits = JsonMapper.builder().build().readTree(mvc.perform(get("/api/v1/logbook").param("q", WORD)
                        .with(authentication(PrivacyScene.authentication(coach))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        List<String> shown = new ArrayList<>();
        hits.values().forEach(h -> shown.add(h.path("personId").asString()));
        assertThat(shown).hasSize(3).containsOnly(told1.toString(), told2.toString());
        assertThat(audited()).isEqualTo(Map.of(told1, 1L, told2, 1L));

        String page = mvc.perform(get("/logbook").param("q", WORD).with(authentication(PrivacyScene.authentication(coach))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Zeilboot 1-1").contains("Zeilboot 3-1").doesNotContain("Zeilboot 2-");
        assertThat(audited()).isEqualTo(Map.of(told1, 2L, told2, 2L));

        // Outside a request (a job, the bench): the same list, the same audit, decided for the page at once.
        List<Logbook.Entry>[] direct = new List[1];
        int statements = StatementCounting.statementsOf(() -> accounts.runAs(coach.id(), () -> direct[0] = logbook.search(WORD)));
        assertThat(direct[0]).hasSize(3).extracting(Logbook.Entry::personId).containsOnly(told1, told2);
        assertThat(audited()).isEqualTo(Map.of(told1, 3L, told2, 3L));
        // the account (runAs), the team's lexemes, the search, the access facts of the page, the audit rows:
        // one query each, not one facts query and one audit insert per person
        assertThat(statements).isLessThanOrEqualTo(5);
    }

    /** Per person, the coach's audit rows of reading a logbook. */
    private Map<UUID, Long> audited() {
        Map<UUID, Long> rows = new java.util.HashMap<>();
        jdbc.sql("""
                select person_id, count(*) from audit_event where actor_id = ? and action = 'READ' and resource = 'logbook'
                group by person_id""").param(coach.id())
                .query((rs, i) -> rows.put(rs.getObject(1, UUID.class), rs.getLong(2))).list();
        return rows;
    }

    /** A person the current professional registers (and so started support for), with the coach in the team. */
    private UUID person(String tag, int n, boolean told, int entries) {
        UUID id = UUID.randomUUID();
        persons.register(id, new RegisterPerson("Zoek", "Persoon " + n + " " + tag, LocalDate.of(1980, 1, n), null, null,
                null, "Lindenhoven", "self-" + n + "-" + tag, "geheim-genoeg-2026"));
        team.add(id, coach.id(), CareTeam.TeamRole.COACH, "Coaching");
        if (told) {
            team.recordDisclosure(id, LocalDate.now(), CareTeam.DisclosedHow.CONVERSATION);
        }
        for (int e = 1; e <= entries; e++) {
            logbook.add(id, new Logbook.NewEntry(Logbook.Kind.CONTACT, null, "Zeilboot " + n + "-" + e + " samen opgeknapt."));
        }
        return id;
    }

    private CurrentUser account(String username, Role role) {
        UUID id = accounts.create(new Accounts.NewAccount(null, ORGANISATION, username, PASSWORD, username, role, null));
        var a = accounts.find(id).orElseThrow();
        return new CurrentUser(a.id(), a.organisationId(), a.username(), a.displayName(), a.role(), a.personId());
    }
}
