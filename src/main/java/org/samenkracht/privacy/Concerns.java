package org.samenkracht.privacy;

import org.samenkracht.common.domain.NotFound;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.privacy.internal.AuditTrail;
import org.samenkracht.privacy.PersonDirectory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The concern route as a use case: each step checked by {@link ConcernRoute}, kept, and audited. */
@Service
public class Concerns {

    public record ConcernView(UUID id, ConcernRoute.Kind kind, String description, String raisedBy, Instant raisedAt,
                              Instant sharedWithFamilyAt, String sharedWithFamilyNote, Instant weighedAt,
                              String weighingNote, String deliberationRef, Instant steppedOutsideAt, String justification,
                              String outsideRecipient, String actionTaken, String whoWasCalled, Instant reviewedAt,
                              String reviewNote, int version, Instant consultedAt, String consultNote,
                              String familySkippedReason, boolean adviceLineConsulted, ConcernRoute.Assessment assessment,
                              Instant helpOrganisedAt, String helpNote) {
        public ConcernRoute.State state() {
            return new ConcernRoute.State(kind, sharedWithFamilyAt, weighedAt, steppedOutsideAt, reviewedAt, consultedAt,
                    familySkippedReason, helpOrganisedAt);
        }

        public ConcernRoute.Stage stage() {
            return ConcernRoute.stage(state());
        }

        /** The page of the reporting code to open next. */
        public ConcernRoute.Step currentStep() {
            return ConcernRoute.currentStep(state());
        }

        /** The framework's advice, once the five questions were answered on the route (null otherwise). */
        public ConcernRoute.Advice advice() {
            return assessment == null || assessment.suspicion() == null ? null : assessment.advice();
        }

        /** The framework advised a report that has not been made yet. */
        public boolean reportStillDue() {
            return ConcernRoute.reportStillDue(state(), assessment);
        }
    }

    private final JdbcClient jdbc;
    private final PersonAccess access;
    private final AuditTrail audit;
    private final PersonDirectory directory;
    private final SharingDecisions sharing;

