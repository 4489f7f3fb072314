package org.samenkracht.privacy;

import org.samenkracht.common.domain.NotFound;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.samenkracht.privacy.internal.AccessLogReads;
import org.samenkracht.privacy.PersonDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Reading the audit log: the person's "who looked at my file", their questions about an entry, and
 * the verification of the sealed chain (the first bad entry and the kind of damage, if any).
 */
@Service
public class AuditLog {

    /** One entry as the person sees it; {@code actor} is "you" when the person did it themself. */
    public record Entry(long id, Instant occurredAt, String actor, Role actorRole, boolean self, String action,
                        Information information, String resource, String ground, boolean emergency,
                        boolean consent) {
    }

    /** What kind of access a line of "who looked" is about; refusals and emergency openings are never hidden. */
    public enum LookKind {
        READ, CHANGE, REFUSAL, EMERGENCY, EXPORT;

        public boolean flagged() {
            return this == REFUSAL || this == EMERGENCY;
        }
    }

    /** The filters of "who looked"; null means "all". */
    public record Filter(UUID actor, Information information, LookKind kind, boolean includeOwn) {
        public static Filter all() {
            return new Filter(null, null, null, true);
        }
    }

    /**
     * One line of "who looked": one actor, on one day, did one kind of thing to one part of the file
     * on one ground ({@code consent}), {@code times} times between {@code first} and {@code last}.
     * {@code latestId} is the newest entry of the group (a question about the line refers to it).
     */
    public record Group(long latestId, java.time.LocalDate day, java.time.LocalTime first, java.time.LocalTime last,
                        int times, String actor, Role actorRole, boolean self, LookKind kind, Information information,
                        boolean consent) {
    }

    public record Actor(UUID id, String name, Role role) {
    }

    /**
     * A page of "who looked": {@code flagged} holds the newest refusals and emergency openings whatever
     * the filters and page, {@code groups} the filtered lines of this page, {@code total} how many lines
     * the filter gives in all.
     */
    public record GroupPage(List<Group> flagged, long flaggedTotal, List<Group> groups, long total, int page,
                            int pageSize, List<Actor> actors) {
        public int pages() {
            return (int) Math.max(1, (total + pageSize - 1) / pageSize);
        }

        public boolean hasNext() {
            return page < pages();
        }

        public boolean hasPrevious() {
            return page > 1;
        }
    }

    public record Question(UUID id, long auditEventId, String question, String askedBy, Instant askedAt, String answer,
                           String answeredBy, Instant answeredAt) {
    }

    /**
     * The result of walking the sealed log: entries checked; when damaged, the first bad entry, its
     * chain (when the entry is still there) and the kind of damage: {@code CHANGED}, {@code REMOVED},
     * {@code FORGED}, {@code TRUNCATED} (or {@code CHECKPOINT_DAMAGED}). {@code lastIntactId} is the last
     * entry whose seal held; {@code unsealed} counts the newest entries not sealed yet (normal: the
     * sealer runs every second); {@code checkpointId} is the head remembered outside the database.
     */
    public record Verification(long checked, Long firstBrokenId, String brokenChain, boolean intact, String kind,
                               Long lastIntactId, long unsealed, Long checkpointId) {
    }

    private final JdbcClient jdbc;
    private final PersonAccess access;
    private final PersonDirectory directory;
    private final org.samenkracht.privacy.internal.AuditTrail audit;
    private final org.samenkracht.privacy.internal.AuditSeals seals;

    private final AccessLogReads reads;

    AuditLog(JdbcClient jdbc, PersonAccess access, PersonDirectory directory, org.samenkracht.privacy.internal.AuditTrail audit,
             AccessLogReads reads, org.samenkracht.privacy.internal.AuditSeals seals) {
        this.reads = reads;
        this.audit = audit;
        this.seals = seals;
        this.jdbc = jdbc;
        this.access = access;
        this.directory = directory;
    }

    /**
     * The whole instance left the building as a backup: an export that concerns no one person, in the
     * audit log under the administrator who took it (operations asks; it does not write the log itself).
     */
    public void instanceBackedUp(CurrentUser administrator) {
        audit.event(administrator, null, "EXPORT", "backup", "ADMINISTRATOR");
    }

    /** Who read or changed this person's file, and who was refused; the newest first. */
    @Transactional
    public List<Entry> whoLooked(UUID personId, int limit) {
        return whoLooked(personId, limit, true);
    }

