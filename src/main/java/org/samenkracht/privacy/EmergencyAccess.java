package org.samenkracht.privacy;

import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.common.domain.NotFound;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.privacy.internal.AuditTrail;
import org.samenkracht.privacy.PersonDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A professional outside the team opens a file in an emergency by stating the reason. The access
 * is read-only, lasts {@code samenkracht.privacy.emergency-minutes} (60 by default), is flagged in
 * the audit log, notified to the team's coach (or, without a coach, to the whole team) and stays
 * open for review until a team member reviews it.
 */
@Service
public class EmergencyAccess {

    public record Opened(UUID id, UUID personId, UUID actorId, Instant expiresAt) {
    }

    public record Grant(UUID id, UUID personId, String personName, String actor, String reason, Instant openedAt,
                        Instant expiresAt, Instant reviewedAt, String reviewedBy, String reviewNote) {
        public boolean active() {
            return expiresAt.isAfter(Instant.now());
        }

        Grant withPersonName(String name) {
            return new Grant(id, personId, name, actor, reason, openedAt, expiresAt, reviewedAt, reviewedBy, reviewNote);
        }
    }

    private final JdbcClient jdbc;
    private final PersonAccess access;
    private final AuditTrail audit;
    private final PersonDirectory directory;
    private final ApplicationEventPublisher events;
    private final Duration duration;

    /** Step-up before opening emergency access (issue 18): injected apart, to keep the constructor unchanged. */
    @org.springframework.beans.factory.annotation.Autowired
    private StepUp stepUp;

    EmergencyAccess(JdbcClient jdbc, PersonAccess access, AuditTrail audit, PersonDirectory directory, ApplicationEventPublisher events,
                    @Value("${samenkracht.privacy.emergency-minutes:60}") long minutes) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.directory = directory;
        this.events = events;
        this.duration = Duration.ofMinutes(minutes);
    }

    @Transactional
    public Opened open(UUID personId, String reason) {
        CurrentUser user = CurrentUser.get();
        var person = directory.person(personId);
        stepUp.require();
        if (!user.role().supportsPeople()) {
            audit.refused(user, personId, AccessKind.READ, "emergency", "access.refused.emergencyProfessionalsOnly");
            throw new AccessRefused("access.refused.emergencyProfessionalsOnly");
        }
        if (reason == null || reason.strip().length() < 10) {
            throw new RuleViolation("reason", "emergency.reasonTooShort");
        }
        if (reason.strip().length() > 2000) {
            throw new RuleViolation("reason", "validation.tooLong", 2000);
        }
        UUID id = UUID.randomUUID();
        Instant opened = Instant.now();
        Instant expires = opened.plus(duration);
        jdbc.sql("""
                insert into emergency_access (id, organisation_id, person_id, actor_id, reason, opened_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, person.organisationId(), personId, user.id(), reason.strip(), java.sql.Timestamp.from(opened),
                        java.sql.Timestamp.from(expires))
                .update();
        audit.event(user, personId, "EMERGENCY", "emergency", "EMERGENCY:" + id);
        access.decideAfresh(personId);
        jdbc.sql("""
                insert into privacy_notification (id, organisation_id, recipient_id, person_id, kind, subject_id)
                select gen_random_uuid(), m.organisation_id, m.user_id, m.person_id, 'EMERGENCY_ACCESS', ?
                from care_team_member m where m.person_id = ?
                  and (m.team_role = 'COACH' or not exists (select 1 from care_team_member c
                       where c.person_id = m.person_id and c.team_role = 'COACH'))""")
                .params(id.toString(), personId).update();
        Opened result = new Opened(id, personId, user.id(), expires);
        events.publishEvent(result);
        return result;
    }

    /** A team member reviews an emergency access afterwards: was it justified? */
    @Transactional
    public void review(UUID personId, UUID grantId, String note) {
        if (note == null || note.isBlank()) {
            throw new RuleViolation("note", "validation.required");
        }
        access.write(personId, Part.EMERGENCY_ACCESS);
        int changed = jdbc.sql("""
                update emergency_access set reviewed_at = now(), reviewed_by = ?, review_note = ?, version = version + 1
                where id = ? and person_id = ? and reviewed_at is null""")
                .params(CurrentUser.get().id(), note.strip(), grantId, personId).update();
        if (changed == 0) {
            throw new NotFound("emergency access");
        }
        jdbc.sql("update privacy_notification set read_at = now() where subject_id = ? and read_at is null")
                .param(grantId.toString()).update();
    }

    /** Emergency accesses to this person's file (for the team and for the person). */
    @Transactional
    public List<Grant> of(UUID personId) {
        access.read(personId, Part.EMERGENCY_ACCESS);
        return query("where e.person_id = ?", personId);
    }

    /** Emergency accesses still to be reviewed in the files of persons this user takes part in. */
    public List<Grant> toReview() {
        return query("""
                where e.reviewed_at is null and e.person_id in (select person_id from care_team_member where user_id = ?)""",
                CurrentUser.get().id());
    }

    /** The current user's own active emergency accesses. */
    public List<Grant> mine() {
        if (!CurrentUser.get().role().supportsPeople()) {
            audit.refused(CurrentUser.get(), null, AccessKind.READ, "emergency", "access.refused.emergencyProfessionalsOnly");
            throw new AccessRefused("access.refused.emergencyProfessionalsOnly");
        }
        return query("where e.actor_id = ? and e.expires_at > now()", CurrentUser.get().id());
    }

    private List<Grant> query(String where, UUID param) {
        List<Grant> found = jdbc.sql("""
                select e.id, e.person_id, null as person_name, a.display_name as actor,
                       e.reason, e.opened_at, e.expires_at, e.reviewed_at, r.display_name as reviewed_by, e.review_note
                from emergency_access e join account_directory a on a.id = e.actor_id
                left join account_directory r on r.id = e.reviewed_by
                """ + where + " order by e.opened_at desc")
                .param(param)
                .query((rs, i) -> new Grant(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                        rs.getString("person_name"), rs.getString("actor"), rs.getString("reason"),
                        rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("reviewed_at") == null ? null : rs.getTimestamp("reviewed_at").toInstant(),
                        rs.getString("reviewed_by"), rs.getString("review_note")))
                .list();
        // names come from the person module (privacy does not read its table)
        Map<UUID, String> names = directory.names(found.stream().map(Grant::personId).toList());
        return found.stream().map(g -> g.withPersonName(names.get(g.personId()))).toList();
    }
}
