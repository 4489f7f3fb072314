package org.samenkracht.signals;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.samenkracht.common.domain.NotFound;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.identity.CurrentUser;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The network meeting (seed 001, §2.3): every four to six weeks, or urgently; cases appear under a
 * pseudonymous case code, never a name; the chair keeps minutes and attendance; per case the problems,
 * the agreed approach, who is responsible and the isolation type. When the meeting is closed the
 * reporting forms are destroyed (their text is wiped; the moment is kept).
 */
@Service
public class NetworkMeetings {

    public record NewMeeting(@NotNull(message = "{validation.required}") LocalDate heldOn, boolean urgent) {
    }

    /**
     * Who attends: a name, and whom they represent; for a partner of the network its agreement (then the partner's name
     * may stand for "represents"), and only a partner that signed the covenant and privacy rules in force.
     */
    public record Attendee(
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String name,
            @Size(max = 200, message = "{validation.tooLong}") String represents,
            boolean present,
            UUID agreementId) {
        public Attendee(String name, String represents, boolean present) {
            this(name, represents, present, null);
        }
    }

    public record AddCase(@NotNull(message = "{validation.required}") UUID signalId,
                          @Size(max = 8000, message = "{validation.tooLong}") String reportingForm) {
    }

    public record CaseOutcome(
            @Size(max = 4000, message = "{validation.tooLong}") String problems,
            @Size(max = 4000, message = "{validation.tooLong}") String agreedApproach,
            @Size(max = 200, message = "{validation.tooLong}") String responsible,
            @Min(value = 1, message = "{signals.validation.range}") @Max(value = 4, message = "{signals.validation.range}") Integer persistence,
            Boolean oriented) {
    }

    public record Minutes(@Size(max = 20000, message = "{validation.tooLong}") String minutes, int version) {
    }

    public record CaseView(UUID signalId, String caseCode, String reportingForm, String problems, String agreedApproach,
                           String responsible, IsolationType typology) {
    }

    public record AttendeeView(UUID id, String name, String represents, boolean present, UUID agreementId,
                               NetworkPartners.Membership membership) {
    }

    /** {@code partners}: the network's partners, each with whether it may be invited (signed the versions in force). */
    public record MeetingView(UUID id, LocalDate heldOn, boolean urgent, String chair, String minutes, Instant closedAt,
                              Instant formsDestroyedAt, int version, List<AttendeeView> attendees, List<CaseView> cases,
                              List<NetworkPartners.Partner> partners) {
    }

    public record MeetingLine(UUID id, LocalDate heldOn, boolean urgent, boolean closed, int cases) {
    }

    private final JdbcClient jdbc;
    private final NetworkPartners partners;

    NetworkMeetings(JdbcClient jdbc, NetworkPartners partners) {
        this.jdbc = jdbc;
        this.partners = partners;
    }

    @Transactional(readOnly = true)
    public List<MeetingLine> list() {
        CurrentUser user = Signals.staff();
        return jdbc.sql("""
                select m.id, m.held_on, m.urgent, m.closed_at is not null as closed,
                  (select count(*) from signal_meeting_case c where c.meeting_id = m.id) as cases
                from signal_meeting m where m.organisation_id = ? order by m.held_on desc limit 100""")
                .param(user.organisationId())
                .query((rs, i) -> new MeetingLine(rs.getObject("id", UUID.class), rs.getObject("held_on", LocalDate.class),
                        rs.getBoolean("urgent"), rs.getBoolean("closed"), rs.getInt("cases")))
                .list();
    }

    @Transactional
    public UUID plan(NewMeeting m) {
        CurrentUser user = Signals.staff();
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into signal_meeting (id, organisation_id, held_on, urgent, chair_id) values (?, ?, ?, ?, ?)")
                .params(id, user.organisationId(), m.heldOn(), m.urgent(), user.id()).update();
        return id;
    }

    @Transactional(readOnly = true)
    public MeetingView get(UUID meetingId) {
        CurrentUser user = Signals.staff();
        List<AttendeeView> attendees = jdbc.sql("""
                select t.id, t.name, t.represents, t.present, t.agreement_id, a.membership from signal_meeting_attendee t
                left join signal_partner_agreement a on a.id = t.agreement_id
                where t.meeting_id = ? and t.organisation_id = ? order by t.name""")
                .params(meetingId, user.organisationId()).query((rs, i) -> new AttendeeView(rs.getObject("id", UUID.class),
                        rs.getString("name"), rs.getString("represents"), rs.getBoolean("present"),
                        rs.getObject("agreement_id", UUID.class),
                        rs.getString("membership") == null ? null : NetworkPartners.Membership.valueOf(rs.getString("membership"))))
                .list();
        List<NetworkPartners.Partner> network = partners.partners(user.organisationId());
        List<CaseView> cases = jdbc.sql("""
                select c.signal_id, s.case_code, c.reporting_form, c.problems, c.agreed_approach, c.responsible,
                  s.typology_persistence, s.typology_oriented
                from signal_meeting_case c join signal s on s.id = c.signal_id where c.meeting_id = ? order by s.case_code""")
                .param(meetingId).query((rs, i) -> {
                    Object p = rs.getObject("typology_persistence");
                    Object o = rs.getObject("typology_oriented");
                    return new CaseView(rs.getObject("signal_id", UUID.class), rs.getString("case_code"),
                            rs.getString("reporting_form"), rs.getString("problems"), rs.getString("agreed_approach"),
                            rs.getString("responsible"),
                            p == null || o == null ? null : IsolationType.of(((Number) p).intValue(), (Boolean) o));
                }).list();
        return jdbc.sql("""
                select m.*, u.display_name as chair from signal_meeting m join app_user u on u.id = m.chair_id
                where m.id = ? and m.organisation_id = ?""")
                .params(meetingId, user.organisationId())
                .query((rs, i) -> new MeetingView(rs.getObject("id", UUID.class), rs.getObject("held_on", LocalDate.class),
                        rs.getBoolean("urgent"), rs.getString("chair"), rs.getString("minutes"),
                        rs.getTimestamp("closed_at") == null ? null : rs.getTimestamp("closed_at").toInstant(),
                        rs.getTimestamp("forms_destroyed_at") == null ? null : rs.getTimestamp("forms_destroyed_at").toInstant(),
                        rs.getInt("version"), attendees, cases, network))
                .optional().orElseThrow(() -> new NotFound("meeting"));
    }

