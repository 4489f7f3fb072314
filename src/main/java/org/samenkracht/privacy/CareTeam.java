package org.samenkracht.privacy;

import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who takes part in a person's support, each with a role and an assignment, and when and how the
 * team was made known to the person. Team membership opens the person's file; for more than the
 * one who started the support only after that disclosure (joint secrecy needs a recognisable team
 * the person knows about from the start).
 */
@Service
public class CareTeam {

    public enum TeamRole { PROFESSIONAL, COACH, VOLUNTEER }

    /** How the team was made known to the person. */
    public enum DisclosedHow { CONVERSATION, LETTER, IN_APP }

    public record Member(UUID userId, String displayName, TeamRole teamRole, String assignment, LocalDate since) {
    }

    public record Disclosure(LocalDate disclosedOn, DisclosedHow how, String recordedBy) {
    }

    /** A coach's view of a colleague's caseload: figures, never names. */
    public record CaseloadFigure(UUID userId, String displayName, long persons, long withoutDisclosure) {
    }

    private final JdbcClient jdbc;
    private final PersonAccess access;
    private final org.samenkracht.privacy.internal.AuditTrail audit;

    private final PersonDirectory directory;
    private final tools.jackson.databind.ObjectReader membersReader;

    CareTeam(JdbcClient jdbc, PersonAccess access, org.samenkracht.privacy.internal.AuditTrail audit,
             PersonDirectory directory, tools.jackson.databind.json.JsonMapper json) {
        this.directory = directory;
        this.membersReader = json.readerFor(new tools.jackson.core.type.TypeReference<List<Member>>() { });
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
    }

    /**
     * Adds a member. The first member of a team started the support and opens the file at once;
     * every later member only once the team has been disclosed to the person.
     */
    @Transactional
    public void join(UUID personId, UUID userId, UUID organisationId, TeamRole role, String assignment) {
        jdbc.sql("""
                insert into care_team_member (person_id, user_id, organisation_id, team_role, assignment, started_support)
                values (:p, :u, :o, :r, :a, not exists (select 1 from care_team_member where person_id = :p))
                on conflict (person_id, user_id) do nothing""")
                .param("p", personId).param("u", userId).param("o", organisationId).param("r", role.name())
                .param("a", assignment).update();
        access.decideAfresh(personId);
    }

