package org.samenkracht.signals;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.samenkracht.common.domain.NotFound;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.identity.CurrentUser;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The partners of the signalling network (issue 19, item 6; seed 001, §2.3): core partners take part in every network
 * meeting, shell partners are asked when a case concerns them. Each signs the covenant and the privacy rules; the
 * organisation keeps which versions are in force. The rule: <b>a partner whose newest signature is not of the covenant
 * and privacy rules in force (or whose agreement is not active) cannot be invited to a meeting</b>, so it never hears a
 * case there; a new version in force asks every partner to sign again. Partners never see cases outside the meeting
 * anyway (their accounts see only their own receipts).
 */
@Service
public class NetworkPartners {

    public enum Membership { CORE, SHELL }

    public static final String VERSION_PATTERN = "^[A-Za-z0-9._-]{1,20}$";

    /** The newest signature of a partner: who signed for it, when, and which versions. */
    public record Signature(String signedBy, LocalDate signedOn, String covenantVersion, String privacyRulesVersion,
                            String recordedBy, Instant recordedAt) {
    }

    /** A partner of the network; {@code mayTakePart}: active agreement and signed the versions in force. */
    public record Partner(UUID agreementId, String partnerName, PartnerKind partnerKind, Membership membership,
                          boolean active, Signature signature, boolean mayTakePart, int version) {
    }

    /** The versions of the covenant and of the privacy rules in force for the organisation's network. */
    public record Covenant(String covenantVersion, String privacyRulesVersion, int version) {
    }

    public record Overview(Covenant covenant, List<Partner> partners) {
    }

    public record SetMembership(@NotNull(message = "{validation.required}") Membership membership, int version) {
    }

    public record Sign(
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String signedBy,
            @NotNull(message = "{validation.required}") LocalDate signedOn,
            @NotBlank(message = "{validation.required}") @Pattern(regexp = VERSION_PATTERN, message = "{signals.validation.version}") String covenantVersion,
            @NotBlank(message = "{validation.required}") @Pattern(regexp = VERSION_PATTERN, message = "{signals.validation.version}") String privacyRulesVersion) {
    }

    public record SetCovenant(
            @NotBlank(message = "{validation.required}") @Pattern(regexp = VERSION_PATTERN, message = "{signals.validation.version}") String covenantVersion,
            @NotBlank(message = "{validation.required}") @Pattern(regexp = VERSION_PATTERN, message = "{signals.validation.version}") String privacyRulesVersion,
            int version) {
    }

    private final JdbcClient jdbc;

