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
 *
 * <p>Across organisations it is asked, not taken (issue 14): it opens at once only for a
 * professional of an organisation already taking part in the person's support (the file's own
 * organisation, or one with a member in the care team). Anyone else asks; the person's team decides
 * (its coach, or without a coach its professionals, or the organisation's professional on duty),
 * approving (the time runs from the approval) or refusing, and the person is told afterwards. An
 * unanswered question lapses after the same time.
 */
@Service
public class EmergencyAccess {

    /** ASKED: waits for the team's decision; OPEN: the file may be read until it expires; REFUSED by the team. */
    public enum Status { ASKED, OPEN, REFUSED }

    /** {@code expiresAt}: the end of the access (OPEN) or the moment an unanswered question lapses (ASKED). */
    public record Opened(UUID id, UUID personId, UUID actorId, Instant expiresAt, Status status) {
    }

    public record Grant(UUID id, UUID personId, String personName, String actor, String reason, Instant openedAt,
                        Instant expiresAt, Instant reviewedAt, String reviewedBy, String reviewNote, Status status,
                        Instant askedAt, Instant decidedAt, String decidedBy, String decisionNote) {
        /** The file is open to the actor now. */
        public boolean active() {
            return status == Status.OPEN && expiresAt.isAfter(Instant.now());
        }

        /** Asked and still waiting for a decision (not lapsed). */
        public boolean waiting() {
            return status == Status.ASKED && expiresAt.isAfter(Instant.now());
        }

        Grant withPersonName(String name) {
            return new Grant(id, personId, name, actor, reason, openedAt, expiresAt, reviewedAt, reviewedBy, reviewNote,
                    status, askedAt, decidedAt, decidedBy, decisionNote);
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

    /** Who is on duty per organisation (signals keeps it); absent when no module provides it. */
    @org.springframework.beans.factory.annotation.Autowired
    private org.springframework.beans.factory.ObjectProvider<OnDuty> onDuty;

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
        boolean takesPart = person.organisationId().equals(user.organisationId()) || jdbc.sql(
                        "select exists (select 1 from care_team_member where person_id = ? and organisation_id = ?)")
                .params(personId, user.organisationId()).query(Boolean.class).single();
        Status status = takesPart ? Status.OPEN : Status.ASKED;
        jdbc.sql("""
                insert into emergency_access (id, organisation_id, person_id, actor_id, reason, opened_at, expires_at,
                                              status, asked_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, person.organisationId(), personId, user.id(), reason.strip(), java.sql.Timestamp.from(opened),
                        java.sql.Timestamp.from(expires), status.name(), takesPart ? null : java.sql.Timestamp.from(opened))
                .update();
        if (takesPart) {
            audit.event(user, personId, "EMERGENCY", "emergency", "EMERGENCY:" + id);
            access.decideAfresh(personId);
        } else {
            // asked: nothing opens; the question itself is in the person's log (no part of the file was read)
            audit.event(user, personId, "EMERGENCY", "emergency/asked", "EMERGENCY_ASKED:" + id);
        }
        jdbc.sql("""
                insert into privacy_notification (id, organisation_id, recipient_id, person_id, kind, subject_id)
                select gen_random_uuid(), m.organisation_id, m.user_id, m.person_id, ?, ?
                from care_team_member m where m.person_id = ?
                  and (m.team_role = 'COACH' or not exists (select 1 from care_team_member c
                       where c.person_id = m.person_id and c.team_role = 'COACH'))""")
                .params(takesPart ? "EMERGENCY_ACCESS" : "EMERGENCY_ASKED", id.toString(), personId).update();
        Opened result = new Opened(id, personId, user.id(), expires, status);
        events.publishEvent(result);
        return result;
    }

    /**
     * Whether the current user decides on emergency access asked by someone of another organisation:
     * the person's coach (without a coach: the team's professionals), or the professional on duty of
     * the person's organisation.
     */
    public boolean mayDecide(UUID personId) {
        CurrentUser user = CurrentUser.find().orElse(null);
        if (user == null || !user.role().supportsPeople()) {
            return false;
        }
        boolean team = jdbc.sql("""
                select exists (select 1 from care_team_member m where m.person_id = ? and m.user_id = ?
                  and (m.team_role = 'COACH' or (m.team_role = 'PROFESSIONAL' and not exists (
                       select 1 from care_team_member c where c.person_id = m.person_id and c.team_role = 'COACH'))))""")
                .params(personId, user.id()).query(Boolean.class).single();
        if (team) {
            return true;
        }
        OnDuty duty = onDuty.getIfAvailable();
        if (duty == null) {
            return false;
        }
        UUID organisation = directory.person(personId).organisationId();
        return duty.professionalOnDuty(organisation).filter(user.id()::equals).isPresent();
    }

    /**
     * The team approves (the file opens for the asker from now on, for the usual time) or refuses an
     * emergency access someone of another organisation asked for; the person is told afterwards.
     */
    @Transactional
    public Grant decide(UUID personId, UUID grantId, boolean approve, String note) {
        CurrentUser user = CurrentUser.get();
        if (!mayDecide(personId)) {
            audit.refused(user, personId, AccessKind.WRITE, "emergency/decide", "access.refused.emergencyNotYourDecision");
            throw new AccessRefused("access.refused.emergencyNotYourDecision");
        }
        if (note != null && note.strip().length() > 2000) {
            throw new RuleViolation("note", "validation.tooLong", 2000);
        }
        if (!approve && (note == null || note.isBlank())) {
            throw new RuleViolation("note", "emergency.refuseNeedsNote");
        }
        var asked = jdbc.sql("select status, expires_at > now() from emergency_access where id = ? and person_id = ? for update")
                .params(grantId, personId).query((rs, i) -> new Object[] {rs.getString(1), rs.getBoolean(2)}).optional()
                .orElseThrow(() -> new NotFound("emergency access"));
        if (!Status.ASKED.name().equals(asked[0])) {
            throw new RuleViolation("status", "emergency.alreadyDecided");
        }
        if (!(Boolean) asked[1]) {
            throw new RuleViolation("status", "emergency.lapsed");
        }
        Instant now = Instant.now();
        jdbc.sql("""
                update emergency_access set status = ?, decided_at = ?, decided_by = ?, decision_note = ?,
                  opened_at = case when ? then ? else opened_at end,
                  expires_at = case when ? then ? else expires_at end, version = version + 1
                where id = ?""")
                .params(approve ? "OPEN" : "REFUSED", java.sql.Timestamp.from(now), user.id(),
                        note == null || note.isBlank() ? null : note.strip(),
                        approve, java.sql.Timestamp.from(now), approve, java.sql.Timestamp.from(now.plus(duration)), grantId)
                .update();
        audit.event(user, personId, "EMERGENCY", approve ? "emergency/approved" : "emergency/refused",
                (approve ? "EMERGENCY_APPROVED:" : "EMERGENCY_REFUSED:") + grantId);
        if (approve) {
            // the file opens now for the one who asked: in "who looked" it is their emergency opening
            UUID asker = jdbc.sql("select actor_id from emergency_access where id = ?").param(grantId).query(UUID.class).single();
            audit.eventFor(asker, personId, "EMERGENCY", "emergency", "EMERGENCY:" + grantId);
        }
        access.decideAfresh(personId);
        jdbc.sql("update privacy_notification set read_at = now() where subject_id = ? and kind = 'EMERGENCY_ASKED' and read_at is null")
                .param(grantId.toString()).update();
        // the person is told afterwards, in their own messages (and it stays on their privacy page)
        jdbc.sql("""
                insert into privacy_notification (id, organisation_id, recipient_id, person_id, kind, subject_id)
                select gen_random_uuid(), e.organisation_id, a.id, e.person_id, 'EMERGENCY_INFORMED', ?
                from emergency_access e join account_directory a on a.person_id = e.person_id where e.id = ?""")
                .params(grantId.toString(), grantId).update();
        return query("where e.id = ?", grantId).get(0);
    }

    /** Emergency accesses asked of the current user's decision, still waiting. */
    public List<Grant> toDecide() {
        CurrentUser user = CurrentUser.get();
        if (!user.role().supportsPeople()) {
            audit.refused(user, null, AccessKind.READ, "emergency", "access.refused.emergencyProfessionalsOnly");
            throw new AccessRefused("access.refused.emergencyProfessionalsOnly");
        }
        List<Grant> waiting = query("where e.status = 'ASKED' and e.expires_at > now()", null);
        return waiting.stream().filter(g -> mayDecide(g.personId())).toList();
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
                where id = ? and person_id = ? and reviewed_at is null and status = 'OPEN'""")
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
                where e.reviewed_at is null and e.status = 'OPEN' and e.person_id in (select person_id from care_team_member where user_id = ?)""",
                CurrentUser.get().id());
    }

    /** The current user's own active emergency accesses. */
    public List<Grant> mine() {
        if (!CurrentUser.get().role().supportsPeople()) {
            audit.refused(CurrentUser.get(), null, AccessKind.READ, "emergency", "access.refused.emergencyProfessionalsOnly");
            throw new AccessRefused("access.refused.emergencyProfessionalsOnly");
        }
        return query("where e.actor_id = ? and e.expires_at > now() and e.status <> 'REFUSED'", CurrentUser.get().id());
    }

    private List<Grant> query(String where, UUID param) {
        var statement = jdbc.sql("""
                select e.id, e.person_id, null as person_name, a.display_name as actor,
                       e.reason, e.opened_at, e.expires_at, e.reviewed_at, r.display_name as reviewed_by, e.review_note,
                       e.status, e.asked_at, e.decided_at, d.display_name as decided_by, e.decision_note
                from emergency_access e join account_directory a on a.id = e.actor_id
                left join account_directory r on r.id = e.reviewed_by
                left join account_directory d on d.id = e.decided_by
                """ + where + " order by e.opened_at desc limit 500");
        if (param != null) {
            statement = statement.param(param);
        }
        List<Grant> found = statement
                .query((rs, i) -> new Grant(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                        rs.getString("person_name"), rs.getString("actor"), rs.getString("reason"),
                        rs.getTimestamp("opened_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
                        instant(rs, "reviewed_at"), rs.getString("reviewed_by"), rs.getString("review_note"),
                        Status.valueOf(rs.getString("status")), instant(rs, "asked_at"), instant(rs, "decided_at"),
                        rs.getString("decided_by"), rs.getString("decision_note")))
                .list();
        // names come from the person module (privacy does not read its table)
        Map<UUID, String> names = directory.names(found.stream().map(Grant::personId).toList());
        return found.stream().map(g -> g.withPersonName(names.get(g.personId()))).toList();
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        var t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
