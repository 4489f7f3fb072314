package org.samenkracht.deliberation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.common.domain.NotFound;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.samenkracht.person.PersonView;
import org.samenkracht.person.Persons;
import org.springframework.context.MessageSource;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Coaching and intervision sessions of a team. They hold no person's data: a case has a pseudonym,
 * and a text that names a person of the author's caseload (or of the linked deliberation) is refused.
 * Seen by the participants and the organisation's coaches; a participant records their own moral burden.
 */
@Service
public class Sessions {

    public record NewSession(
            @NotNull(message = "{validation.required}") SessionRules.Kind kind,
            @NotNull(message = "{validation.required}") LocalDate heldOn,
            @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.tooLong}") String casePseudonym,
            @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.tooLong}") String caseQuestion,
            @NotEmpty(message = "{session.participantsRequired}") List<UUID> participantIds,
            UUID deliberationId) {
    }

    public record RecordRound(
            @NotBlank(message = "{validation.required}") String round,
            @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}") String notes,
            @NotNull(message = "{validation.required}") Integer version) {
    }

    public record Close(
            @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}") String lessons,
            @NotNull(message = "{validation.required}") Integer version) {
    }

    public record Burden(@NotNull(message = "{validation.required}") @Min(value = 0, message = "{deliberation.validation.range}")
                         @Max(value = 10, message = "{deliberation.validation.range}") Integer burden) {
    }

    public record RoundView(String round, int position, int minutes, String notes, Instant doneAt) {
    }

    public record Participant(UUID accountId, String name, Integer moralBurden) {
    }

    public record SessionView(UUID id, SessionRules.Kind kind, LocalDate heldOn, String facilitatorName,
                              String casePseudonym, String caseQuestion, boolean linkedToDeliberation, String lessons,
                              Instant closedAt, int version, List<Participant> participants, List<RoundView> rounds) {
        public int totalMinutes() {
            return rounds.stream().mapToInt(RoundView::minutes).sum();
        }

        /** The round to do next, or null when all are done. */
        public String nextRound() {
            return rounds.stream().filter(r -> r.doneAt() == null).map(RoundView::round).findFirst().orElse(null);
        }
    }

    public record BurdenPoint(UUID accountId, String name, LocalDate heldOn, int burden) {
    }

    public record Lesson(UUID sessionId, SessionRules.Kind kind, LocalDate heldOn, String casePseudonym, String lessons) {
    }

    private final JdbcClient jdbc;
    private final Persons persons;
    private final Deliberations deliberations;
    private final Accounts accounts;
    private final MessageSource messages;

    Sessions(JdbcClient jdbc, Persons persons, Deliberations deliberations, Accounts accounts, MessageSource messages) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.deliberations = deliberations;
        this.accounts = accounts;
        this.messages = messages;
    }

    @Transactional
    public UUID create(NewSession c) {
        CurrentUser user = staff();
        Set<UUID> participants = new LinkedHashSet<>(c.participantIds());
        participants.add(user.id());
        for (UUID p : participants) {
            if (accounts.find(p).filter(a -> a.organisationId().equals(user.organisationId()) && a.role().supportsPeople()).isEmpty()) {
                throw new RuleViolation("participantIds", "session.refused.notAColleague");
            }
        }
        List<String> names = names(c.deliberationId());
        if (Pseudonymity.leaks(c.casePseudonym(), names)) {
            throw new RuleViolation("casePseudonym", "session.refused.nameInCase");
        }
        if (Pseudonymity.leaks(c.caseQuestion(), names)) {
            throw new RuleViolation("caseQuestion", "session.refused.nameInCase");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into team_session (id, organisation_id, kind, held_on, facilitator_id, case_pseudonym, case_question, deliberation_id)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, user.organisationId(), c.kind().name(), c.heldOn(), user.id(), c.casePseudonym().strip(),
                        c.caseQuestion().strip(), c.deliberationId()).update();
        for (UUID p : participants) {
            jdbc.sql("insert into team_session_participant (session_id, account_id, organisation_id) values (?, ?, ?)")
                    .params(id, p, user.organisationId()).update();
        }
        int i = 0;
        for (SessionRules.Round r : SessionRules.rounds(c.kind())) {
            jdbc.sql("insert into team_session_round (id, session_id, organisation_id, round, position, minutes) values (?, ?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), id, user.organisationId(), r.key(), i++, r.minutes()).update();
        }
        return id;
    }

    @Transactional(readOnly = true)
    public List<SessionView> list() {
        CurrentUser user = staff();
        List<UUID> ids = jdbc.sql("""
                select s.id from team_session s where s.organisation_id = :org
                  and (:coach or exists (select 1 from team_session_participant p where p.session_id = s.id and p.account_id = :u))
                order by s.held_on desc, s.id""")
                .param("org", user.organisationId()).param("coach", user.is(Role.COACH)).param("u", user.id())
                .query(UUID.class).list();
        return ids.stream().map(this::load).toList();
    }

    @Transactional(readOnly = true)
    public SessionView get(UUID id) {
        staff();
        SessionView s = load(id);
        requireSees(s);
        return s;
    }

    @Transactional
    public void recordRound(UUID id, RecordRound c) {
        SessionView s = get(id);
        List<String> phrases = advicePhrases();
        int position = s.rounds().stream().filter(r -> r.round().equals(c.round())).mapToInt(RoundView::position).findFirst().orElse(-1);
        boolean earlierDone = s.rounds().stream().filter(r -> r.position() < position).allMatch(r -> r.doneAt() != null);
        SessionRules.mayRecordRound(s.kind(), c.round(), c.notes(), phrases, earlierDone, s.closedAt() != null)
                .ifPresent(k -> {
                    throw new RuleViolation("notes", k);
                });
        if (Pseudonymity.leaks(c.notes(), names(null))) {
            throw new RuleViolation("notes", "session.refused.nameInCase");
        }
        bump(id, c.version());
        jdbc.sql("update team_session_round set notes = ?, done_at = now() where session_id = ? and round = ?")
                .params(c.notes().strip(), id, c.round()).update();
    }

    @Transactional
    public void close(UUID id, Close c) {
        SessionView s = get(id);
        boolean allDone = s.rounds().stream().allMatch(r -> r.doneAt() != null);
        SessionRules.mayClose(allDone, c.lessons(), s.closedAt() != null).ifPresent(k -> {
            throw new RuleViolation("lessons", k);
        });
        if (Pseudonymity.leaks(c.lessons(), names(null))) {
            throw new RuleViolation("lessons", "session.refused.nameInCase");
        }
        bump(id, c.version());
        jdbc.sql("update team_session set lessons = ?, closed_at = now() where id = ?").params(c.lessons().strip(), id).update();
    }

    /** A participant records their own moral burden after the session (0 none … 10 very heavy). */
    @Transactional
    public void recordBurden(UUID id, Burden b) {
        CurrentUser user = staff();
        int changed = jdbc.sql("update team_session_participant set moral_burden = ? where session_id = ? and account_id = ? and organisation_id = ?")
                .params(b.burden(), id, user.id(), user.organisationId()).update();
        if (changed == 0) {
            throw new AccessRefused("session.refused.notAParticipant");
        }
    }

    /** Moral burden over time: a participant sees their own; a coach sees everyone's in the organisation. */
    @Transactional(readOnly = true)
    public List<BurdenPoint> burdenOverTime() {
        CurrentUser user = staff();
        return jdbc.sql("""
                select p.account_id, u.display_name, s.held_on, p.moral_burden
                from team_session_participant p join team_session s on s.id = p.session_id join app_user u on u.id = p.account_id
                where p.organisation_id = :org and p.moral_burden is not null and (:coach or p.account_id = :u)
                order by u.display_name, s.held_on""")
                .param("org", user.organisationId()).param("coach", user.is(Role.COACH)).param("u", user.id())
                .query((rs, i) -> new BurdenPoint(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, LocalDate.class),
                        rs.getInt(4))).list();
    }

    /** The lessons kept, from the sessions the user took part in (a coach: all of the organisation). */
    @Transactional(readOnly = true)
    public List<Lesson> lessons() {
        return list().stream().filter(s -> s.lessons() != null)
                .map(s -> new Lesson(s.id(), s.kind(), s.heldOn(), s.casePseudonym(), s.lessons())).toList();
    }

    private List<String> names(UUID deliberationId) {
        List<String> names = new ArrayList<>();
        for (PersonView p : persons.caseload()) {
            names.add(p.givenName());
            names.add(p.familyName());
        }
        if (deliberationId != null) {
            UUID personId = deliberations.personOf(deliberationId);
            deliberations.get(personId, deliberationId);
            PersonView p = persons.get(personId);
            names.add(p.givenName());
            names.add(p.familyName());
        }
        return names;
    }

    private List<String> advicePhrases() {
        List<String> phrases = new ArrayList<>();
        for (Locale l : List.of(Locale.forLanguageTag("nl"), Locale.ENGLISH)) {
            phrases.addAll(List.of(messages.getMessage("session.advicePhrases", null, "", l).split("\\|")));
        }
        return phrases;
    }

    private void requireSees(SessionView s) {
        CurrentUser user = staff();
        boolean participant = s.participants().stream().anyMatch(p -> p.accountId().equals(user.id()));
        if (!participant && !user.is(Role.COACH)) {
            throw new AccessRefused("session.refused.notAParticipant");
        }
    }

    private static CurrentUser staff() {
        CurrentUser user = CurrentUser.get();
        if (!user.role().supportsPeople()) {
            throw new AccessRefused("session.refused.staffOnly");
        }
        return user;
    }

    private void bump(UUID id, Integer version) {
        int changed = jdbc.sql("update team_session set version = version + 1 where id = ? and version = ?")
                .params(id, version == null ? -1 : version).update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("session " + id + " changed meanwhile");
        }
    }

    private SessionView load(UUID id) {
        UUID org = CurrentUser.get().organisationId();
        var participants = jdbc.sql("""
                select p.account_id, u.display_name, p.moral_burden from team_session_participant p
                join app_user u on u.id = p.account_id where p.session_id = ? order by u.display_name""")
                .param(id).query((rs, i) -> new Participant(rs.getObject(1, UUID.class), rs.getString(2),
                        (Integer) rs.getObject(3))).list();
        var rounds = jdbc.sql("select round, position, minutes, notes, done_at from team_session_round where session_id = ? order by position")
                .param(id).query((rs, i) -> new RoundView(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant())).list();
        return jdbc.sql("""
                select s.*, u.display_name from team_session s join app_user u on u.id = s.facilitator_id
                where s.id = ? and s.organisation_id = ?""")
                .params(id, org)
                .query((rs, i) -> new SessionView(rs.getObject("id", UUID.class), SessionRules.Kind.valueOf(rs.getString("kind")),
                        rs.getObject("held_on", LocalDate.class), rs.getString("display_name"), rs.getString("case_pseudonym"),
                        rs.getString("case_question"), rs.getObject("deliberation_id") != null, rs.getString("lessons"),
                        rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant(),
                        rs.getInt("version"), participants, rounds))
                .optional().orElseThrow(() -> new NotFound("session"));
    }
}
