package org.samenkracht.team;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.samenkracht.common.domain.NotFound;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.person.Persons;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.CareTeam;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The warm handover as a use case (rules in {@link HandoverRules}). The worker who hands over proposes
 * it and the receiving colleague joins the care team for the three-way conversation; the receiver
 * accepts, the person co-signs; then the old worker leaves the care team through the privacy module's
 * {@link CareTeam#leave}, which the gate honours from the next request on and "who looked" shows.
 */
@Service
public class Handovers {

    public record Propose(
            @NotNull(message = "{validation.required}") UUID toId,
            @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.tooLong}") String reason,
            @Size(max = 2000, message = "{validation.tooLong}") String phaseOut) {
    }

    public record Conversation(
            @NotNull(message = "{validation.required}") LocalDate heldOn,
            @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}") String note,
            @NotNull(message = "{validation.required}") Integer version) {
    }

    /** The same shape as the plan's agreement: a remark, on whose behalf (when the team records it), the version. */
    public record Sign(
            @Size(max = 2000, message = "{validation.tooLong}") String remark,
            @Size(max = 200, message = "{validation.tooLong}") String onBehalf,
            @NotNull(message = "{validation.required}") Integer version) {
    }

    public record HandoverView(UUID id, UUID personId, UUID fromId, String fromName, UUID toId, String toName,
                               String reason, String phaseOut, Instant proposedAt, LocalDate conversationOn,
                               String conversationNote, Instant acceptedAt, String acceptRemark, Instant personSignedAt,
                               String personOnBehalf, String personRemark, Instant oldAccessEndedAt, Instant withdrawnAt,
                               int version) {
        public HandoverRules.State state() {
            return new HandoverRules.State(conversationOn, acceptedAt != null, personSignedAt != null,
                    oldAccessEndedAt != null, withdrawnAt != null);
        }

        public HandoverRules.Stage stage() {
            return HandoverRules.stage(state());
        }
    }

    private final JdbcClient jdbc;
    private final PersonAccess access;
    private final CareTeam careTeam;
    private final Persons persons;
    private final Accounts accounts;
    private final Clock clock;

    Handovers(JdbcClient jdbc, PersonAccess access, CareTeam careTeam, Persons persons, Accounts accounts,
              Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.careTeam = careTeam;
        this.persons = persons;
        this.accounts = accounts;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    @Transactional
    public UUID propose(UUID personId, Propose c) {
        access.write(personId, Part.HANDOVERS);
        CurrentUser user = CurrentUser.get();
        var person = persons.get(personId);
        boolean colleague = accounts.find(c.toId())
                .filter(a -> a.organisationId().equals(user.organisationId()) && a.role().supportsPeople()).isPresent();
        boolean open = jdbc.sql("""
                select exists (select 1 from handover where person_id = ? and from_id = ?
                  and old_access_ended_at is null and withdrawn_at is null)""")
                .params(personId, user.id()).query(Boolean.class).single();
        HandoverRules.mayPropose(user.id().equals(c.toId()), colleague, open).ifPresent(k -> {
            throw new RuleViolation("toId", k);
        });
        if (careTeam.members(personId).stream().noneMatch(m -> m.userId().equals(c.toId()))) {
            careTeam.add(personId, c.toId(), CareTeam.TeamRole.PROFESSIONAL, null);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into handover (id, organisation_id, person_id, from_id, to_id, reason, phase_out)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, person.organisationId(), personId, user.id(), c.toId(), c.reason().strip(),
                        c.phaseOut() == null || c.phaseOut().isBlank() ? null : c.phaseOut().strip()).update();
        return id;
    }

    @Transactional
    public void recordConversation(UUID personId, UUID id, Conversation c) {
        access.write(personId, Part.HANDOVERS);
        HandoverView h = load(personId, id);
        HandoverRules.mayRecordConversation(h.state(), c.heldOn(), LocalDate.now(clock)).ifPresent(k -> {
            throw new RuleViolation("heldOn", k);
        });
        bump(personId, id, c.version(), "conversation_on = ?, conversation_note = ?", c.heldOn(), c.note().strip());
    }

    /** The receiving worker accepts; if the person signed already, the old worker's part ends now. */
    @Transactional
    public HandoverRules.Stage accept(UUID personId, UUID id, Sign c) {
        access.write(personId, Part.HANDOVERS);
        HandoverView h = load(personId, id);
        HandoverRules.mayAccept(h.state(), CurrentUser.get().id().equals(h.toId())).ifPresent(k -> {
            throw new RuleViolation("handover", k);
        });
        bump(personId, id, c.version(), "accepted_at = now(), accept_remark = ?", blankToNull(c.remark()));
        return completeIfSigned(personId, id);
    }

    /** The person co-signs (or the team records it for a representative or a paper signature). */
    @Transactional
    public HandoverRules.Stage signAsPerson(UUID personId, UUID id, Sign c) {
        CurrentUser user = CurrentUser.get();
        boolean self = user.isPersonHimself(personId);
        access.require(personId, Part.HANDOVERS, self ? AccessKind.WRITE_AS_PERSON : AccessKind.WRITE);
        HandoverView h = load(personId, id);
        HandoverRules.mayPersonSign(h.state(), self, c.onBehalf()).ifPresent(k -> {
            throw new RuleViolation("onBehalf", k);
        });
        bump(personId, id, c.version(), "person_signed_at = now(), person_signed_by = ?, person_on_behalf = ?, person_remark = ?",
                user.id(), self ? null : blankToNull(c.onBehalf()), blankToNull(c.remark()));
        return completeIfSigned(personId, id);
    }

    @Transactional
    public void withdraw(UUID personId, UUID id, int version) {
        access.write(personId, Part.HANDOVERS);
        HandoverView h = load(personId, id);
        HandoverRules.mayWithdraw(h.state()).ifPresent(k -> {
            throw new RuleViolation("handover", k);
        });
        bump(personId, id, version, "withdrawn_at = now()");
    }

    @Transactional(readOnly = true)
    public List<HandoverView> of(UUID personId) {
        access.read(personId, Part.HANDOVERS);
        return jdbc.sql(SELECT + " where h.person_id = ? order by h.proposed_at desc").param(personId).query(Handovers::map).list();
    }

    /** Handovers waiting for the signed-in worker to accept: the receiver's worklist (no person's file opened). */
    @Transactional(readOnly = true)
    public List<HandoverView> waitingForMe() {
        CurrentUser user = CurrentUser.get();
        List<HandoverView> mine = jdbc.sql(SELECT + " " + """
                 where h.to_id = ? and h.accepted_at is null and h.withdrawn_at is null and h.old_access_ended_at is null
                 order by h.proposed_at""").param(user.id()).query(Handovers::map).list();
        List<UUID> readable = access.readable(mine.stream().map(HandoverView::personId).toList(), Part.HANDOVERS);
        return mine.stream().filter(h -> readable.contains(h.personId())).toList();
    }

    /** Changes of worker in the last year, per person: the continuity the seed asks to guard. */
    @Transactional(readOnly = true)
    public int changesInLastYear(UUID personId) {
        return jdbc.sql("select count(*) from handover where person_id = ? and old_access_ended_at > now() - interval '1 year'")
                .param(personId).query(Integer.class).single();
    }

    private HandoverRules.Stage completeIfSigned(UUID personId, UUID id) {
        HandoverView h = load(personId, id);
        if (HandoverRules.mayEndOldAccess(h.state()).isEmpty()) {
            careTeam.leave(personId, h.fromId(), h.toId());
            jdbc.sql("update handover set old_access_ended_at = now(), version = version + 1 where id = ?").param(id).update();
            return HandoverRules.Stage.COMPLETED;
        }
        return h.stage();
    }

    private HandoverView load(UUID personId, UUID id) {
        return jdbc.sql(SELECT + " where h.person_id = ? and h.id = ?").params(personId, id).query(Handovers::map)
                .optional().orElseThrow(() -> new NotFound("handover"));
    }

    private void bump(UUID personId, UUID id, Integer version, String set, Object... values) {
        Object[] params = new Object[values.length + 3];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = id;
        params[values.length + 1] = personId;
        params[values.length + 2] = version == null ? -1 : version;
        int changed = jdbc.sql("update handover set " + set + ", version = version + 1 where id = ? and person_id = ? and version = ?")
                .params(params).update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("handover " + id + " changed meanwhile");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static final String SELECT = """
            select h.*, f.display_name as from_name, t.display_name as to_name from handover h
            join app_user f on f.id = h.from_id join app_user t on t.id = h.to_id""";

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static HandoverView map(ResultSet rs, int i) throws SQLException {
        return new HandoverView(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                rs.getObject("from_id", UUID.class), rs.getString("from_name"), rs.getObject("to_id", UUID.class),
                rs.getString("to_name"), rs.getString("reason"), rs.getString("phase_out"), instant(rs, "proposed_at"),
                rs.getObject("conversation_on", LocalDate.class), rs.getString("conversation_note"),
                instant(rs, "accepted_at"), rs.getString("accept_remark"), instant(rs, "person_signed_at"),
                rs.getString("person_on_behalf"), rs.getString("person_remark"), instant(rs, "old_access_ended_at"),
                instant(rs, "withdrawn_at"), rs.getInt("version"));
    }
}
