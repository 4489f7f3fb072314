package org.samenkracht.community;

import org.junit.jupiter.api.Test;
import org.samenkracht.SamenkrachtTest;
import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.identity.Accounts;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.CareTeam;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.samenkracht.privacy.PrivacyScene;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.samenkracht.common.demo.DemoIds.*;
import static org.samenkracht.privacy.PrivacyScene.Subject.*;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Leaving a support group (issue 20, item 3): the member, their team or the group's coach ends it; the coach's
 * grant on the group ends with it, and the person sees on their privacy page that it ended. And the coaches that
 * joined members' care teams before grants existed become grants (V141_1), so a group coach never has the whole file.
 */
@SamenkrachtTest
class LeavingAGroupTest {

    @Autowired Accounts accounts;
    @Autowired PrivacyScene scenes;
    @Autowired SupportGroups groups;
    @Autowired CareTeam careTeam;
    @Autowired PersonAccess access;
    @Autowired MockMvc mvc;
    @Autowired @Qualifier("ownerDataSource") DataSource ownerDataSource;

    <T> T as(UUID account, Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        accounts.runAs(account, () -> result.set(work.get()));
        return result.get();
    }

    void as(UUID account, Runnable work) {
        accounts.runAs(account, work);
    }

    @Test
    void a_member_leaves_and_the_coachs_grant_ends_with_it_and_shows_as_ended() throws Exception {
        PrivacyScene.Scene scene = scenes.create(Set.of());
        UUID person = scene.person();
        UUID self = scene.as(SELF).id();
        UUID pro = scene.as(TEAM_PROFESSIONAL).id();
        // a coach outside the person's team: only the grant opens anything to them
        UUID coach = scene.as(SAME_ORG_COACH).id();
        UUID group = as(COORDINATOR_KARIM, () -> groups.create(new SupportGroupCommands.CreateGroup("Vertrek " + person.toString().substring(0, 8),
                coach, "Om de week", null)));
        as(pro, () -> groups.addMember(group, new SupportGroupCommands.AddMember(person, "Rust", null)));
        assertThat(as(coach, () -> access.may(person, Part.COMMUNITY, AccessKind.WRITE))).isTrue();
        assertThat(as(coach, () -> groups.get(group)).members()).extracting(SupportGroup.Member::personId).containsExactly(person);

        // someone outside the person's file cannot make them leave
        assertThatThrownBy(() -> as(scene.as(OTHER_ORG_PROFESSIONAL).id(), () -> groups.leave(group, person)))
                .isInstanceOf(AccessRefused.class);
        // the person leaves themself
        as(self, () -> groups.leave(group, person));
        assertThat(as(self, () -> groups.groupsOf(person))).isEmpty();
        assertThat(as(coach, () -> access.may(person, Part.COMMUNITY, AccessKind.READ))).isFalse();
        assertThat(as(coach, () -> groups.get(group)).members()).isEmpty();
        assertThat(careTeam.grants(person)).noneMatch(g -> g.userId().equals(coach));
        assertThat(careTeam.endedGrants(person)).singleElement().satisfies(g -> {
            assertThat(g.userId()).isEqualTo(coach);
            assertThat(g.ground()).isEqualTo("GROUP:" + group);
            assertThat(g.parts()).containsExactly("community");
            assertThat(g.endedOn()).isEqualTo(LocalDate.now());
        });
        // leaving twice: not a member (422 naming the field), never a 500
        assertThatThrownBy(() -> as(self, () -> groups.leave(group, person)))
                .isInstanceOf(RuleViolation.class).hasMessage("community.group.notAMember");
        // the person sees it end on their privacy page
        mvc.perform(get("/persons/" + person + "/privacy").with(authentication(PrivacyScene.authentication(scene.as(SELF)))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"ended-grants\"")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString(LocalDate.now().format(
                        java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy")))));

        // joining again opens it again; then the coach ends the membership themself, and after that may do nothing more
        as(pro, () -> groups.addMember(group, new SupportGroupCommands.AddMember(person, "Weer rust", null)));
        assertThat(as(coach, () -> groups.get(group)).members()).singleElement()
                .satisfies(m -> assertThat(m.ownPlan()).isEqualTo("Weer rust"));
        as(coach, () -> groups.leave(group, person));
        assertThat(as(coach, () -> access.may(person, Part.COMMUNITY, AccessKind.READ))).isFalse();
        assertThatThrownBy(() -> as(coach, () -> groups.leave(group, person))).isInstanceOf(AccessRefused.class);
        assertThat(careTeam.endedGrants(person)).hasSize(2);
    }

    /**
     * V141_1 on data as it was before V140_3: Henk's group coach Marieke back in his care team with the group's
     * assignment; Jonas has Marieke in his team on another ground (her own coaching). The migration makes
     * Henk's a grant since the day he joined and leaves Jonas's team alone; run twice it changes nothing more.
     * Rolled back afterwards.
     */
    @Test
    void coaches_who_joined_a_members_team_through_the_group_become_a_grant() throws Exception {
        String migration = new String(getClass().getClassLoader()
                .getResourceAsStream("db/migration/V141_1__group_coaches_from_team_to_grant.sql").readAllBytes(), StandardCharsets.UTF_8);
        JdbcTemplate jdbc = new JdbcTemplate(ownerDataSource);
        new TransactionTemplate(new DataSourceTransactionManager(ownerDataSource)).executeWithoutResult(status -> {
            UUID group = jdbc.queryForObject("select id from support_group where organisation_id = ? and name = 'Samen verder'",
                    UUID.class, ORGANISATION);
            LocalDate joined = jdbc.queryForObject("select joined_on from group_member where group_id = ? and person_id = ?",
                    LocalDate.class, group, PERSON_HENK);
            jdbc.update("delete from part_grant where person_id = ? and user_id = ?", PERSON_HENK, COACH_MARIEKE);
            jdbc.update("""
                    insert into care_team_member (person_id, user_id, organisation_id, team_role, assignment, started_support)
                    values (?, ?, ?, 'COACH', 'Coach van steungroep Samen verder', false)
                    on conflict (person_id, user_id) do update set team_role = 'COACH', assignment = excluded.assignment,
                      started_support = false""", PERSON_HENK, COACH_MARIEKE, ORGANISATION);
            String jonasBefore = jdbc.queryForObject("select team_role || '/' || assignment from care_team_member where person_id = ? and user_id = ?",
                    String.class, PERSON_JONAS, COACH_MARIEKE);

            jdbc.execute(migration);

            assertThat(jdbc.queryForObject("select count(*) from care_team_member where person_id = ? and user_id = ?",
                    Integer.class, PERSON_HENK, COACH_MARIEKE)).isZero();
            assertThat(jdbc.queryForList("select ground || '/' || array_to_string(parts, ',') || '/' || since from part_grant where person_id = ? and user_id = ?",
                    String.class, PERSON_HENK, COACH_MARIEKE)).containsExactly("GROUP:" + group + "/community/" + joined);
            assertThat(jdbc.queryForObject("select team_role || '/' || assignment from care_team_member where person_id = ? and user_id = ?",
                    String.class, PERSON_JONAS, COACH_MARIEKE)).isEqualTo(jonasBefore);

            List<String> teams = jdbc.queryForList("select person_id || '/' || user_id from care_team_member order by 1", String.class);
            long grants = jdbc.queryForObject("select count(*) from part_grant", Long.class);
            jdbc.execute(migration);
            assertThat(jdbc.queryForList("select person_id || '/' || user_id from care_team_member order by 1", String.class)).isEqualTo(teams);
            assertThat(jdbc.queryForObject("select count(*) from part_grant", Long.class)).isEqualTo(grants);
            status.setRollbackOnly();
        });
    }
}