    Concerns(JdbcClient jdbc, PersonAccess access, AuditTrail audit, PersonDirectory directory, SharingDecisions sharing) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.directory = directory;
        this.sharing = sharing;
    }

    @Transactional
    public UUID raise(UUID personId, String description) {
        requireText("description", description, 4000);
        return insert(personId, ConcernRoute.Kind.CONCERN, description, null, null);
    }

    /** Acute danger: the help came first; this records what was done and who was called, for review. */
    @Transactional
    public UUID recordAcuteDanger(UUID personId, String description, String actionTaken, String whoWasCalled) {
        requireText("description", description, 4000);
        check(ConcernRoute.mayRecordAcute(actionTaken, whoWasCalled), blank(actionTaken) ? "actionTaken" : "whoWasCalled");
        return insert(personId, ConcernRoute.Kind.ACUTE_DANGER, description, actionTaken.strip(), whoWasCalled.strip());
    }

    @Transactional
    public void shareWithFamily(UUID personId, UUID concernId, int version, String note) {
        ConcernView c = load(personId, concernId);
        check(ConcernRoute.mayShareWithFamily(c.state()), "note");
        requireText("note", note, 4000);
        update(personId, concernId, version, "shared_with_family_at = now(), shared_with_family_note = ?", note.strip());
        audit.event(CurrentUser.get(), personId, "WRITE", "concern/shared-with-family", "CONCERN:" + concernId);
    }

    /** Step 2 of the reporting code: a colleague or expert was consulted. */
    @Transactional
    public void consult(UUID personId, UUID concernId, int version, String note) {
        ConcernView c = load(personId, concernId);
        check(ConcernRoute.mayConsult(c.state(), note), "note");
        requireText("note", note, 4000);
        update(personId, concernId, version, "consulted_at = now(), consult_note = ?", note.strip());
        audit.event(CurrentUser.get(), personId, "WRITE", "concern/consulted", "CONCERN:" + concernId);
    }

    /** Step 2, with whether the advice line (Veilig Thuis) was among those consulted. */
    @Transactional
    public void consult(UUID personId, UUID concernId, int version, String note, boolean adviceLine) {
        ConcernView c = load(personId, concernId);
        check(ConcernRoute.mayConsult(c.state(), note), "note");
        requireText("note", note, 4000);
        update(personId, concernId, version, "consulted_at = now(), consult_note = ?, advice_line_consulted = ?",
                note.strip(), adviceLine);
        audit.event(CurrentUser.get(), personId, "WRITE", "concern/consulted", "CONCERN:" + concernId);
    }

    /**
     * Step 4 with the assessment framework: the five questions answered as far as they lead, and a note of
     * the weighing. The framework's advice (no suspicion, report, or organise help) follows from the answers.
     */
    @Transactional
    public ConcernRoute.Advice assess(UUID personId, UUID concernId, int version, ConcernRoute.Assessment answers,
                                      String weighing) {
        ConcernView c = load(personId, concernId);
        check(ConcernRoute.mayWeigh(c.state(), "-"), "weighing");
        if (answers == null || answers.missing().isPresent()) {
            throw new RuleViolation(answers == null ? "suspicion" : answers.missing().get(), "concern.refused.questionNeeded");
        }
        check(ConcernRoute.mayAssess(c.state(), answers, weighing), "weighing");
        requireText("weighing", weighing, 4000);
        ConcernRoute.Assessment a = answers.asked();
        update(personId, concernId, version,
                "weighed_at = now(), weighing_note = ?, q_suspicion = ?, q_danger = ?, q_can_help = ?, "
                        + "q_help_accepted = ?, q_result_in_time = ?",
                weighing.strip(), a.suspicion(), a.danger() == null ? null : a.danger().name(), a.canHelp(),
                a.helpAccepted(), a.resultInTime());
        audit.event(CurrentUser.get(), personId, "WRITE", "concern/weighed", "CONCERN:" + concernId);
        return a.advice();
    }

    /** Step 5, organising help (beside a report, or instead of one when the framework advises help). */
    @Transactional
    public void organiseHelp(UUID personId, UUID concernId, int version, String note) {
        ConcernView c = load(personId, concernId);
        check(ConcernRoute.mayOrganiseHelp(c.state(), note), "note");
        requireText("note", note, 4000);
        update(personId, concernId, version, "help_organised_at = now(), help_note = ?", note.strip());
        audit.event(CurrentUser.get(), personId, "WRITE", "concern/help-organised", "CONCERN:" + concernId);
    }

    /** One concern of the person, for its step pages. */
    @Transactional
    public ConcernView one(UUID personId, UUID concernId) {
        directory.person(personId);
        access.read(personId, Part.CONCERNS);
        return jdbc.sql(SELECT + " where c.person_id = ? and c.id = ?").params(personId, concernId)
                .query(Concerns::map).optional().orElseThrow(() -> new NotFound("concern"));
    }

    /** Step 3 skipped: the person or family is not told first, for a reason that is recorded and audited. */
    @Transactional
    public void skipFamily(UUID personId, UUID concernId, int version, String reason) {
        ConcernView c = load(personId, concernId);
        check(ConcernRoute.maySkipFamily(c.state(), reason), "reason");
        requireText("reason", reason, 4000);
        update(personId, concernId, version, "family_skipped_reason = ?", reason.strip());
        audit.event(CurrentUser.get(), personId, "WRITE", "concern/family-skipped", "CONCERN:" + concernId);
    }

    /**
     * A concern about the person was passed on by a partner of the signalling network and is now linked to
     * their file: the person sees this in "who looked", with the kind of partner ({@code partnerKind}, e.g.
     * PHARMACY; shown through the message {@code accessLog.action.SIGNAL_<kind>}) and never the details.
     */
    @Transactional
    public void passedOn(UUID personId, String partnerKind) {
        directory.person(personId);
        if (partnerKind == null || !partnerKind.matches("[A-Z_]{2,30}")) {
            throw new IllegalArgumentException("partnerKind");
        }
        access.write(personId, Part.SIGNALS);
        audit.event(CurrentUser.get(), personId, "SIGNAL_" + partnerKind, "signals", "PARTNER");
    }

    /**
     * The same, when a file was opened from the concern on a ground (issue 19, item 4): {@code CONSENT:...} shows in
     * "who looked" as done with the person's consent; {@code SECRECY:<ground>} is kept with the line (the signals
     * module adds the ground in words as a note).
     */
    @Transactional
    public void passedOn(UUID personId, String partnerKind, String ground) {
        directory.person(personId);
        if (partnerKind == null || !partnerKind.matches("[A-Z_]{2,30}")) {
            throw new IllegalArgumentException("partnerKind");
        }
        if (ground == null || !ground.matches("(CONSENT|SECRECY):[A-Z_]{2,30}")) {
            throw new IllegalArgumentException("ground");
        }
        access.write(personId, Part.SIGNALS);
        audit.event(CurrentUser.get(), personId, "SIGNAL_" + partnerKind, "signals", ground);
    }

    @Transactional
    public void weigh(UUID personId, UUID concernId, int version, String weighing, String deliberationRef) {
        ConcernView c = load(personId, concernId);
        check(ConcernRoute.mayWeigh(c.state(), weighing), "weighing");
        requireText("weighing", weighing, 4000);
        update(personId, concernId, version, "weighed_at = now(), weighing_note = ?, deliberation_ref = ?",
                weighing.strip(), blank(deliberationRef) ? null : deliberationRef.strip());
        audit.event(CurrentUser.get(), personId, "WRITE", "concern/weighed", "CONCERN:" + concernId);
    }

    /** The step outside: justified in line with the mandate, kept as a sharing decision. */
    @Transactional
    public SharingDecisions.DecisionView stepOutside(UUID personId, UUID concernId, int version, String recipient,
                                                     String information, String justification) {
        ConcernView c = load(personId, concernId);
        check(ConcernRoute.mayStepOutside(c.state(), justification), "justification");
        requireText("recipient", recipient, 200);
        requireText("information", information, 1000);
        update(personId, concernId, version, "stepped_outside_at = now(), justification = ?, outside_recipient = ?",
                justification.strip(), recipient.strip());
        return sharing.decide(personId, new SharingDecisions.ShareRequest(SharedSecrecyPolicy.RecipientKind.EXTERNAL,
                recipient, null, information, justification, false, true, true, null), concernId, true);
    }

    @Transactional
    public void review(UUID personId, UUID concernId, int version, String note) {
        ConcernView c = load(personId, concernId);
        check(ConcernRoute.mayReview(c.state(), note), "reviewNote");
        update(personId, concernId, version, "reviewed_at = now(), reviewed_by = ?, review_note = ?",
                CurrentUser.get().id(), note.strip());
        audit.event(CurrentUser.get(), personId, "WRITE", "concern/reviewed", "CONCERN:" + concernId);
    }

    @Transactional
    public List<ConcernView> of(UUID personId) {
        directory.person(personId);
        access.read(personId, Part.CONCERNS);
        return jdbc.sql(SELECT + " where c.person_id = ? order by c.raised_at desc").param(personId).query(Concerns::map).list();
    }

    private ConcernView load(UUID personId, UUID concernId) {
        directory.person(personId);
        access.write(personId, Part.CONCERNS);
        return jdbc.sql(SELECT + " where c.person_id = ? and c.id = ?").params(personId, concernId)
                .query(Concerns::map).optional().orElseThrow(() -> new NotFound("concern"));
    }

    private UUID insert(UUID personId, ConcernRoute.Kind kind, String description, String action, String called) {
        var person = directory.person(personId);
        access.write(personId, Part.CONCERNS);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into concern (id, organisation_id, person_id, kind, description, raised_by, action_taken, who_was_called)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, person.organisationId(), personId, kind.name(), description.strip(), CurrentUser.get().id(),
                        action, called)
                .update();
        return id;
    }

    private void update(UUID personId, UUID concernId, int version, String set, Object... values) {
        Object[] params = new Object[values.length + 3];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = concernId;
        params[values.length + 1] = personId;
        params[values.length + 2] = version;
        int changed = jdbc.sql("update concern set " + set + ", version = version + 1 where id = ? and person_id = ? and version = ?")
                .params(params).update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("concern " + concernId + " changed meanwhile");
        }
    }

    private static void check(ConcernRoute.Outcome outcome, String field) {
        if (outcome instanceof ConcernRoute.Outcome.Refused r) {
            throw new RuleViolation(field, r.reasonKey());
        }
    }

    private static void requireText(String field, String value, int max) {
        if (blank(value)) {
            throw new RuleViolation(field, "validation.required");
        }
        if (value.strip().length() > max) {
            throw new RuleViolation(field, "validation.tooLong", max);
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static final String SELECT = """
            select c.*, u.display_name as raised_by_name from concern c join account_directory u on u.id = c.raised_by""";

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static ConcernView map(ResultSet rs, int i) throws SQLException {
        return new ConcernView(rs.getObject("id", UUID.class), ConcernRoute.Kind.valueOf(rs.getString("kind")),
                rs.getString("description"), rs.getString("raised_by_name"), instant(rs, "raised_at"),
                instant(rs, "shared_with_family_at"), rs.getString("shared_with_family_note"), instant(rs, "weighed_at"),
                rs.getString("weighing_note"), rs.getString("deliberation_ref"), instant(rs, "stepped_outside_at"),
                rs.getString("justification"), rs.getString("outside_recipient"), rs.getString("action_taken"),
                rs.getString("who_was_called"), instant(rs, "reviewed_at"), rs.getString("review_note"), rs.getInt("version"),
                instant(rs, "consulted_at"), rs.getString("consult_note"), rs.getString("family_skipped_reason"),
                rs.getBoolean("advice_line_consulted"), assessment(rs), instant(rs, "help_organised_at"),
                rs.getString("help_note"));
    }

    private static ConcernRoute.Assessment assessment(ResultSet rs) throws SQLException {
        Boolean suspicion = (Boolean) rs.getObject("q_suspicion");
        if (suspicion == null) {
            return null;
        }
        String danger = rs.getString("q_danger");
        return new ConcernRoute.Assessment(suspicion, danger == null ? null : ConcernRoute.Danger.valueOf(danger),
                (Boolean) rs.getObject("q_can_help"), (Boolean) rs.getObject("q_help_accepted"),
                (Boolean) rs.getObject("q_result_in_time"));
    }
}
