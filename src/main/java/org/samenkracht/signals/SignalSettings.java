package org.samenkracht.signals;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.common.domain.NotFound;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.samenkracht.signals.internal.Tokens;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The organisation's settings for the signalling network: deadline profiles per kind, the professional
 * on duty (alerted at once for acute signals), the weak-signal radar, the retention of unfounded signals,
 * and the partner agreements (covenants) with their accounts and links. Kept by coaches and administrators.
 */
@Service
public class SignalSettings {

    public record Agreement(UUID id, UUID organisationId, String partnerName, PartnerKind partnerKind, LocalDate signedOn,
                            LocalDate validUntil, String terms, boolean hasLink, int version,
                            java.util.Set<SignalDetails.ConcernKind> allowedKinds,
                            java.util.Set<SignalDetails.Precondition> requiredPreconditions) {
        /** Which kinds of concern the partner may pass on; empty means any kind. */
        public boolean active() {
            LocalDate today = LocalDate.now(Signals.ZONE);
            return !signedOn.isAfter(today) && (validUntil == null || !validUntil.isBefore(today));
        }
    }

    public record NewAgreement(
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String partnerName,
            @NotNull(message = "{validation.required}") PartnerKind partnerKind,
            @NotNull(message = "{validation.required}") LocalDate signedOn,
            LocalDate validUntil,
            @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}") String terms,
            List<SignalDetails.ConcernKind> allowedKinds,
            List<SignalDetails.Precondition> requiredPreconditions) {
        public static NewAgreement empty() {
            return new NewAgreement("", PartnerKind.PHARMACY, LocalDate.now(Signals.ZONE), null, "", List.of(), List.of());
        }

        public NewAgreement(String partnerName, PartnerKind partnerKind, LocalDate signedOn, LocalDate validUntil,
                            String terms) {
            this(partnerName, partnerKind, signedOn, validUntil, terms, List.of(), List.of());
        }
    }

    public record SaveProfile(
            @NotNull(message = "{validation.required}") DeadlineKind kind,
            @NotNull(message = "{validation.required}") @Min(value = 1, message = "{signals.validation.range}") @Max(value = 2000, message = "{signals.validation.range}") Integer triageWithinHours,
            @Min(value = 1, message = "{signals.validation.range}") @Max(value = 5000, message = "{signals.validation.range}") Integer contactWithinHours,
            Integer version) {
    }

    /**
     * {@code profileVersions} and {@code concernDeadlineVersions}: the version of each saved row (0 for one not saved
     * yet, still the default), to send back with a change; a change made meanwhile is refused (409), never overwritten.
     */
    public record Overview(Map<DeadlineKind, DeadlineProfile> profiles, UUID onDutyAccountId,
                           List<Accounts.Account> professionals, WeakSignalRadar radar, int unfoundedRetentionDays,
                           List<Agreement> agreements, Map<SignalDetails.ConcernKind, ConcernDeadline> concernDeadlines,
                           List<PostcodeArea> postcodeAreas, List<AreaList.Area> areas,
                           Map<DeadlineKind, Integer> profileVersions, Map<SignalDetails.ConcernKind, Integer> concernDeadlineVersions) {
    }

    /** Postcodes (four digits, or a range) that lie in a neighbourhood of the area list, with its CBS codes. */
    public record PostcodeArea(UUID id, int postcodeFrom, int postcodeTo, String neighbourhood, String neighbourhoodCode,
                               String districtCode, String districtName, int version) {
        public String postcodes() {
            return Postcodes.format(postcodeFrom, postcodeTo);
        }
    }

    /** A new postcode mapping: "7511" or "7512-7514", and a neighbourhood of the area list. */
    public record NewPostcodeArea(
            @NotBlank(message = "{validation.required}") @Size(max = 30, message = "{validation.tooLong}") String postcodes,
            @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.tooLong}") String neighbourhood) {
        public static NewPostcodeArea empty() {
            return new NewPostcodeArea("", "");
        }
    }

    /** A change of a postcode mapping, with the version it was read at. */
    public record ChangePostcodeArea(
            @NotBlank(message = "{validation.required}") @Size(max = 30, message = "{validation.tooLong}") String postcodes,
            @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.tooLong}") String neighbourhood,
            Integer version) {
    }

    /** A deadline profile per kind of concern, in working days; both empty: no deadline of its own for that kind. */
    public record SaveConcernDeadline(
            @NotNull(message = "{validation.required}") SignalDetails.ConcernKind concernKind,
            @Min(value = 1, message = "{signals.validation.range}") @Max(value = ConcernDeadline.MAX_WORKING_DAYS, message = "{signals.validation.range}") Integer assessWithinWorkingDays,
            @Min(value = 1, message = "{signals.validation.range}") @Max(value = ConcernDeadline.MAX_WORKING_DAYS, message = "{signals.validation.range}") Integer actWithinWorkingDays,
            Integer version) {
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final org.springframework.beans.factory.ObjectProvider<AreaList> areaList;

    SignalSettings(JdbcClient jdbc, Accounts accounts, org.springframework.beans.factory.ObjectProvider<AreaList> areaList) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.areaList = areaList;
    }

    /** The organisation's neighbourhoods with their CBS codes (kept under /insights/settings); empty without insights. */
    public List<AreaList.Area> areas(UUID org) {
        AreaList list = areaList.getIfAvailable();
        return list == null ? List.of() : list.areas(org);
    }

    /** The neighbourhood of an address, from the postcode in it and the organisation's postcode mapping. */
    public Optional<String> neighbourhoodOfAddress(UUID org, String address) {
        return Postcodes.digitsIn(address).flatMap(pc -> jdbc.sql("""
                select neighbourhood from signal_postcode_area
                where organisation_id = ? and postcode_from <= ? and postcode_to >= ?
                order by postcode_to - postcode_from, postcode_from limit 1""")
                .params(org, pc, pc).query(String.class).optional());
    }

    /** The postcode mapping, each with the CBS codes its neighbourhood has in the area list (none when it left the list). */
    public List<PostcodeArea> postcodeAreas(UUID org) {
        Map<String, AreaList.Area> byName = new java.util.HashMap<>();
        areas(org).forEach(a -> byName.put(a.neighbourhood().toLowerCase(java.util.Locale.ROOT), a));
        return jdbc.sql("select id, postcode_from, postcode_to, neighbourhood, version from signal_postcode_area where organisation_id = ? order by postcode_from")
                .param(org).query((rs, i) -> {
                    String name = rs.getString(4);
                    AreaList.Area a = byName.get(name.toLowerCase(java.util.Locale.ROOT));
                    return new PostcodeArea(rs.getObject(1, UUID.class), rs.getInt(2), rs.getInt(3), name,
                            a == null ? null : a.neighbourhoodCode(), a == null ? null : a.districtCode(),
                            a == null ? null : a.districtName(), rs.getInt(5));
                }).list();
    }

    // ---- reading (for the module's own use; no personal data) -----------------------------------

    public Map<DeadlineKind, DeadlineProfile> profiles(UUID org) {
        Map<DeadlineKind, DeadlineProfile> m = DeadlineProfile.defaults();
        jdbc.sql("select kind, triage_within_hours, contact_within_hours from signal_deadline_profile where organisation_id = ?")
                .param(org).query((rs, i) -> new DeadlineProfile(DeadlineKind.valueOf(rs.getString(1)), rs.getInt(2),
                        (Integer) rs.getObject(3)))
                .list().forEach(p -> m.put(p.kind(), p));
        return m;
    }

    /** The deadline per kind of concern (working days): the defaults, overridden by what the organisation saved. */
    public Map<SignalDetails.ConcernKind, ConcernDeadline> concernDeadlines(UUID org) {
        Map<SignalDetails.ConcernKind, ConcernDeadline> m = ConcernDeadline.defaults();
        jdbc.sql("select concern_kind, assess_within_working_days, act_within_working_days from signal_concern_deadline where organisation_id = ?")
                .param(org).query((rs, i) -> new ConcernDeadline(SignalDetails.ConcernKind.valueOf(rs.getString(1)),
                        (Integer) rs.getObject(2), (Integer) rs.getObject(3)))
                .list().forEach(d -> m.put(d.concernKind(), d));
        return m;
    }

    /** The deadline of one kind of concern; a signal without a kind has none of its own. */
    public Optional<ConcernDeadline> concernDeadline(UUID org, SignalDetails.ConcernKind kind) {
        return kind == null ? Optional.empty() : Optional.of(concernDeadlines(org).get(kind)).filter(ConcernDeadline::any);
    }

    public DeadlineProfile profile(UUID org, DeadlineKind kind) {
        return profiles(org).get(kind);
    }

    public WeakSignalRadar radar(UUID org) {
        return jdbc.sql("select radar_window_days, radar_min_signals, radar_min_partners from signal_settings where organisation_id = ?")
                .param(org).query((rs, i) -> new WeakSignalRadar(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
                .optional().orElse(WeakSignalRadar.DEFAULT);
    }

    public int unfoundedRetentionDays(UUID org) {
        return jdbc.sql("select unfounded_retention_days from signal_settings where organisation_id = ?").param(org)
                .query(Integer.class).optional().orElse(183);
    }

    /** The professional on duty, for privacy: who may approve emergency access asked by another organisation (issue 14). */
    @org.springframework.stereotype.Component
    static class OnDutyForPrivacy implements org.samenkracht.privacy.OnDuty {
        private final JdbcClient jdbc;

        OnDutyForPrivacy(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @Override
        public Optional<UUID> professionalOnDuty(UUID organisationId) {
            return jdbc.sql("""
                    select s.on_duty_account_id from signal_settings s join app_user u on u.id = s.on_duty_account_id
                    where s.organisation_id = ? and u.enabled""").param(organisationId).query(UUID.class).optional();
        }
    }

    /** Who is alerted at once: the professional on duty, or else every coach of the organisation. */
    public List<UUID> onDuty(UUID org) {
        Optional<UUID> duty = jdbc.sql("""
                select s.on_duty_account_id from signal_settings s join app_user u on u.id = s.on_duty_account_id
                where s.organisation_id = ? and u.enabled""").param(org).query(UUID.class).optional();
        if (duty.isPresent()) {
            return List.of(duty.get());
        }
        return jdbc.sql("select id from app_user where organisation_id = ? and role = 'COACH' and enabled").param(org)
                .query(UUID.class).list();
    }

    public List<String> teams(UUID org) {
        return jdbc.sql("select distinct team from signal where organisation_id = ? and status <> 'CLOSED' order by team limit 200")
                .param(org).query(String.class).list();
    }

    public Optional<Agreement> agreement(UUID id) {
        return jdbc.sql(AGREEMENT + " where id = ?").param(id).query(SignalSettings::agreement).optional();
    }

    public Optional<Agreement> agreementOfAccount(UUID accountId) {
        return jdbc.sql(AGREEMENT + " where id = (select agreement_id from signal_partner_account where account_id = ?)")
                .param(accountId).query(SignalSettings::agreement).optional();
    }

    public Optional<Agreement> agreementOfLink(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        return jdbc.sql(AGREEMENT + " where link_token_hash = ?").param(Tokens.hash(token))
                .query(SignalSettings::agreement).optional();
    }

    // ---- the settings page ----------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Overview overview() {
        CurrentUser user = keeper();
        UUID org = user.organisationId();
        UUID duty = jdbc.sql("select on_duty_account_id from signal_settings where organisation_id = ?").param(org)
                .query(UUID.class).optional().orElse(null);
        Map<DeadlineKind, Integer> profileVersions = new java.util.EnumMap<>(DeadlineKind.class);
        for (DeadlineKind k : DeadlineKind.values()) {
            profileVersions.put(k, 0);
        }
        jdbc.sql("select kind, version from signal_deadline_profile where organisation_id = ?").param(org)
                .query((rs, i) -> Map.entry(DeadlineKind.valueOf(rs.getString(1)), rs.getInt(2))).list()
                .forEach(e -> profileVersions.put(e.getKey(), e.getValue()));
        Map<SignalDetails.ConcernKind, Integer> deadlineVersions = new java.util.EnumMap<>(SignalDetails.ConcernKind.class);
        for (SignalDetails.ConcernKind k : SignalDetails.ConcernKind.values()) {
            deadlineVersions.put(k, 0);
        }
        jdbc.sql("select concern_kind, version from signal_concern_deadline where organisation_id = ?").param(org)
                .query((rs, i) -> Map.entry(SignalDetails.ConcernKind.valueOf(rs.getString(1)), rs.getInt(2))).list()
                .forEach(e -> deadlineVersions.put(e.getKey(), e.getValue()));
        return new Overview(profiles(org), duty, accounts.professionals(org), radar(org), unfoundedRetentionDays(org),
                agreements(org), concernDeadlines(org), postcodeAreas(org), areas(org), profileVersions, deadlineVersions);
    }

    /**
     * A saved setting row changes only at the version it was read at: a row not saved yet is read at 0 and saved at 1, so
     * of two first saves the second is refused too. Refused as a conflict (409, "someone changed this meanwhile").
     */
    private static void requireVersion(Integer version) {
        if (version == null) {
            throw new RuleViolation("version", "validation.required");
        }
    }

    private static void saved(int changed, String what) {
        if (changed == 0) {
            throw new OptimisticLockingFailureException(what + " changed meanwhile");
        }
    }

    /**
     * Maps postcodes to a neighbourhood of the area list (the insights' areas with their CBS codes): refused with the
     * field named when the postcodes are not "1234" or "1234-1240", overlap a mapping already kept, or the
     * neighbourhood is not in the area list.
     */
    @Transactional
    public UUID addPostcodeArea(NewPostcodeArea p) {
        CurrentUser user = keeper();
        int[] range = postcodeRange(p.postcodes());
        AreaList.Area area = knownArea(user.organisationId(), p.neighbourhood());
        lockPostcodes(user.organisationId());
        noOverlap(user.organisationId(), range, null);
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into signal_postcode_area (id, organisation_id, postcode_from, postcode_to, neighbourhood, version) values (?, ?, ?, ?, ?, 1)")
                .params(id, user.organisationId(), range[0], range[1], area.neighbourhood()).update();
        return id;
    }

    /** The postcodes typed ("1234" or "1234-1240"), refused on the field when missing or not postcodes. */
    private static int[] postcodeRange(String postcodes) {
        if (postcodes == null || postcodes.isBlank()) {
            throw new RuleViolation("postcodes", "validation.required");
        }
        return Postcodes.range(postcodes).orElseThrow(() -> new RuleViolation("postcodes", "signals.validation.postcodes"));
    }

    /** One of the organisation's neighbourhoods, by name; refused on the field when missing or unknown. */
    private AreaList.Area knownArea(UUID organisationId, String neighbourhood) {
        if (neighbourhood == null || neighbourhood.isBlank()) {
            throw new RuleViolation("neighbourhood", "validation.required");
        }
        return areas(organisationId).stream().filter(a -> a.neighbourhood().equalsIgnoreCase(neighbourhood.strip())).findFirst()
                .orElseThrow(() -> new RuleViolation("neighbourhood", "signals.refused.unknownArea"));
    }

    /** Changes a mapping read at {@code version}; one changed or removed meanwhile is refused (409), never overwritten. */
    @Transactional
    public void changePostcodeArea(UUID id, ChangePostcodeArea p) {
        CurrentUser user = keeper();
        requireVersion(p.version());
        int[] range = postcodeRange(p.postcodes());
        AreaList.Area area = knownArea(user.organisationId(), p.neighbourhood());
        lockPostcodes(user.organisationId());
        existingPostcodeArea(user.organisationId(), id);
        noOverlap(user.organisationId(), range, id);
        saved(jdbc.sql("""
                update signal_postcode_area set postcode_from = ?, postcode_to = ?, neighbourhood = ?, version = version + 1
                where id = ? and organisation_id = ? and version = ?""")
                .params(range[0], range[1], area.neighbourhood(), id, user.organisationId(), p.version()).update(), "postcode area");
    }

    /** Removes a mapping read at {@code version}; one changed meanwhile is refused (409). */
    @Transactional
    public void removePostcodeArea(UUID id, Integer version) {
        CurrentUser user = keeper();
        requireVersion(version);
        existingPostcodeArea(user.organisationId(), id);
        saved(jdbc.sql("delete from signal_postcode_area where id = ? and organisation_id = ? and version = ?")
                .params(id, user.organisationId(), version).update(), "postcode area");
    }

    private void existingPostcodeArea(UUID org, UUID id) {
        if (jdbc.sql("select count(*) from signal_postcode_area where id = ? and organisation_id = ?").params(id, org)
                .query(Long.class).single() == 0) {
            throw new NotFound("postcodeArea");
        }
    }

    /** Two keepers adding overlapping postcodes at once: the second waits, then sees the first's mapping. */
    private void lockPostcodes(UUID org) {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('signal_postcode_area:' || ?))").param(org.toString()).query().listOfRows();
    }

    private void noOverlap(UUID org, int[] range, UUID except) {
        Optional<String> overlap = jdbc.sql("""
                select postcode_from, postcode_to from signal_postcode_area
                where organisation_id = ? and postcode_from <= ? and postcode_to >= ? and id is distinct from ? limit 1""")
                .params(org, range[1], range[0], except)
                .query((rs, i) -> Postcodes.format(rs.getInt(1), rs.getInt(2))).optional();
        if (overlap.isPresent()) {
            throw new RuleViolation("postcodes", "signals.refused.postcodesOverlap", overlap.get());
        }
    }

    /** For demo data: a mapping written as is (the area list may not be there yet when the demo starts). */
    @Transactional
    public void putPostcodeAreaForDemo(UUID id, UUID org, int from, int to, String neighbourhood) {
        jdbc.sql("""
                insert into signal_postcode_area (id, organisation_id, postcode_from, postcode_to, neighbourhood, version)
                values (?, ?, ?, ?, ?, 1) on conflict (id) do nothing""").params(id, org, from, to, neighbourhood).update();
    }

    /** The agreements of the current user's organisation (professionals need them to record a partner's call). */
    @Transactional(readOnly = true)
    public List<Agreement> agreements() {
        return agreements(Signals.staff().organisationId());
    }

    private List<Agreement> agreements(UUID org) {
        return jdbc.sql(AGREEMENT + " where organisation_id = ? order by partner_name").param(org)
                .query(SignalSettings::agreement).list();
    }

    @Transactional
    public void saveProfile(SaveProfile p) {
        CurrentUser user = keeper();
        if (p.kind() != DeadlineKind.WEAK && p.contactWithinHours() == null) {
            throw new RuleViolation("contactWithinHours", "validation.required");
        }
        requireVersion(p.version());
        // version 0: the first save of this kind (a row saved meanwhile is a conflict); otherwise the row of that version
        saved(p.version() == 0
                ? jdbc.sql("""
                        insert into signal_deadline_profile (organisation_id, kind, triage_within_hours, contact_within_hours, version)
                        values (?, ?, ?, ?, 1) on conflict (organisation_id, kind) do nothing""")
                        .params(user.organisationId(), p.kind().name(), p.triageWithinHours(), p.contactWithinHours()).update()
                : jdbc.sql("""
                        update signal_deadline_profile set triage_within_hours = ?, contact_within_hours = ?, version = version + 1
                        where organisation_id = ? and kind = ? and version = ?""")
                        .params(p.triageWithinHours(), p.contactWithinHours(), user.organisationId(), p.kind().name(), p.version())
                        .update(), "deadline profile");
    }

    /** Saves the deadline of one kind of concern; acting cannot be due before assessing. */
    @Transactional
    public void saveConcernDeadline(SaveConcernDeadline d) {
        CurrentUser user = keeper();
        if (d.concernKind() == null) {
            throw new RuleViolation("concernKind", "validation.required");
        }
        range("assessWithinWorkingDays", d.assessWithinWorkingDays());
        range("actWithinWorkingDays", d.actWithinWorkingDays());
        if (d.assessWithinWorkingDays() != null && d.actWithinWorkingDays() != null
                && d.actWithinWorkingDays() < d.assessWithinWorkingDays()) {
            throw new RuleViolation("actWithinWorkingDays", "signals.refused.actBeforeAssess");
        }
        requireVersion(d.version());
        saved(d.version() == 0
                ? jdbc.sql("""
                        insert into signal_concern_deadline (organisation_id, concern_kind, assess_within_working_days, act_within_working_days, version)
                        values (?, ?, ?, ?, 1) on conflict (organisation_id, concern_kind) do nothing""")
                        .params(user.organisationId(), d.concernKind().name(), d.assessWithinWorkingDays(), d.actWithinWorkingDays())
                        .update()
                : jdbc.sql("""
                        update signal_concern_deadline set assess_within_working_days = ?, act_within_working_days = ?,
                            version = version + 1
                        where organisation_id = ? and concern_kind = ? and version = ?""")
                        .params(d.assessWithinWorkingDays(), d.actWithinWorkingDays(), user.organisationId(),
                                d.concernKind().name(), d.version())
                        .update(), "concern deadline");
    }

    private static void range(String field, Integer days) {
        if (days != null && (days < 1 || days > ConcernDeadline.MAX_WORKING_DAYS)) {
            throw new RuleViolation(field, "signals.validation.range");
        }
    }

    @Transactional
    public void setOnDuty(UUID accountId) {
        CurrentUser user = keeper();
        if (accountId != null && accounts.professionals(user.organisationId()).stream().noneMatch(a -> a.id().equals(accountId))) {
            throw new RuleViolation("accountId", "signals.refused.notAProfessional");
        }
        jdbc.sql("""
                insert into signal_settings (organisation_id, on_duty_account_id) values (?, ?)
                on conflict (organisation_id) do update set on_duty_account_id = excluded.on_duty_account_id,
                  version = signal_settings.version + 1""")
                .params(user.organisationId(), accountId).update();
    }

    @Transactional
    public UUID addAgreement(NewAgreement a) {
        CurrentUser user = keeper();
        if (a.validUntil() != null && a.validUntil().isBefore(a.signedOn())) {
            throw new RuleViolation("validUntil", "signals.refused.validUntilBeforeSigned");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into signal_partner_agreement (id, organisation_id, partner_name, partner_kind, signed_on, valid_until,
                  terms, allowed_kinds, required_preconditions)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, user.organisationId(), a.partnerName().strip(), a.partnerKind().name(), a.signedOn(),
                        a.validUntil(), a.terms().strip(), SignalDetails.store(a.allowedKinds()),
                        SignalDetails.store(a.requiredPreconditions())).update();
        return id;
    }

    /** A new link for the agreement (the old one stops working); the token is shown once, only its hash is kept. */
    @Transactional
    public String newLink(UUID agreementId, int version) {
        CurrentUser user = keeper();
        String token = Tokens.secret();
        int changed = jdbc.sql("""
                update signal_partner_agreement set link_token_hash = ?, version = version + 1
                where id = ? and organisation_id = ? and version = ?""")
                .params(Tokens.hash(token), agreementId, user.organisationId(), version).update();
        if (changed == 0) {
            if (agreement(agreementId).filter(x -> x.organisationId().equals(user.organisationId())).isEmpty()) {
                throw new NotFound("agreement");
            }
            throw new OptimisticLockingFailureException("agreement changed meanwhile");
        }
        return token;
    }

    /** For demo data and set-up: a partner account acts under an agreement. */
    @Transactional
    public void attachAccount(UUID accountId, UUID agreementId) {
        Agreement a = agreement(agreementId).orElseThrow(() -> new NotFound("agreement"));
        jdbc.sql("""
                insert into signal_partner_account (account_id, agreement_id, organisation_id) values (?, ?, ?)
                on conflict (account_id) do update set agreement_id = excluded.agreement_id""")
                .params(accountId, agreementId, a.organisationId()).update();
    }

    /** For demo data and set-up: the kinds of concern an agreement allows and the preconditions it requires. */
    @Transactional
    public void setScope(UUID agreementId, java.util.Collection<SignalDetails.ConcernKind> kinds,
                         java.util.Collection<SignalDetails.Precondition> preconditions) {
        jdbc.sql("update signal_partner_agreement set allowed_kinds = ?, required_preconditions = ?, version = version + 1 where id = ?")
                .params(SignalDetails.store(kinds), SignalDetails.store(preconditions), agreementId).update();
    }

    /** For demo data: a fixed link token (a real one comes from {@link #newLink}). */
    @Transactional
    public void setLinkForDemo(UUID agreementId, String token) {
        jdbc.sql("update signal_partner_agreement set link_token_hash = ? where id = ?").params(Tokens.hash(token), agreementId).update();
    }

    static CurrentUser keeper() {
        CurrentUser user = CurrentUser.get();
        if (!user.is(Role.COACH) && !user.is(Role.ADMINISTRATOR)) {
            throw new AccessRefused("signals.refused.settingsKeepers");
        }
        return user;
    }

    private static final String AGREEMENT = """
            select id, organisation_id, partner_name, partner_kind, signed_on, valid_until, terms,
              link_token_hash is not null as has_link, version, allowed_kinds, required_preconditions
            from signal_partner_agreement""";

    private static Agreement agreement(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new Agreement(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
                rs.getString("partner_name"), PartnerKind.valueOf(rs.getString("partner_kind")),
                rs.getObject("signed_on", LocalDate.class), rs.getObject("valid_until", LocalDate.class), rs.getString("terms"),
                rs.getBoolean("has_link"), rs.getInt("version"),
                SignalDetails.parse(SignalDetails.ConcernKind.class, rs.getString("allowed_kinds")),
                SignalDetails.parse(SignalDetails.Precondition.class, rs.getString("required_preconditions")));
    }
}