    /**
     * Opens only {@code parts} of the person's file to a colleague, on a ground the person knows of (for
     * example "the coach of the support group they joined"), without making them a member of the care team:
     * no caseload, no joint secrecy, nothing else of the file. The caller has checked that the person's team
     * may decide this (it writes one of those parts itself). A second grant on the same ground adds parts.
     */
    @Transactional
    public void grant(UUID personId, UUID userId, UUID organisationId, String ground, java.util.Set<Part> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a grant names at least one part");
        }
        jdbc.sql("""
                insert into part_grant (person_id, user_id, organisation_id, ground, parts) values (?, ?, ?, ?, ?)
                on conflict (person_id, user_id, ground) do update
                  set parts = array(select distinct x from unnest(part_grant.parts || excluded.parts) as x order by x)""")
                .params(personId, userId, organisationId, ground, parts.stream().map(Part::key).sorted().toArray(String[]::new))
                .update();
        access.decideAfresh(personId);
    }

    /**
     * A grant on this ground ends (the member left the group): from the next request on the gate refuses. The
     * person and the team keep seeing it on the privacy page, with the day it ended ({@link #endedGrants}).
     * Whether the caller may end it is the caller's check (the person, their team, or the one it was granted to).
     */
    @Transactional
    public void endGrant(UUID personId, UUID userId, String ground) {
        jdbc.sql("""
                with gone as (delete from part_grant where person_id = ? and user_id = ? and ground = ? returning *)
                insert into part_grant_ended (person_id, user_id, organisation_id, ground, parts, since, ended_on)
                select person_id, user_id, organisation_id, ground, parts, least(since, current_date), current_date from gone""")
                .params(personId, userId, ground).update();
        access.decideAfresh(personId);
    }

    /** Grants that ended, newest first: who could see a part of the file, on which ground, until when. */
    public List<EndedGrant> endedGrants(UUID personId) {
        return jdbc.sql("""
                select g.user_id, u.display_name, g.ground, g.parts, g.since, g.ended_on from part_grant_ended g
                join account_directory u on u.id = g.user_id where g.person_id = ? order by g.ended_on desc, u.display_name""")
                .param(personId).query((rs, i) -> new EndedGrant(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        List.of((String[]) rs.getArray(4).getArray()), rs.getObject(5, LocalDate.class),
                        rs.getObject(6, LocalDate.class))).list();
    }

    /** A grant that ended: it opens nothing any more. */
    public record EndedGrant(UUID userId, String displayName, String ground, List<String> parts, LocalDate since, LocalDate endedOn) {
    }

    /** Who may see a part of the person's file without being in the team, on which ground (for the person and the team to see). */
    public List<Grant> grants(UUID personId) {
        return jdbc.sql("""
                select g.user_id, u.display_name, g.ground, g.parts, g.since from part_grant g
                join account_directory u on u.id = g.user_id where g.person_id = ? order by g.since, u.display_name""")
                .param(personId).query((rs, i) -> new Grant(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        List.of((String[]) rs.getArray(4).getArray()), rs.getObject(5, LocalDate.class))).list();
    }

    /** Access to some parts of the file on one ground, not team membership. */
    public record Grant(UUID userId, String displayName, String ground, List<String> parts, LocalDate since) {
    }

    /** A team member adds a colleague with a role and an assignment (checked and audited). */
    @Transactional
    public void add(UUID personId, UUID userId, TeamRole role, String assignment) {
        access.write(personId, Part.CARE_TEAM);
        var colleague = jdbc.sql("select organisation_id, role from account_directory where id = ? and enabled")
                .param(userId).query((rs, i) -> new Object[]{rs.getObject(1, UUID.class), Role.valueOf(rs.getString(2))})
                .optional().orElseThrow(() -> new RuleViolation("userId", "careTeam.unknownColleague"));
        if (!((Role) colleague[1]).supportsPeople()) {
            throw new RuleViolation("userId", "careTeam.notAProfessional");
        }
        join(personId, userId, (UUID) colleague[0], role, assignment == null || assignment.isBlank() ? null : assignment.trim());
    }

    /**
     * A member's part in the support ends (after a warm handover, for instance): from the next request on
     * the gate refuses them. The person or the team may end it; if the member started the support, the
     * successor takes that over, so the team keeps its ground to share. Shows in "who looked" as an event.
     */
    @Transactional
    public void leave(UUID personId, UUID userId, UUID successorId) {
        access.require(personId, Part.CARE_TEAM, AccessKind.WRITE_AS_PERSON);
        Boolean started = jdbc.sql("delete from care_team_member where person_id = ? and user_id = ? returning started_support")
                .params(personId, userId).query(Boolean.class).optional()
                .orElseThrow(() -> new RuleViolation("userId", "careTeam.notAMember"));
        if (started && successorId != null) {
            jdbc.sql("update care_team_member set started_support = true where person_id = ? and user_id = ?")
                    .params(personId, successorId).update();
        }
        audit.event(CurrentUser.get(), personId, "WRITE", "care-team/left", "MEMBER:" + userId);
        access.decideAfresh(personId);
    }

    /** Records when and how the person was told who is in the team and that information is shared. */
    @Transactional
    public void recordDisclosure(UUID personId, LocalDate disclosedOn, DisclosedHow how) {
        access.write(personId, Part.CARE_TEAM);
        if (disclosedOn == null || disclosedOn.isAfter(LocalDate.now())) {
            throw new RuleViolation("disclosedOn", "careTeam.disclosedOnFuture");
        }
        CurrentUser user = CurrentUser.get();
        jdbc.sql("""
                insert into care_team_disclosure (person_id, organisation_id, disclosed_on, how, recorded_by)
                values (?, ?, ?, ?, ?)
                on conflict (person_id) do update set disclosed_on = excluded.disclosed_on, how = excluded.how,
                  recorded_by = excluded.recorded_by, recorded_at = now()""")
                .params(personId, directory.person(personId).organisationId(), disclosedOn, how.name(), user.id()).update();
        access.decideAfresh(personId);
    }

    public Optional<Disclosure> disclosure(UUID personId) {
        return jdbc.sql("""
                select d.disclosed_on, d.how, u.display_name from care_team_disclosure d
                join account_directory u on u.id = d.recorded_by where d.person_id = ?""")
                .param(personId)
                .query((rs, i) -> new Disclosure(rs.getObject(1, LocalDate.class), DisclosedHow.valueOf(rs.getString(2)),
                        rs.getString(3)))
                .optional();
    }

    public List<Member> members(UUID personId) {
        return org.samenkracht.common.web.RequestMemo.remember(memoKey(personId), () -> jdbc.sql("""
                select m.user_id, u.display_name, m.team_role, m.assignment, m.since
                from care_team_member m join account_directory u on u.id = m.user_id
                where m.person_id = ? order by m.since, u.display_name""")
                .param(personId)
                .query((rs, i) -> new Member(rs.getObject(1, UUID.class), rs.getString(2),
                        TeamRole.valueOf(rs.getString(3)), rs.getString(4), rs.getObject(5, LocalDate.class)))
                .list());
    }

    /**
     * The care team as a page-shaped read asks for it: a scalar subquery over {@code :person} giving
     * what {@link #members} gives, as JSON, so a page reads it in its own one query. Only after the
     * gate allowed {@link Part#CARE_TEAM}.
     */
    public static final String MEMBERS_JSON = """
            select coalesce(json_agg(json_build_object('userId', m.user_id, 'displayName', u.display_name,
                       'teamRole', m.team_role, 'assignment', m.assignment, 'since', m.since)
                   order by m.since, u.display_name), '[]')
            from care_team_member m join account_directory u on u.id = m.user_id where m.person_id = :person""";

    /** The members from {@link #MEMBERS_JSON}'s text; the rest of the request reads them from here. */
    public List<Member> members(UUID personId, String membersJson) {
        return org.samenkracht.common.web.RequestMemo.remember(memoKey(personId),
                () -> membersReader.readValue(membersJson));
    }

    /** Both reads of the team share one memo per request, whichever came first. */
    private static String memoKey(UUID personId) {
        return "care-team:" + personId;
    }

    /** The persons in whose support this user takes part: their caseload. */
    public List<UUID> personsOf(UUID userId) {
        return jdbc.sql("select person_id from care_team_member where user_id = ?")
                .param(userId).query(UUID.class).list();
    }

    /**
     * Caseload figures per colleague of the coach's organisation, without any person's name: a coach
     * or manager sees names only of the persons in whose support they take part.
     */
    public List<CaseloadFigure> caseloadFigures() {
        CurrentUser user = CurrentUser.get();
        if (!(user.is(Role.COACH) || user.is(Role.ADMINISTRATOR))) {
            audit.refused(user, null, AccessKind.READ, "caseload-figures", "access.refused.coachOnly");
            throw new org.samenkracht.common.domain.AccessRefused("access.refused.coachOnly");
        }
        return jdbc.sql("""
                select u.id, u.display_name, count(m.person_id),
                       count(m.person_id) filter (where d.person_id is null)
                from account_directory u
                left join care_team_member m on m.user_id = u.id
                left join care_team_disclosure d on d.person_id = m.person_id
                where u.organisation_id = ? and u.role in ('PROFESSIONAL', 'COACH')
                group by u.id, u.display_name order by u.display_name""")
                .param(user.organisationId())
                .query((rs, i) -> new CaseloadFigure(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }
}
