package org.samenkracht.privacy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Who takes part in a person's support. Team membership opens the person's file. */
@Service
public class CareTeam {

    public enum TeamRole { PROFESSIONAL, COACH, VOLUNTEER }

    public record Member(UUID userId, String displayName, TeamRole teamRole, String assignment, LocalDate since) {
    }

    private final JdbcClient jdbc;

    CareTeam(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void join(UUID personId, UUID userId, UUID organisationId, TeamRole role, String assignment) {
        jdbc.sql("""
                insert into care_team_member (person_id, user_id, organisation_id, team_role, assignment)
                values (?, ?, ?, ?, ?) on conflict (person_id, user_id) do nothing""")
                .params(personId, userId, organisationId, role.name(), assignment).update();
    }

    public List<Member> members(UUID personId) {
        return jdbc.sql("""
                select m.user_id, u.display_name, m.team_role, m.assignment, m.since
                from care_team_member m join app_user u on u.id = m.user_id
                where m.person_id = ? order by m.since, u.display_name""")
                .param(personId)
                .query((rs, i) -> new Member(rs.getObject(1, UUID.class), rs.getString(2),
                        TeamRole.valueOf(rs.getString(3)), rs.getString(4), rs.getObject(5, LocalDate.class)))
                .list();
    }

    /** The persons in whose support this user takes part: their caseload. */
    public List<UUID> personsOf(UUID userId) {
        return jdbc.sql("select person_id from care_team_member where user_id = ?")
                .param(userId).query(UUID.class).list();
    }
}
