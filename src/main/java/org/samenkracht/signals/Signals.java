package org.samenkracht.signals;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.common.domain.NotFound;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.samenkracht.network.Network;
import org.samenkracht.network.NetworkMember;
import org.samenkracht.person.Persons;
import org.samenkracht.person.RegisterPerson;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.Concerns;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.samenkracht.signals.internal.SignalRows;
import org.samenkracht.signals.internal.Tokens;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The signalling network's API: signals kept as their own records outside any person's file, from a
 * partner (account or link), or recorded by staff from a call or e-mail; triage with the urgency scheme
 * and the organisation's deadline profiles; the queue; outreach; linking to a file (only where one
 * exists and the gate allows) or opening one by decision; closing with a reason; the receipt.
 *
 * <p>Who may do what: professionals and coaches of the organisation work with its signals; a signalling
 * partner only reports and reads the receipts of its own agreement's signals, never a file.
 */
@Service
public class Signals {

    public static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");
    /** A partner link accepts at most this many signals an hour (a link can leak; an account is better). */
    public static final int LINK_SIGNALS_PER_HOUR = 20;

    public enum Channel { PARTNER_ACCOUNT, PARTNER_LINK, PHONE, EMAIL, IN_PERSON }

    public enum Status { RECEIVED, TRIAGED, OUTREACH, CLOSED }

    public enum ActionKind { HOME_VISIT, PHONE_CALL, VIA_NETWORK_MEMBER, CONSULT_TEAM, CHECK_GP, CHECK_FAMILY, PRACTICAL_HELP, SUPPORT_SIGNALLER, CRISIS }

    public enum CloseReason { HELPED, HANDED_OVER, SOLVED_PRACTICALLY, NO_HELP_WANTED, UNFOUNDED, NOT_REACHED }