    NetworkPartners(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The partners with their membership and signatures: the organisation's professionals, coaches and administrators. */
    @Transactional(readOnly = true)
    public Overview overview() {
        CurrentUser user = CurrentUser.get();
        if (!user.role().supportsPeople() && !user.is(org.samenkracht.identity.Role.ADMINISTRATOR)) {
            throw new org.samenkracht.common.domain.AccessRefused("signals.refused.staffOnly");
        }
        UUID org = user.organisationId();
        return new Overview(covenant(org), partners(org));
    }

    /** Whether the current user keeps the partners (coaches, administrators): the page shows the forms only to them. */
    public boolean mayKeep() {
        CurrentUser user = CurrentUser.get();
        return user.is(org.samenkracht.identity.Role.COACH) || user.is(org.samenkracht.identity.Role.ADMINISTRATOR);
    }

    public Covenant covenant(UUID org) {
        return jdbc.sql("select covenant_version, privacy_rules_version, version from signal_settings where organisation_id = ?")
                .param(org).query((rs, i) -> new Covenant(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .optional().orElse(new Covenant("1", "1", 0));
    }

    /** Core partners first, then by name. */
    public List<Partner> partners(UUID org) {
        Covenant c = covenant(org);
        return jdbc.sql(PARTNER + " where a.organisation_id = ? order by a.membership, a.partner_name")
                .param(org).query((rs, i) -> partner(rs, c)).list();
    }

    /** One partner of the organisation, or empty. */
    public Optional<Partner> partner(UUID org, UUID agreementId) {
        Covenant c = covenant(org);
        return jdbc.sql(PARTNER + " where a.organisation_id = ? and a.id = ?").params(org, agreementId)
                .query((rs, i) -> partner(rs, c)).optional();
    }

    @Transactional
    public void setMembership(UUID agreementId, SetMembership m) {
        CurrentUser user = SignalSettings.keeper();
        if (m.membership() == null) {
            throw new RuleViolation("membership", "validation.required");
        }
        int changed = jdbc.sql("""
                update signal_partner_agreement set membership = ?, version = version + 1
                where id = ? and organisation_id = ? and version = ?""")
                .params(m.membership().name(), agreementId, user.organisationId(), m.version()).update();
        if (changed == 0) {
            partner(user.organisationId(), agreementId).orElseThrow(() -> new NotFound("agreement"));
            throw new OptimisticLockingFailureException("agreement changed meanwhile");
        }
    }

    /** Records who signed the covenant and the privacy rules for the partner, when, and which versions. */
    @Transactional
    public UUID sign(UUID agreementId, Sign s) {
        CurrentUser user = SignalSettings.keeper();
        partner(user.organisationId(), agreementId).orElseThrow(() -> new NotFound("agreement"));
        if (s.signedOn() == null) {
            throw new RuleViolation("signedOn", "validation.required");
        }
        if (s.signedOn().isAfter(LocalDate.now(Signals.ZONE))) {
            throw new RuleViolation("signedOn", "signals.refused.signedInFuture");
        }
        version("covenantVersion", s.covenantVersion());
        version("privacyRulesVersion", s.privacyRulesVersion());
        if (s.signedBy() == null || s.signedBy().isBlank()) {
            throw new RuleViolation("signedBy", "validation.required");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into signal_covenant_signature (id, organisation_id, agreement_id, signed_by, signed_on, covenant_version,
                  privacy_rules_version, recorded_by) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, user.organisationId(), agreementId, s.signedBy().strip(), s.signedOn(), s.covenantVersion(),
                        s.privacyRulesVersion(), user.id()).update();
        return id;
    }

    /** Puts new versions in force: from then on only partners that signed them may be invited. */
    @Transactional
    public void setCovenant(SetCovenant c) {
        CurrentUser user = SignalSettings.keeper();
        version("covenantVersion", c.covenantVersion());
        version("privacyRulesVersion", c.privacyRulesVersion());
        int changed = jdbc.sql("""
                insert into signal_settings (organisation_id, covenant_version, privacy_rules_version, version)
                values (?, ?, ?, 1) on conflict (organisation_id) do update
                set covenant_version = excluded.covenant_version, privacy_rules_version = excluded.privacy_rules_version,
                    version = signal_settings.version + 1
                where signal_settings.version = ?""")
                .params(user.organisationId(), c.covenantVersion(), c.privacyRulesVersion(), c.version()).update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("covenant changed meanwhile");
        }
    }

    /** The rule of the meeting: refused with the field named when the partner may not take part. */
    Partner requireMayTakePart(UUID org, UUID agreementId) {
        Partner p = partner(org, agreementId).orElseThrow(() -> new RuleViolation("agreementId", "signals.refused.unknownAgreement"));
        if (!p.mayTakePart()) {
            throw new RuleViolation("agreementId", p.active() ? "signals.refused.covenantNotSigned" : "signals.refused.agreementInactive");
        }
        return p;
    }

    private static void version(String field, String v) {
        if (v == null || v.isBlank()) {
            throw new RuleViolation(field, "validation.required");
        }
        if (!v.matches(VERSION_PATTERN)) {
            throw new RuleViolation(field, "signals.validation.version");
        }
    }

    private static final String PARTNER = """
            select a.id, a.partner_name, a.partner_kind, a.membership, a.signed_on as agreed_on, a.valid_until, a.version,
              g.signed_by, g.signed_on, g.covenant_version, g.privacy_rules_version, g.recorded_at, u.display_name as recorded_by
            from signal_partner_agreement a
            left join lateral (select * from signal_covenant_signature s where s.agreement_id = a.id
                               order by s.signed_on desc, s.recorded_at desc limit 1) g on true
            left join app_user u on u.id = g.recorded_by""";

    private static Partner partner(ResultSet rs, Covenant c) throws SQLException {
        LocalDate today = LocalDate.now(Signals.ZONE);
        LocalDate agreedOn = rs.getObject("agreed_on", LocalDate.class);
        LocalDate until = rs.getObject("valid_until", LocalDate.class);
        boolean active = !agreedOn.isAfter(today) && (until == null || !until.isBefore(today));
        Signature sig = rs.getString("signed_by") == null ? null : new Signature(rs.getString("signed_by"),
                rs.getObject("signed_on", LocalDate.class), rs.getString("covenant_version"),
                rs.getString("privacy_rules_version"), rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant());
        boolean signed = sig != null && sig.covenantVersion().equals(c.covenantVersion())
                && sig.privacyRulesVersion().equals(c.privacyRulesVersion());
        return new Partner(rs.getObject("id", UUID.class), rs.getString("partner_name"),
                PartnerKind.valueOf(rs.getString("partner_kind")), Membership.valueOf(rs.getString("membership")), active, sig,
                active && signed, rs.getInt("version"));
    }
}
