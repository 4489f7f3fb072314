package org.samenkracht.signals.internal;

import org.samenkracht.signals.DeadlineKind;
import org.samenkracht.signals.DeadlineProfile;
import org.samenkracht.signals.IsolationType;
import org.samenkracht.signals.PartnerKind;
import org.samenkracht.signals.Receipt;
import org.samenkracht.signals.SignalDetails;
import org.samenkracht.signals.Signals;
import org.samenkracht.signals.UrgencyScheme;
import org.samenkracht.signals.WeakSignalRadar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Reading signal rows: one select for the whole view, one for the receipt (which selects only safe columns). */
public final class SignalRows {

    private SignalRows() {
    }

    public static final String SELECT = """
            select s.*, a.partner_name, c.display_name as contact_name, o.display_name as file_opened_by_name from signal s
            left join signal_partner_agreement a on a.id = s.agreement_id
            left join app_user c on c.id = s.contact_account_id
            left join app_user o on o.id = s.file_opened_by""";

    /** Only what a receipt may show: reference, date, status, taken up, the contact person's name. */
    public static final String RECEIPT = """
            select s.reference, s.received_at, s.status, s.taken_up, c.display_name as contact_name from signal s
            left join app_user c on c.id = s.contact_account_id""";

    public static Receipt receipt(ResultSet rs, int i) throws SQLException {
        return new Receipt(rs.getString("reference"), rs.getTimestamp("received_at").toInstant(),
                Receipt.stage(rs.getString("status"), (Boolean) rs.getObject("taken_up")), rs.getString("contact_name"));
    }

    public static Signals.SignalView view(ResultSet rs, List<Signals.Action> actions, WeakSignalRadar.Reading radar)
            throws SQLException {
        Instant received = instant(rs, "received_at");
        Instant triaged = instant(rs, "triaged_at");
        Instant due = instant(rs, "due_at");
        Integer persistence = (Integer) rs.getObject("typology_persistence");
        Boolean oriented = (Boolean) rs.getObject("typology_oriented");
        return new Signals.SignalView(rs.getObject("id", UUID.class), rs.getString("reference"), rs.getString("team"),
                rs.getObject("agreement_id", UUID.class), rs.getString("partner_name"),
                PartnerKind.valueOf(rs.getString("partner_kind")), Signals.Channel.valueOf(rs.getString("channel")),
                rs.getString("reporter_name"), rs.getString("reporter_contact"), rs.getString("subject_name"),
                rs.getString("subject_address"), rs.getString("noticed"), rs.getBoolean("thinks_acute"), received,
                DeadlineKind.valueOf(rs.getString("kind")), Signals.Status.valueOf(rs.getString("status")), due,
                DeadlineProfile.timing(triaged == null ? received : triaged, due, Instant.now()),
                small(rs, "score_safety"), small(rs, "score_health"), small(rs, "score_wellbeing"),
                rs.getString("extent") == null ? null : UrgencyScheme.Extent.valueOf(rs.getString("extent")),
                rs.getString("duration") == null ? null : UrgencyScheme.Duration.valueOf(rs.getString("duration")),
                small(rs, "score_total"), rs.getString("triage_note"), triaged, (Boolean) rs.getObject("taken_up"),
                rs.getObject("person_id", UUID.class), rs.getString("contact_name"), rs.getString("case_code"),
                persistence == null || oriented == null ? null : IsolationType.of(persistence, oriented),
                instant(rs, "escalated_at"), instant(rs, "closed_at"),
                rs.getString("close_reason") == null ? null : Signals.CloseReason.valueOf(rs.getString("close_reason")),
                rs.getString("close_note"), rs.getObject("retain_until", LocalDate.class), rs.getTimestamp("purged_at") != null,
                rs.getInt("version"), actions, radar,
                rs.getString("concern_kind") == null ? null : SignalDetails.ConcernKind.valueOf(rs.getString("concern_kind")),
                rs.getString("frequency") == null ? null : SignalDetails.Frequency.valueOf(rs.getString("frequency")),
                rs.getString("seen_since"), SignalDetails.PersonKnows.valueOf(rs.getString("person_knows")),
                SignalDetails.preconditions(rs.getString("preconditions_met")), rs.getBoolean("anonymous_signaller"),
                rs.getString("neighbourhood"), fileGround(rs));
    }

    private static Signals.FileGroundView fileGround(ResultSet rs) throws SQLException {
        String ground = rs.getString("file_ground");
        if (ground == null) {
            return null;
        }
        String by = rs.getString("file_consent_by");
        return new Signals.FileGroundView(org.samenkracht.signals.FileGround.valueOf(ground),
                rs.getObject("file_consent_on", LocalDate.class),
                by == null ? null : org.samenkracht.privacy.Consents.GivenBy.valueOf(by),
                rs.getString("file_consent_representative"), rs.getString("file_ground_justification"),
                rs.getString("file_opened_by_name"), instant(rs, "file_opened_at"));
    }

    public static Signals.SignalView withRadar(Signals.SignalView v, WeakSignalRadar.Reading radar) {
        return new Signals.SignalView(v.id(), v.reference(), v.team(), v.agreementId(), v.partnerName(), v.partnerKind(),
                v.channel(), v.reporterName(), v.reporterContact(), v.subjectName(), v.subjectAddress(), v.noticed(),
                v.thinksAcute(), v.receivedAt(), v.kind(), v.status(), v.dueAt(), v.timing(), v.safety(), v.health(),
                v.wellbeing(), v.extent(), v.duration(), v.scoreTotal(), v.triageNote(), v.triagedAt(), v.takenUp(),
                v.personId(), v.contactPerson(), v.caseCode(), v.typology(), v.escalatedAt(), v.closedAt(), v.closeReason(),
                v.closeNote(), v.retainUntil(), v.purged(), v.version(), v.actions(), radar, v.concernKind(),
                v.frequency(), v.seenSince(), v.personKnows(), v.preconditionsMet(), v.anonymousSignaller(),
                v.neighbourhood(), v.fileGround());
    }

    private static Integer small(ResultSet rs, String column) throws SQLException {
        Object o = rs.getObject(column);
        return o == null ? null : ((Number) o).intValue();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