    /** As above; without the current user's own entries when {@code includeOwn} is false. */
    @Transactional
    public List<Entry> whoLooked(UUID personId, int limit, boolean includeOwn) {
        directory.person(personId);
        access.read(personId, Part.AUDIT_LOG);
        UUID me = CurrentUser.get().id();
        return jdbc.sql("""
                select e.id, e.occurred_at, coalesce(u.display_name, '?') as actor, e.actor_role, e.actor_id,
                       e.action, e.resource, e.ground
                from audit_event e left join account_directory u on u.id = e.actor_id
                where e.person_id = ? and (? or e.actor_id is distinct from ?) order by e.id desc limit ?""")
                .params(personId, includeOwn, me, Math.max(1, Math.min(limit, 1000)))
                .query((rs, i) -> {
                    String action = rs.getString("action");
                    String resource = rs.getString("resource");
                    String ground = rs.getString("ground");
                    String plainResource = "DENIED".equals(action) && resource.contains(" ")
                            ? resource.substring(resource.indexOf(' ') + 1) : resource;
                    return new Entry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
                            rs.getString("actor_role") == null ? null : Role.valueOf(rs.getString("actor_role")),
                            me.equals(rs.getObject("actor_id", UUID.class)), action, Information.of(plainResource),
                            plainResource, ground, ground.startsWith("EMERGENCY"), ground.startsWith("CONSENT"));
                })
                .list();
    }

    /** Lines shown on a page of "who looked"; the flagged lines (refusals, emergency) above them. */
    public static final int PAGE_SIZE = 30;
    public static final int FLAGGED_SHOWN = 10;

    /**
     * "Who looked", grouped per actor, day, kind, part and ground, filtered and one page at a time;
     * refusals and emergency openings are listed apart as well, so no filter or page hides them.
     */
    @Transactional
    public GroupPage whoLookedGrouped(UUID personId, Filter filter, int page) {
        directory.person(personId);
        access.read(personId, Part.AUDIT_LOG);
        UUID me = CurrentUser.get().id();
        int p = Math.max(1, page);
        var lines = reads.groups(personId, me, filter, false, (p - 1) * PAGE_SIZE, PAGE_SIZE);
        var flagged = reads.groups(personId, me, Filter.all(), true, 0, FLAGGED_SHOWN);
        return new GroupPage(flagged.groups(), flagged.total(), lines.groups(), lines.total(), p, PAGE_SIZE,
                reads.actors(personId));
    }

    /** The person (or their representative in the team) asks a question about one entry; the team is told. */
    @Transactional
    public UUID ask(UUID personId, long auditEventId, String question) {
        var person = directory.person(personId);
        access.require(personId, Part.AUDIT_LOG, AccessKind.WRITE_AS_PERSON);
        if (question == null || question.isBlank()) {
            throw new RuleViolation("question", "validation.required");
        }
        if (question.strip().length() > 2000) {
            throw new RuleViolation("question", "validation.tooLong", 2000);
        }
        boolean belongs = jdbc.sql("select exists (select 1 from audit_event where id = ? and person_id = ?)")
                .params(auditEventId, personId).query(Boolean.class).single();
        if (!belongs) {
            throw new NotFound("audit entry");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into audit_question (id, organisation_id, person_id, audit_event_id, question, asked_by)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, person.organisationId(), personId, auditEventId, question.strip(), CurrentUser.get().id())
                .update();
        jdbc.sql("""
                insert into privacy_notification (id, organisation_id, recipient_id, person_id, kind, subject_id)
                select gen_random_uuid(), organisation_id, user_id, person_id, 'AUDIT_QUESTION', ?
                from care_team_member where person_id = ?""")
                .params(id.toString(), personId).update();
        return id;
    }

    @Transactional
    public void answer(UUID personId, UUID questionId, String answer) {
        access.write(personId, Part.AUDIT_LOG);
        if (answer == null || answer.isBlank()) {
            throw new RuleViolation("answer", "validation.required");
        }
        int changed = jdbc.sql("""
                update audit_question set answer = ?, answered_by = ?, answered_at = now()
                where id = ? and person_id = ?""")
                .params(answer.strip(), CurrentUser.get().id(), questionId, personId).update();
        if (changed == 0) {
            throw new NotFound("question");
        }
        jdbc.sql("update privacy_notification set read_at = now() where subject_id = ? and read_at is null")
                .param(questionId.toString()).update();
    }

    @Transactional
    public List<Question> questions(UUID personId) {
        access.read(personId, Part.AUDIT_LOG);
        return jdbc.sql("""
                select q.id, q.audit_event_id, q.question, a.display_name, q.asked_at, q.answer, b.display_name, q.answered_at
                from audit_question q join account_directory a on a.id = q.asked_by left join account_directory b on b.id = q.answered_by
                where q.person_id = ? order by q.asked_at desc""")
                .param(personId)
                .query((rs, i) -> new Question(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7),
                        rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()))
                .list();
    }

    /**
     * Recomputes every entry's seal (HMAC keyed outside the database) in number order and compares the
     * head with the checkpoint kept outside the database; reports the first bad entry and the kind of
     * damage. Administrators only.
     */
    @Transactional(readOnly = true)
    public Verification verify() {
        CurrentUser user = CurrentUser.get();
        if (!user.is(Role.ADMINISTRATOR)) {
            audit.refused(user, null, AccessKind.READ, "audit-verification", "access.refused.adminOnly");
            throw new org.samenkracht.common.domain.AccessRefused("access.refused.adminOnly");
        }
        return verifyChains();
    }

    /** The verification itself, for the command line and tests (no user needed). */
    @Transactional(readOnly = true)
    public Verification verifyChains() {
        return seals.verify();
    }
}