    /**
     * The short form a partner fills in on a phone. About whom: a name, or only an address (at least one);
     * the kind of concern (required when the agreement limits the kinds), how often, since when, whether the
     * person knows it is passed on, and the preconditions the agreement sets.
     */
    @NameOrAddress
    public record Report(
            @Size(max = 200, message = "{validation.tooLong}") String subjectName,
            @Size(max = 300, message = "{validation.tooLong}") String subjectAddress,
            @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}") String noticed,
            Boolean thinksAcute,
            @Size(max = 200, message = "{validation.tooLong}") String reporterName,
            @Size(max = 200, message = "{validation.tooLong}") String reporterContact,
            SignalDetails.ConcernKind concernKind,
            SignalDetails.Frequency frequency,
            @Size(max = 100, message = "{validation.tooLong}") String seenSince,
            SignalDetails.PersonKnows personKnows,
            List<SignalDetails.Precondition> preconditions,
            @Size(max = 100, message = "{validation.tooLong}") String neighbourhood) implements NameOrAddress.Subject {
        public static Report empty() {
            return new Report("", "", "", false, "", "", null, null, "", SignalDetails.PersonKnows.UNKNOWN, List.of(), "");
        }

        /** Without a neighbourhood (nobody said which). */
        public Report(String subjectName, String subjectAddress, String noticed, Boolean thinksAcute, String reporterName,
                      String reporterContact, SignalDetails.ConcernKind concernKind, SignalDetails.Frequency frequency,
                      String seenSince, SignalDetails.PersonKnows personKnows, List<SignalDetails.Precondition> preconditions) {
            this(subjectName, subjectAddress, noticed, thinksAcute, reporterName, reporterContact, concernKind, frequency,
                    seenSince, personKnows, preconditions, null);
        }

        /** Left out ("thinksAcute" missing from a JSON body, an unticked box): not stated, so not acute. */
        public boolean acute() {
            return Boolean.TRUE.equals(thinksAcute);
        }

        /** The short constructor of before the details (demo data, tests): no kind, nothing known of the rest. */
        public Report(String subjectName, String subjectAddress, String noticed, boolean thinksAcute, String reporterName,
                      String reporterContact) {
            this(subjectName, subjectAddress, noticed, thinksAcute, reporterName, reporterContact, null, null, null, null,
                    null);
        }
    }

    /** A signal staff record from a phone call, an e-mail or a visit at the desk; the same details as a partner's. */
    @NameOrAddress
    public record Recorded(
            @NotNull(message = "{validation.required}") Channel channel,
            @NotNull(message = "{validation.required}") PartnerKind partnerKind,
            UUID agreementId,
            @Size(max = 60, message = "{validation.tooLong}") @Pattern(regexp = "^$|^[a-z0-9-]{1,60}$", message = "{signals.validation.invalid}") String team,
            @Size(max = 200, message = "{validation.tooLong}") String subjectName,
            @Size(max = 300, message = "{validation.tooLong}") String subjectAddress,
            @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}") String noticed,
            Boolean thinksAcute,
            @Size(max = 200, message = "{validation.tooLong}") String reporterName,
            @Size(max = 200, message = "{validation.tooLong}") String reporterContact,
            SignalDetails.ConcernKind concernKind,
            SignalDetails.Frequency frequency,
            @Size(max = 100, message = "{validation.tooLong}") String seenSince,
            SignalDetails.PersonKnows personKnows,
            List<SignalDetails.Precondition> preconditions,
            Boolean anonymousSignaller,
            @Size(max = 100, message = "{validation.tooLong}") String neighbourhood) implements NameOrAddress.Subject {
        public static Recorded empty() {
            return new Recorded(Channel.PHONE, PartnerKind.RESIDENT, null, "", "", "", "", false, "", "", null, null, "",
                    SignalDetails.PersonKnows.UNKNOWN, List.of(), false, "");
        }

        /** Without a neighbourhood (nobody said which). */
        public Recorded(Channel channel, PartnerKind partnerKind, UUID agreementId, String team, String subjectName,
                        String subjectAddress, String noticed, Boolean thinksAcute, String reporterName,
                        String reporterContact, SignalDetails.ConcernKind concernKind, SignalDetails.Frequency frequency,
                        String seenSince, SignalDetails.PersonKnows personKnows,
                        List<SignalDetails.Precondition> preconditions, Boolean anonymousSignaller) {
            this(channel, partnerKind, agreementId, team, subjectName, subjectAddress, noticed, thinksAcute, reporterName,
                    reporterContact, concernKind, frequency, seenSince, personKnows, preconditions, anonymousSignaller, null);
        }

        /** The short constructor of before the details (demo data, tests). */
        public Recorded(Channel channel, PartnerKind partnerKind, UUID agreementId, String team, String subjectName,
                        String subjectAddress, String noticed, boolean thinksAcute, String reporterName,
                        String reporterContact) {
            this(channel, partnerKind, agreementId, team, subjectName, subjectAddress, noticed, thinksAcute, reporterName,
                    reporterContact, null, null, null, null, null, false, null);
        }

        Report asReport() {
            return new Report(subjectName, subjectAddress, noticed, thinksAcute, reporterName, reporterContact, concernKind,
                    frequency, seenSince, personKnows, preconditions, neighbourhood);
        }
    }

    /** Triage with the urgency scheme; {@code kind} overrides the scheme's suggestion (the professional's judgement). */
    public record Triage(
            @NotNull(message = "{validation.required}") @Min(value = 0, message = "{signals.validation.range}") @Max(value = 2, message = "{signals.validation.range}") Integer safety,
            @NotNull(message = "{validation.required}") @Min(value = 0, message = "{signals.validation.range}") @Max(value = 2, message = "{signals.validation.range}") Integer health,
            @NotNull(message = "{validation.required}") @Min(value = 0, message = "{signals.validation.range}") @Max(value = 2, message = "{signals.validation.range}") Integer wellbeing,
            @NotNull(message = "{validation.required}") UrgencyScheme.Extent extent,
            @NotNull(message = "{validation.required}") UrgencyScheme.Duration duration,
            DeadlineKind kind,
            @NotNull(message = "{validation.required}") Boolean takenUp,
            @Size(max = 4000, message = "{validation.tooLong}") String note,
            int version) {
    }

    public record PlanAction(
            @NotNull(message = "{validation.required}") ActionKind kind,
            @NotNull(message = "{validation.required}") LocalDate plannedOn,
            UUID networkMemberId,
            @Size(max = 2000, message = "{validation.tooLong}") String note) {
    }

    public record CompleteAction(
            @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}") String outcome) {
    }

    /**
     * Opening a file from a signal: a decision with its reason, and the ground it rests on (issue 19, item 4): the
     * person's consent (the day it was given, by the person or a named representative), or a ground the secrecy rules
     * allow without consent, with its justification. Without a ground the file is not opened.
     */
    public record OpenFile(
            @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.tooLong}") String givenName,
            @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.tooLong}") String familyName,
            @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.tooLong}") String decision,
            @NotNull(message = "{validation.required}") FileGround ground,
            LocalDate consentGivenOn,
            org.samenkracht.privacy.Consents.GivenBy consentGivenBy,
            @Size(max = 200, message = "{validation.tooLong}") String representativeName,
            @Size(max = 2000, message = "{validation.tooLong}") String justification,
            int version) {
        /** What each ground needs besides itself; refused with the field named. */
        void check(LocalDate today) {
            if (ground == null) {
                throw new RuleViolation("ground", "signals.refused.groundRequired");
            }
            if (ground == FileGround.CONSENT) {
                if (consentGivenOn == null) {
                    throw new RuleViolation("consentGivenOn", "validation.required");
                }
                if (consentGivenOn.isAfter(today)) {
                    throw new RuleViolation("consentGivenOn", "signals.refused.consentInFuture");
                }
                if (consentGivenBy == null) {
                    throw new RuleViolation("consentGivenBy", "validation.required");
                }
                if (consentGivenBy == org.samenkracht.privacy.Consents.GivenBy.REPRESENTATIVE && isBlank(representativeName)) {
                    throw new RuleViolation("representativeName", "validation.required");
                }
            } else if (isBlank(justification)) {
                throw new RuleViolation("justification", "signals.refused.justificationRequired");
            }
        }
    }

    /** The ground a file opened from a signal rests on, recorded with it. */
    public record FileGroundView(FileGround ground, LocalDate consentGivenOn, org.samenkracht.privacy.Consents.GivenBy consentGivenBy,
                                 String representativeName, String justification, String openedBy, Instant openedAt) {
    }

    public record Close(
            @NotNull(message = "{validation.required}") CloseReason reason,
            @Size(max = 4000, message = "{validation.tooLong}") String note,
            int version) {
    }

    /** One line of the triage queue. */
    public record QueueItem(UUID id, String reference, String team, PartnerKind partnerKind, Channel channel,
                            Instant receivedAt, DeadlineKind kind, Status status, Instant dueAt,
                            DeadlineProfile.Timing timing, boolean escalated, Integer scoreTotal, String subjectName, boolean partial, boolean anonymousSignaller,
                            SignalDetails.ConcernKind concernKind, TimeLeft timeLeft) {
    }

    public record Queue(List<QueueItem> items, long open, long overdue, long acute, int page, List<String> teams) {
    }

    public record Action(UUID id, ActionKind kind, LocalDate plannedOn, UUID networkMemberId, String note,
                         Instant doneAt, String outcome, String createdBy) {
    }

    /** Everything about one signal, for the professionals of the organisation. */
    public record SignalView(UUID id, String reference, String team, UUID agreementId, String partnerName,
                             PartnerKind partnerKind, Channel channel, String reporterName, String reporterContact,
                             String subjectName, String subjectAddress, String noticed, boolean thinksAcute,
                             Instant receivedAt, DeadlineKind kind, Status status, Instant dueAt,
                             DeadlineProfile.Timing timing, Integer safety, Integer health, Integer wellbeing,
                             UrgencyScheme.Extent extent, UrgencyScheme.Duration duration, Integer scoreTotal,
                             String triageNote, Instant triagedAt, Boolean takenUp, UUID personId, String contactPerson,
                             String caseCode, IsolationType typology, Instant escalatedAt, Instant closedAt,
                             CloseReason closeReason, String closeNote, LocalDate retainUntil, boolean purged,
                             int version, List<Action> actions, WeakSignalRadar.Reading radar,
                             SignalDetails.ConcernKind concernKind, SignalDetails.Frequency frequency, String seenSince,
                             SignalDetails.PersonKnows personKnows, java.util.Set<SignalDetails.Precondition> preconditionsMet,
                             boolean anonymousSignaller, String neighbourhood, FileGroundView fileGround) {
        /** Partial: the name or the address is missing (accepted, and marked for the one who triages). */
        @com.fasterxml.jackson.annotation.JsonProperty("partial")
        public boolean partial() {
            return !purged && (subjectName == null || subjectAddress == null);
        }

        /** The time left before it is due (or how late it is), for an open signal; none once closed. */
        @com.fasterxml.jackson.annotation.JsonProperty("timeLeft")
        public TimeLeft timeLeft() {
            return status == Status.CLOSED || dueAt == null ? null : TimeLeft.of(Instant.now(), dueAt);
        }

        public Optional<UrgencyScheme.Suggestion> suggestion() {
            return scoreTotal == null ? Optional.empty() : Optional.of(UrgencyScheme.suggest(
                    new UrgencyScheme.Scores(safety, health, wellbeing, extent, duration)));
        }
    }

    /** Someone in the person's network who could make first contact (natural or community layer). */
    public record FirstContact(UUID memberId, String name, NetworkMember.Relation relation, org.samenkracht.vocabulary.Layer layer) {
    }

    /** {@code candidates} is empty with {@code reasonKey} when there is no file or the gate does not open it. */
    public record FirstContactOptions(List<FirstContact> candidates, String reasonKey) {
    }

    /** A signal as it was taken in: its reference and, for a link, the token to follow its receipt. */
    public record Received(UUID id, String reference, String receiptToken) {
    }

    private final JdbcClient jdbc;
    private final SignalSettings settings;
    private final PersonAccess access;
    private final Concerns concerns;
    private final Persons persons;
    private final Network network;

    Signals(JdbcClient jdbc, SignalSettings settings, PersonAccess access, Concerns concerns, Persons persons,
            Network network) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.access = access;
        this.concerns = concerns;
        this.persons = persons;
        this.network = network;
    }

    // ---- taking signals in ----------------------------------------------------------------------

    /** A signalling partner with an account reports; the signal is stored before it is acknowledged. */
    @Transactional
    public Received reportAsPartner(Report r) {
        CurrentUser user = partner();
        SignalSettings.Agreement a = settings.agreementOfAccount(user.id())
                .filter(SignalSettings.Agreement::active)
                .orElseThrow(() -> new AccessRefused("signals.refused.noAgreement"));
        checkAgainst(a, r);
        return insert(user.organisationId(), a.id(), a.partnerKind(), Channel.PARTNER_ACCOUNT, user.id(), null,
                blankToNull(r.reporterName()) == null ? user.displayName() : r.reporterName(), r.reporterContact(),
                r, "centrum", false, false);
    }

    /** Through a partner's link, without an account: throttled per agreement; answers a token to follow the receipt. */
    @Transactional
    public Received reportThroughLink(String linkToken, Report r) {
        SignalSettings.Agreement a = settings.agreementOfLink(linkToken).filter(SignalSettings.Agreement::active)
                .orElseThrow(() -> new NotFound("link"));
        long lastHour = jdbc.sql("""
                select count(*) from signal where agreement_id = ? and channel = 'PARTNER_LINK'
                and received_at > now() - interval '1 hour'""").param(a.id()).query(Long.class).single();
        if (lastHour >= LINK_SIGNALS_PER_HOUR) {
            throw new Throttled();
        }
        checkAgainst(a, r);
        return insert(a.organisationId(), a.id(), a.partnerKind(), Channel.PARTNER_LINK, null, null, r.reporterName(),
                r.reporterContact(), r, "centrum", true, blankToNull(r.reporterName()) == null);
    }

    /** What the form of a partner (account) offers: the kinds its agreement allows, the preconditions it requires. */
    @Transactional(readOnly = true)
    public FormChoices partnerChoices() {
        CurrentUser user = partner();
        return settings.agreementOfAccount(user.id()).map(FormChoices::of).orElse(FormChoices.ALL);
    }

    /** The same for a partner link (an unknown link offers everything; sending through it is refused anyway). */
    @Transactional(readOnly = true)
    public FormChoices linkChoices(String linkToken) {
        return settings.agreementOfLink(linkToken).map(FormChoices::of).orElse(FormChoices.ALL);
    }

    /** The choices a signal form offers: kinds of concern, and the preconditions to tick. */
    public record FormChoices(List<SignalDetails.ConcernKind> kinds, List<SignalDetails.Precondition> preconditions) {
        public static final FormChoices ALL = new FormChoices(List.of(SignalDetails.ConcernKind.values()),
                List.of(SignalDetails.Precondition.values()));

        static FormChoices of(SignalSettings.Agreement a) {
            return new FormChoices(a.allowedKinds().isEmpty() ? List.of(SignalDetails.ConcernKind.values())
                    : List.copyOf(a.allowedKinds()), List.copyOf(a.requiredPreconditions()));
        }
    }

    /**
     * The agreement decides: a partner passes on only the kinds of concern it allows (the kind is then
     * required), and only after the preconditions it sets. Refused with the field named.
     */
    static void checkAgainst(SignalSettings.Agreement a, Report r) {
        if (isBlank(r.subjectName()) && isBlank(r.subjectAddress())) {
            throw new RuleViolation("subjectName", "signals.validation.nameOrAddress");
        }
        if (!a.allowedKinds().isEmpty()) {
            if (r.concernKind() == null) {
                throw new RuleViolation("concernKind", "signals.refused.kindRequired");
            }
            if (!a.allowedKinds().contains(r.concernKind())) {
                throw new RuleViolation("concernKind", "signals.refused.kindNotAllowed");
            }
        }
        var met = r.preconditions() == null ? List.<SignalDetails.Precondition>of() : r.preconditions();
        if (!met.containsAll(a.requiredPreconditions())) {
            throw new RuleViolation("preconditions", "signals.refused.preconditionsMissing");
        }
    }

    /** Staff record a signal taken by phone, e-mail or at the desk; a partner's call follows its agreement. */
    @Transactional
    public Received record(Recorded r) {
        CurrentUser user = staff();
        if (r.channel() == Channel.PARTNER_ACCOUNT || r.channel() == Channel.PARTNER_LINK) {
            throw new RuleViolation("channel", "signals.refused.staffChannel");
        }
        if (isBlank(r.subjectName()) && isBlank(r.subjectAddress())) {
            throw new RuleViolation("subjectName", "signals.validation.nameOrAddress");
        }
        UUID agreement = null;
        if (r.agreementId() != null) {
            SignalSettings.Agreement a = settings.agreement(r.agreementId())
                    .filter(x -> x.organisationId().equals(user.organisationId()))
                    .orElseThrow(() -> new RuleViolation("agreementId", "signals.refused.unknownAgreement"));
            checkAgainst(a, r.asReport());
            agreement = a.id();
        }
        String team = blankToNull(r.team()) == null ? "centrum" : r.team();
        boolean anonymous = Boolean.TRUE.equals(r.anonymousSignaller());
        return insert(user.organisationId(), agreement, r.partnerKind(), r.channel(), null, user.id(),
                anonymous ? null : r.reporterName(), anonymous ? null : r.reporterContact(), r.asReport(), team, false,
                anonymous);
    }

    /** Thrown when a partner link sent too many signals in the last hour (answered 429). */
    public static class Throttled extends RuntimeException {
        public Throttled() {
            super("signals.throttled");
        }
    }

    private Received insert(UUID org, UUID agreementId, PartnerKind partnerKind, Channel channel, UUID reportedBy,
                            UUID recordedBy, String reporterName, String reporterContact, Report r, String team,
                            boolean withReceipt, boolean anonymous) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        boolean thinksAcute = r.acute();
        DeadlineKind kind = thinksAcute ? DeadlineKind.ACUTE : DeadlineKind.REGULAR;
        DeadlineProfile profile = settings.profile(org, kind);
        // the kind of concern may set an earlier end in working days (threatening debts: act within 3)
        Instant triageDue = settings.concernDeadline(org, r.concernKind())
                .map(c -> c.triageDue(now, profile.triageDue(now))).orElse(profile.triageDue(now));
        String reference = Tokens.reference();
        String token = withReceipt ? Tokens.secret() : null;
        String subjectName = blankToNull(r.subjectName());
        String subjectAddress = blankToNull(r.subjectAddress());
        // the neighbourhood chosen on the form; else the one the postcode in the address lies in (the organisation's mapping)
        String neighbourhood = blankToNull(r.neighbourhood()) != null ? blankToNull(r.neighbourhood())
                : settings.neighbourhoodOfAddress(org, subjectAddress).orElse(null);
        jdbc.sql("""
                insert into signal (id, organisation_id, team, reference, agreement_id, partner_kind, channel, reported_by,
                  recorded_by, reporter_name, reporter_contact, subject_name, subject_address, subject_key, noticed,
                  thinks_acute, received_at, kind, due_at, receipt_token_hash, concern_kind, frequency, seen_since,
                  person_knows, preconditions_met, anonymous_signaller, neighbourhood)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, org, team, reference, agreementId, partnerKind.name(), channel.name(), reportedBy, recordedBy,
                        blankToNull(reporterName), blankToNull(reporterContact), subjectName,
                        subjectAddress, Tokens.subjectKey(org, subjectName, subjectAddress), r.noticed().strip(),
                        thinksAcute, Timestamp.from(now), kind.name(), Timestamp.from(triageDue),
                        token == null ? null : Tokens.hash(token),
                        r.concernKind() == null ? null : r.concernKind().name(),
                        r.frequency() == null ? null : r.frequency().name(), blankToNull(r.seenSince()),
                        (r.personKnows() == null ? SignalDetails.PersonKnows.UNKNOWN : r.personKnows()).name(),
                        SignalDetails.store(r.preconditions()), anonymous, neighbourhood)
                .update();
        if (kind == DeadlineKind.ACUTE) {
            alertOnDuty(org, id, "ACUTE");
        }
        return new Received(id, reference, token);
    }

    private void alertOnDuty(UUID org, UUID signalId, String reason) {
        for (UUID account : settings.onDuty(org)) {
            jdbc.sql("insert into signal_alert (id, organisation_id, signal_id, account_id, reason) values (?, ?, ?, ?, ?)")
                    .params(UUID.randomUUID(), org, signalId, account, reason).update();
        }
    }

    // ---- the queue ------------------------------------------------------------------------------

    /** Open signals of the organisation, the most pressing first (due time), 50 a page; optionally one team. */
    @Transactional(readOnly = true)
    public Queue queue(String team, int page) {
        CurrentUser user = staff();
        String t = blankToNull(team);
        int p = Math.max(0, Math.min(page, 10_000));
        Instant now = Instant.now();
        // two statements, not one with "(:team is null or team = :team)": that form keeps the planner from
        // using the team index; the counts and the team list come from one pass grouped by team
        String rows = """
                select id, reference, team, partner_kind, channel, received_at, kind, status, due_at, escalated_at,
                  score_total, subject_name, triaged_at, subject_address is null or subject_name is null as partial,
                  anonymous_signaller, concern_kind
                from signal where organisation_id = :org and status <> 'CLOSED'""" + (t == null ? "" : " and team = :team") + " order by due_at, id limit 50 offset :off";
        var query = jdbc.sql(rows).param("org", user.organisationId()).param("off", p * 50);
        if (t != null) {
            query = query.param("team", t);
        }
        List<QueueItem> items = query.query((rs, i) -> {
                    Instant received = rs.getTimestamp("received_at").toInstant();
                    Instant due = rs.getTimestamp("due_at").toInstant();
                    Timestamp triaged = rs.getTimestamp("triaged_at");
                    return new QueueItem(rs.getObject("id", UUID.class), rs.getString("reference"), rs.getString("team"),
                            PartnerKind.valueOf(rs.getString("partner_kind")), Channel.valueOf(rs.getString("channel")),
                            received, DeadlineKind.valueOf(rs.getString("kind")), Status.valueOf(rs.getString("status")),
                            due, DeadlineProfile.timing(triaged == null ? received : triaged.toInstant(), due, now),
                            rs.getTimestamp("escalated_at") != null, (Integer) rs.getObject("score_total"),
                            rs.getString("subject_name"), rs.getBoolean("partial"), rs.getBoolean("anonymous_signaller"),
                            rs.getString("concern_kind") == null ? null : SignalDetails.ConcernKind.valueOf(rs.getString("concern_kind")),
                            TimeLeft.of(now, due));
                }).list();
        long open = 0;
        long overdue = 0;
        long acute = 0;
        List<String> teams = new ArrayList<>();
        for (Map<String, Object> row : jdbc.sql("""
                select team, count(*) as open, count(*) filter (where due_at < now()) as overdue,
                  count(*) filter (where kind = 'ACUTE') as acute
                from signal where organisation_id = ? and status <> 'CLOSED' group by team order by team""")
                .param(user.organisationId()).query().listOfRows()) {
            String rowTeam = (String) row.get("team");
            if (teams.size() < 200) {
                teams.add(rowTeam);
            }
            if (t == null || t.equals(rowTeam)) {
                open += ((Number) row.get("open")).longValue();
                overdue += ((Number) row.get("overdue")).longValue();
                acute += ((Number) row.get("acute")).longValue();
            }
        }
        return new Queue(items, open, overdue, acute, p, List.copyOf(teams));
    }

    /** The neighbourhoods the organisation's signals already name, to pick from on the staff form (at most 100). */
    @Transactional(readOnly = true)
    public List<String> neighbourhoods() {
        CurrentUser user = staff();
        return jdbc.sql("""
                select min(neighbourhood) from signal where organisation_id = ? and neighbourhood is not null
                group by lower(neighbourhood) order by 1 limit 100""")
                .param(user.organisationId()).query(String.class).list();
    }

    /** Acute and overdue alerts for the current user that they have not seen yet. */
    @Transactional(readOnly = true)
    public List<Map<String, Object>> myAlerts() {
        CurrentUser user = staff();
        return jdbc.sql("""
                select a.id, a.reason, a.created_at, s.id as signal_id, s.reference from signal_alert a
                join signal s on s.id = a.signal_id
                where a.account_id = ? and a.seen_at is null order by a.created_at desc limit 20""")
                .param(user.id()).query().listOfRows();
    }

    @Transactional
    public void alertSeen(UUID alertId) {
        CurrentUser user = staff();
        if (jdbc.sql("update signal_alert set seen_at = now() where id = ? and account_id = ? and seen_at is null")
                .params(alertId, user.id()).update() == 0) {
            throw new NotFound("alert");
        }
    }

    // ---- one signal -----------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public SignalView get(UUID signalId) {
        CurrentUser user = staff();
        SignalView v = jdbc.sql(SignalRows.SELECT + " where s.id = ? and s.organisation_id = ?")
                .params(signalId, user.organisationId())
                .query((rs, i) -> SignalRows.view(rs, actions(signalId), null))
                .optional().orElseThrow(() -> new NotFound("signal"));
        return SignalRows.withRadar(v, radar(user.organisationId(), signalId));
    }

    private WeakSignalRadar.Reading radar(UUID org, UUID signalId) {
        WeakSignalRadar policy = settings.radar(org);
        List<WeakSignalRadar.Blip> blips = jdbc.sql("""
                select o.received_at, o.agreement_id, o.partner_kind from signal s
                join signal o on o.organisation_id = s.organisation_id and o.subject_key = s.subject_key
                where s.id = ? and s.subject_key is not null""")
                .param(signalId)
                .query((rs, i) -> new WeakSignalRadar.Blip(rs.getTimestamp(1).toInstant(),
                        WeakSignalRadar.partnerOf(rs.getObject(2, UUID.class), rs.getString(3)))).list();
        return policy.read(blips, Instant.now());
    }

    /** Weak signals adding up: one subject, several signals from several partners within the window. */
    public record RadarCluster(UUID latestSignalId, String latestReference, String subjectName,
                               WeakSignalRadar.Reading reading) {
    }

    /** The radar: the subjects whose signals light it up, the heaviest (decayed weight) first. */
    @Transactional(readOnly = true)
    public List<RadarCluster> radar() {
        CurrentUser user = staff();
        WeakSignalRadar policy = settings.radar(user.organisationId());
        Instant now = Instant.now();
        Map<String, List<Map<String, Object>>> bySubject = new java.util.LinkedHashMap<>();
        jdbc.sql("""
                select s.id, s.reference, s.subject_key, s.subject_name, s.received_at, s.agreement_id, s.partner_kind
                from signal s where s.organisation_id = :org and s.subject_key in (
                  select subject_key from signal where organisation_id = :org and subject_key is not null
                    and received_at > now() - make_interval(days => :days)
                  group by subject_key having count(*) >= :min
                    and count(distinct coalesce(cast(agreement_id as text), 'kind:' || partner_kind)) >= :partners)
                order by s.received_at desc""")
                .param("org", user.organisationId()).param("days", policy.windowDays()).param("min", policy.minSignals())
                .param("partners", policy.minPartners())
                .query().listOfRows()
                .forEach(r -> bySubject.computeIfAbsent((String) r.get("subject_key"), k -> new ArrayList<>()).add(r));
        List<RadarCluster> clusters = new ArrayList<>();
        bySubject.values().forEach(rows -> {
            var reading = policy.read(rows.stream().map(r -> new WeakSignalRadar.Blip(((Timestamp) r.get("received_at")).toInstant(),
                    WeakSignalRadar.partnerOf((UUID) r.get("agreement_id"), (String) r.get("partner_kind")))).toList(), now);
            if (reading.raised()) {
                Map<String, Object> latest = rows.get(0);
                clusters.add(new RadarCluster((UUID) latest.get("id"), (String) latest.get("reference"),
                        (String) latest.get("subject_name"), reading));
            }
        });
        clusters.sort(Comparator.comparingDouble((RadarCluster c) -> c.reading().weight()).reversed());
        return clusters;
    }

    private List<Action> actions(UUID signalId) {
        return jdbc.sql("""
                select a.*, u.display_name from signal_action a join app_user u on u.id = a.created_by
                where a.signal_id = ? order by a.planned_on, a.created_at""")
                .param(signalId)
                .query((rs, i) -> new Action(rs.getObject("id", UUID.class), ActionKind.valueOf(rs.getString("kind")),
                        rs.getObject("planned_on", LocalDate.class), rs.getObject("network_member_id", UUID.class),
                        rs.getString("note"), rs.getTimestamp("done_at") == null ? null : rs.getTimestamp("done_at").toInstant(),
                        rs.getString("outcome"), rs.getString("display_name")))
                .list();
    }

    /** Triage: the scheme's items and total are kept; the kind decides the next deadline; acute alerts the one on duty. */
    @Transactional
    public UrgencyScheme.Suggestion triage(UUID signalId, Triage t) {
        CurrentUser user = staff();
        SignalView s = get(signalId);
        if (s.status() == Status.CLOSED) {
            throw new RuleViolation("status", "signals.refused.closed");
        }
        var scores = new UrgencyScheme.Scores(t.safety(), t.health(), t.wellbeing(), t.extent(), t.duration());
        var suggestion = UrgencyScheme.suggest(scores);
        DeadlineKind kind = t.kind() != null ? t.kind() : suggestion.kind();
        Instant now = Instant.now();
        Instant byKind = settings.profile(user.organisationId(), kind).contactDue(now);
        // a weak signal goes on the radar; otherwise the kind of concern may set an earlier end (from receipt)
        Instant due = kind == DeadlineKind.WEAK ? byKind : settings.concernDeadline(user.organisationId(), s.concernKind())
                .map(c -> c.contactDue(s.receivedAt(), byKind)).orElse(byKind);
        int changed = jdbc.sql("""
                update signal set score_safety = ?, score_health = ?, score_wellbeing = ?, extent = ?, duration = ?,
                  score_total = ?, triage_note = ?, triaged_by = ?, triaged_at = ?, kind = ?, due_at = ?, taken_up = ?,
                  status = case when status = 'RECEIVED' then 'TRIAGED' else status end,
                  contact_account_id = coalesce(contact_account_id, ?), escalated_at = null, version = version + 1
                where id = ? and organisation_id = ? and version = ?""")
                .params(t.safety(), t.health(), t.wellbeing(), t.extent().name(), t.duration().name(), scores.total(),
                        blankToNull(t.note()), user.id(), Timestamp.from(now), kind.name(), Timestamp.from(due),
                        t.takenUp(), user.id(), signalId, user.organisationId(), t.version())
                .update();
        stale(changed, signalId);
        if (kind == DeadlineKind.ACUTE && s.kind() != DeadlineKind.ACUTE) {
            alertOnDuty(user.organisationId(), signalId, "ACUTE");
        }
        return suggestion;
    }

    /** An outreach action decided at triage; a first-contact through a network member names that member. */
    @Transactional
    public UUID planAction(UUID signalId, PlanAction a) {
        CurrentUser user = staff();
        SignalView s = get(signalId);
        if (s.status() == Status.RECEIVED || s.status() == Status.CLOSED) {
            throw new RuleViolation("kind", s.status() == Status.CLOSED ? "signals.refused.closed" : "signals.refused.triageFirst");
        }
        if (a.kind() == ActionKind.VIA_NETWORK_MEMBER) {
            if (a.networkMemberId() == null) {
                throw new RuleViolation("networkMemberId", "validation.required");
            }
            boolean known = firstContact(signalId).candidates().stream().anyMatch(c -> c.memberId().equals(a.networkMemberId()));
            if (!known) {
                throw new RuleViolation("networkMemberId", "signals.refused.notInNetwork");
            }
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into signal_action (id, organisation_id, signal_id, kind, planned_on, network_member_id, note, created_by)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, user.organisationId(), signalId, a.kind().name(), a.plannedOn(),
                        a.kind() == ActionKind.VIA_NETWORK_MEMBER ? a.networkMemberId() : null, blankToNull(a.note()), user.id())
                .update();
        jdbc.sql("update signal set status = 'OUTREACH', taken_up = true, version = version + 1 where id = ?").param(signalId).update();
        return id;
    }

    /** An action was carried out: its outcome is kept; the signal is next due for follow-up or closing. */
    @Transactional
    public void completeAction(UUID signalId, UUID actionId, CompleteAction c) {
        CurrentUser user = staff();
        get(signalId);
        int changed = jdbc.sql("""
                update signal_action set done_at = now(), outcome = ?, version = version + 1
                where id = ? and signal_id = ? and organisation_id = ? and done_at is null""")
                .params(c.outcome().strip(), actionId, signalId, user.organisationId()).update();
        if (changed == 0) {
            throw new NotFound("action");
        }
        Instant due = settings.profile(user.organisationId(), DeadlineKind.REGULAR).contactDue(Instant.now());
        jdbc.sql("update signal set due_at = ?, escalated_at = null, version = version + 1 where id = ?")
                .params(Timestamp.from(due), signalId).update();
    }

    /**
     * Who in the person's network could make first contact: only when the signal is linked to a file and
     * the gate lets the current user read that person's network; otherwise none, with the reason.
     */
    @Transactional
    public FirstContactOptions firstContact(UUID signalId) {
        SignalView s = get(signalId);
        if (s.personId() == null) {
            return new FirstContactOptions(List.of(), "signals.firstContact.noFile");
        }
        if (!access.may(s.personId(), Part.NETWORK, AccessKind.READ)) {
            return new FirstContactOptions(List.of(), "signals.firstContact.noAccess");
        }
        List<FirstContact> list = new ArrayList<>();
        network.members(s.personId()).stream()
                .filter(m -> m.layer() != org.samenkracht.vocabulary.Layer.INDIVIDUAL_PROFESSIONAL)
                .sorted(Comparator.comparing((NetworkMember m) -> !(m.supportKinds().contains(NetworkMember.SupportKind.COMPANY)
                        || m.supportKinds().contains(NetworkMember.SupportKind.EMOTIONAL))).thenComparing(NetworkMember::name))
                .forEach(m -> list.add(new FirstContact(m.id(), m.name(), m.relation(), m.layer())));
        return new FirstContactOptions(list, list.isEmpty() ? "signals.firstContact.nobody" : null);
    }

    /**
     * Links the signal to an existing file, once triaged: the gate decides (the care team may); the person sees it in
     * "who looked".
     */
    @Transactional
    public void linkToFile(UUID signalId, UUID personId, int version) {
        CurrentUser user = staff();
        SignalView s = get(signalId);
        if (s.personId() != null) {
            throw new RuleViolation("personId", "signals.refused.alreadyLinked");
        }
        // a signal joins a file only after triage decided so (issue 19, item 1), as opening one does
        if (s.status() == Status.RECEIVED) {
            throw new RuleViolation("personId", "signals.refused.triageFirst");
        }
        access.require(personId, Part.SIGNALS, AccessKind.WRITE);
        // the neighbourhood for the figures: the one chosen on the form, else the file's (when the gate lets this
        // professional read the person's details; otherwise it stays unknown)
        String neighbourhood = s.neighbourhood() != null ? s.neighbourhood()
                : access.may(personId, Part.PERSON, AccessKind.READ) ? blankToNull(persons.get(personId).neighbourhood()) : null;
        int changed = jdbc.sql("""
                update signal set person_id = ?, neighbourhood = ?, version = version + 1
                where id = ? and organisation_id = ? and version = ?""")
                .params(personId, neighbourhood, signalId, user.organisationId(), version).update();
        stale(changed, signalId);
        concerns.passedOn(personId, s.partnerKind().name());
    }

    /**
     * Opening a file is a decision, with its reason and its ground kept; never automatic. The ground is the person's
     * consent or one the secrecy rules allow (see {@link FileGround}); without one it is refused with the field named.
     * The person sees it in "who looked": with consent as such, otherwise the ground in a note.
     */
    @Transactional
    public UUID openFile(UUID signalId, OpenFile o) {
        CurrentUser user = staff();
        SignalView s = get(signalId);
        if (s.personId() != null) {
            throw new RuleViolation("givenName", "signals.refused.alreadyLinked");
        }
        if (s.status() == Status.RECEIVED || s.status() == Status.CLOSED) {
            throw new RuleViolation("decision", s.status() == Status.CLOSED ? "signals.refused.closed" : "signals.refused.triageFirst");
        }
        o.check(LocalDate.now(ZONE));
        boolean consent = o.ground() == FileGround.CONSENT;
        UUID personId = persons.register(new RegisterPerson(o.givenName().strip(), o.familyName().strip(), null, "", "",
                s.subjectAddress() == null ? "" : s.subjectAddress(), s.neighbourhood() == null ? "" : s.neighbourhood(), "", ""));
        int changed = jdbc.sql("""
                update signal set person_id = ?, triage_note = concat_ws(E'\\n', triage_note, ?), file_ground = ?,
                  file_consent_on = ?, file_consent_by = ?, file_consent_representative = ?, file_ground_justification = ?,
                  file_opened_by = ?, file_opened_at = now(), version = version + 1
                where id = ? and version = ?""")
                .params(personId, o.decision().strip(), o.ground().name(), consent ? o.consentGivenOn() : null,
                        consent ? o.consentGivenBy().name() : null,
                        consent && o.consentGivenBy() == org.samenkracht.privacy.Consents.GivenBy.REPRESENTATIVE
                                ? o.representativeName().strip() : null,
                        blankToNull(o.justification()), user.id(), signalId, o.version()).update();
        stale(changed, signalId);
        concerns.passedOn(personId, s.partnerKind().name(), consent ? "CONSENT:SIGNAL_FILE" : "SECRECY:" + o.ground().name());
        return personId;
    }

    /** Closing with a reason; an unfounded signal is kept only until the organisation's retention period ends. */
    @Transactional
    public void close(UUID signalId, Close c) {
        CurrentUser user = staff();
        SignalView s = get(signalId);
        if (s.status() == Status.CLOSED) {
            throw new RuleViolation("reason", "signals.refused.closed");
        }
        LocalDate retain = c.reason() == CloseReason.UNFOUNDED
                ? LocalDate.now(ZONE).plusDays(settings.unfoundedRetentionDays(user.organisationId())) : null;
        int changed = jdbc.sql("""
                update signal set status = 'CLOSED', closed_at = now(), close_reason = ?, close_note = ?, retain_until = ?,
                  taken_up = coalesce(taken_up, false), version = version + 1
                where id = ? and organisation_id = ? and version = ?""")
                .params(c.reason().name(), blankToNull(c.note()), retain, signalId, user.organisationId(), c.version())
                .update();
        stale(changed, signalId);
    }

    // ---- receipts -------------------------------------------------------------------------------

    /** A partner's receipts: only the signals of its own agreement, in safe wordings. */
    @Transactional(readOnly = true)
    public List<Receipt> myReceipts() {
        CurrentUser user = partner();
        UUID agreement = settings.agreementOfAccount(user.id()).map(SignalSettings.Agreement::id)
                .orElseThrow(() -> new AccessRefused("signals.refused.noAgreement"));
        return jdbc.sql(SignalRows.RECEIPT + " where s.agreement_id = ? order by s.received_at desc limit 100")
                .param(agreement).query(SignalRows::receipt).list();
    }

    /** The receipt behind a link's token (no account): the same safe wordings. */
    @Transactional(readOnly = true)
    public Receipt receipt(String token) {
        if (token == null || token.length() > 100) {
            throw new NotFound("receipt");
        }
        return jdbc.sql(SignalRows.RECEIPT + " where s.receipt_token_hash = ?").param(Tokens.hash(token))
                .query(SignalRows::receipt).optional().orElseThrow(() -> new NotFound("receipt"));
    }

    // ---- background work ------------------------------------------------------------------------

    /** Overdue signals escalate once: the one on duty is alerted and the queue marks them. Returns how many. */
    @Transactional
    public int escalateOverdue() {
        List<Map<String, Object>> overdue = jdbc.sql("""
                update signal set escalated_at = now() where status <> 'CLOSED' and due_at < now() and escalated_at is null
                returning id, organisation_id""").query().listOfRows();
        overdue.forEach(r -> alertOnDuty((UUID) r.get("organisation_id"), (UUID) r.get("id"), "OVERDUE"));
        return overdue.size();
    }

    /** Unfounded signals past their retention: what could name someone is wiped; the counts for the figures stay. */
    @Transactional
    public int purgeExpired() {
        return jdbc.sql("""
                update signal set subject_name = null, subject_address = null, subject_key = null, noticed = null,
                  reporter_name = null, reporter_contact = null, triage_note = null, close_note = null,
                  receipt_token_hash = null, seen_since = null, purged_at = now()
                where retain_until < current_date and purged_at is null""").update();
    }

    // ---- access ---------------------------------------------------------------------------------

    static CurrentUser staff() {
        CurrentUser user = CurrentUser.get();
        if (!user.role().supportsPeople()) {
            throw new AccessRefused("signals.refused.staffOnly");
        }
        return user;
    }

    static CurrentUser partner() {
        CurrentUser user = CurrentUser.get();
        if (!user.is(Role.SIGNALLING_PARTNER)) {
            throw new AccessRefused("signals.refused.partnerOnly");
        }
        return user;
    }

    private static void stale(int changed, UUID id) {
        if (changed == 0) {
            throw new OptimisticLockingFailureException("signal " + id + " changed meanwhile");
        }
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