    @Transactional
    public void addAttendee(UUID meetingId, Attendee a) {
        CurrentUser user = Signals.staff();
        open(meetingId);
        if (a.name() == null || a.name().isBlank()) {
            throw new RuleViolation("name", "validation.required");
        }
        String represents = Signals.blankToNull(a.represents());
        if (a.agreementId() != null) {
            // a partner hears cases only after signing the covenant and the privacy rules in force
            NetworkPartners.Partner p = partners.requireMayTakePart(user.organisationId(), a.agreementId());
            if (represents == null) {
                represents = p.partnerName();
            }
        }
        if (represents == null) {
            throw new RuleViolation("represents", "validation.required");
        }
        jdbc.sql("""
                insert into signal_meeting_attendee (id, meeting_id, organisation_id, name, represents, present, agreement_id)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), meetingId, user.organisationId(), a.name().strip(), represents,
                        a.present(), a.agreementId()).update();
    }

    /** A case on the agenda: the signal gets its case code (once), the reporting form is kept until the meeting closes. */
    @Transactional
    public String addCase(UUID meetingId, AddCase c) {
        CurrentUser user = Signals.staff();
        MeetingView m = open(meetingId);
        String status = jdbc.sql("select status from signal where id = ? and organisation_id = ?")
                .params(c.signalId(), user.organisationId()).query(String.class).optional()
                .orElseThrow(() -> new RuleViolation("signalId", "signals.refused.unknownSignal"));
        if ("RECEIVED".equals(status)) {
            throw new RuleViolation("signalId", "signals.refused.triageFirst");
        }
        if (m.cases().stream().anyMatch(x -> x.signalId().equals(c.signalId()))) {
            throw new RuleViolation("signalId", "signals.refused.alreadyOnAgenda");
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtext('signal_case_code:' || ?))").param(user.organisationId().toString())
                .query().listOfRows();
        String year = String.valueOf(m.heldOn().getYear());
        jdbc.sql("""
                update signal set case_code = 'C-' || ? || '-' || lpad(cast(1 + (select count(*) from signal
                    where organisation_id = ? and case_code like 'C-' || ? || '-%') as text), 3, '0'), version = version + 1
                where id = ? and case_code is null""")
                .params(year, user.organisationId(), year, c.signalId()).update();
        jdbc.sql("""
                insert into signal_meeting_case (meeting_id, signal_id, organisation_id, reporting_form) values (?, ?, ?, ?)""")
                .params(meetingId, c.signalId(), user.organisationId(), Signals.blankToNull(c.reportingForm())).update();
        return jdbc.sql("select case_code from signal where id = ?").param(c.signalId()).query(String.class).single();
    }

    @Transactional
    public void recordCase(UUID meetingId, UUID signalId, CaseOutcome o) {
        CurrentUser user = Signals.staff();
        get(meetingId);
        if ((o.persistence() == null) != (o.oriented() == null)) {
            throw new RuleViolation(o.persistence() == null ? "persistence" : "oriented", "signals.refused.typologyBoth");
        }
        int changed = jdbc.sql("""
                update signal_meeting_case set problems = ?, agreed_approach = ?, responsible = ?
                where meeting_id = ? and signal_id = ? and organisation_id = ?""")
                .params(Signals.blankToNull(o.problems()), Signals.blankToNull(o.agreedApproach()),
                        Signals.blankToNull(o.responsible()), meetingId, signalId, user.organisationId()).update();
        if (changed == 0) {
            throw new NotFound("case");
        }
        if (o.persistence() != null) {
            jdbc.sql("update signal set typology_persistence = ?, typology_oriented = ?, version = version + 1 where id = ?")
                    .params(o.persistence(), o.oriented(), signalId).update();
        }
    }

    @Transactional
    public void minutes(UUID meetingId, Minutes m) {
        CurrentUser user = Signals.staff();
        int changed = jdbc.sql("""
                update signal_meeting set minutes = ?, version = version + 1
                where id = ? and organisation_id = ? and version = ?""")
                .params(Signals.blankToNull(m.minutes()), meetingId, user.organisationId(), m.version()).update();
        if (changed == 0) {
            get(meetingId);
            throw new OptimisticLockingFailureException("meeting changed meanwhile");
        }
    }

    /** After the meeting: closed, and the reporting forms destroyed. */
    @Transactional
    public void close(UUID meetingId) {
        CurrentUser user = Signals.staff();
        open(meetingId);
        jdbc.sql("update signal_meeting_case set reporting_form = null where meeting_id = ?").param(meetingId).update();
        jdbc.sql("""
                update signal_meeting set closed_at = now(), forms_destroyed_at = now(), version = version + 1
                where id = ? and organisation_id = ?""").params(meetingId, user.organisationId()).update();
    }

    private MeetingView open(UUID meetingId) {
        MeetingView m = get(meetingId);
        if (m.closedAt() != null) {
            throw new RuleViolation("meeting", "signals.refused.meetingClosed");
        }
        return m;
    }
}
