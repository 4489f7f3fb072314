package org.samenkracht.privacy;

import org.samenkracht.common.web.AccessRefused;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.samenkracht.privacy.internal.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.UUID;

/**
 * The one gate every read and write of a person's data goes through. Secret by default: the person
 * themself and their care team get in (a team of more than the one who started the support only once
 * the team was made known to the person); others only by a consent the person gave and has not
 * revoked, or by a time-limited emergency access. Every decision, allowed or refused, is written to
 * the audit log; a refusal is logged even when the request itself fails. Nothing is cached: a revoked
 * consent counts from the next request on.
 */
@Service
public class PersonAccess {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    PersonAccess(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The outcome of the access policy, with a reason a person can read. */
    public sealed interface Decision {
        /** {@code ground}: SELF, CARE_TEAM, EMERGENCY or CONSENT:&lt;consent id&gt;. */
        record Allowed(String ground) implements Decision {
        }

        record Refused(String reasonKey) implements Decision {
        }
    }

    /** Checks and audits; throws {@link AccessRefused} (answered as 403) when refused. */
    public void require(UUID personId, AccessKind kind, String resource) {
        CurrentUser user = CurrentUser.get();
        Decision decision = decide(user, personId, kind, resource);
        if (decision instanceof Decision.Refused refused) {
            audit.refused(user, personId, kind, resource, refused.reasonKey());
            throw new AccessRefused(refused.reasonKey());
        }
        audit.allowed(user, personId, kind, resource, ((Decision.Allowed) decision).ground());
    }

    public void read(UUID personId, String resource) {
        require(personId, AccessKind.READ, resource);
    }

    public void write(UUID personId, String resource) {
        require(personId, AccessKind.WRITE, resource);
    }

    /** For showing or hiding edit controls only; never a substitute for {@link #require}. */
    public boolean may(UUID personId, AccessKind kind) {
        return CurrentUser.find().map(u -> decide(u, personId, kind, null) instanceof Decision.Allowed).orElse(false);
    }

    /** As {@link #may(UUID, AccessKind)}, for one resource (a consent may cover only part of the file). */
    public boolean may(UUID personId, AccessKind kind, String resource) {
        return CurrentUser.find().map(u -> decide(u, personId, kind, resource) instanceof Decision.Allowed).orElse(false);
    }

    /** The facts the decision needs, read in one round trip, never cached. */
    record Facts(boolean inTeam, boolean teamMayShare, boolean restricted, boolean emergency, UUID consentId) {
    }

    Decision decide(CurrentUser user, UUID personId, AccessKind kind, String resource) {
        if (user.is(Role.PERSON)) {
            if (!personId.equals(user.personId())) {
                return new Decision.Refused("access.refused.notYourFile");
            }
            return kind == AccessKind.WRITE
                    ? new Decision.Refused("access.refused.teamOnly")
                    : new Decision.Allowed("SELF");
        }
        return decide(user, kind, facts(user, personId, resource));
    }

    /** The policy itself, on facts: kept apart so the rules read as the seeds state them. */
    static Decision decide(CurrentUser user, AccessKind kind, Facts facts) {
        if (facts.restricted() && kind != AccessKind.READ) {
            return new Decision.Refused("access.refused.restricted");
        }
        if (facts.inTeam() && !user.is(Role.NETWORK_MEMBER)) {
            return facts.teamMayShare()
                    ? new Decision.Allowed("CARE_TEAM")
                    : new Decision.Refused("access.refused.teamNotDisclosed");
        }
        if (facts.emergency() && user.role().supportsPeople()) {
            return kind == AccessKind.READ
                    ? new Decision.Allowed("EMERGENCY")
                    : new Decision.Refused("access.refused.emergencyReadOnly");
        }
        if (facts.restricted()) {
            return new Decision.Refused("access.refused.restricted");
        }
        if (facts.consentId() != null) {
            return kind == AccessKind.READ
                    ? new Decision.Allowed("CONSENT:" + facts.consentId())
                    : new Decision.Refused("access.refused.consentReadOnly");
        }
        return user.is(Role.NETWORK_MEMBER) || !user.role().supportsPeople()
                ? new Decision.Refused("access.refused.noConsent")
                : new Decision.Refused("access.refused.notInTeam");
    }

    private Facts facts(CurrentUser user, UUID personId, String resource) {
        return jdbc.sql("""
                select
                  exists (select 1 from care_team_member where person_id = :p and user_id = :u) as in_team,
                  exists (select 1 from care_team_member where person_id = :p and user_id = :u and started_support)
                    or exists (select 1 from care_team_disclosure where person_id = :p) as team_may_share,
                  exists (select 1 from processing_restriction where person_id = :p) as restricted,
                  exists (select 1 from emergency_access where person_id = :p and actor_id = :u
                          and expires_at > now()) as emergency,
                  (select c.id from consent c
                    where c.person_id = :p and c.revoked_at is null and :info <> 'TEAM_ONLY'
                      and c.valid_from <= current_date and (c.valid_until is null or c.valid_until >= current_date)
                      and ('EVERYTHING' = any (c.information) or :info = any (c.information))
                      and ((c.recipient_kind = 'NETWORK_MEMBER' and exists (select 1 from network_member m
                              where m.id = c.recipient_member_id and m.account_id = :u))
                        or (c.recipient_kind = 'ACCOUNT' and c.recipient_account_id = :u)
                        or (c.recipient_kind = 'ROLE' and c.recipient_role = :role and c.organisation_id = :org)
                        or (c.recipient_kind = 'ORGANISATION' and c.recipient_organisation_id = :org))
                    order by c.recorded_at limit 1) as consent_id""")
                .param("p", personId).param("u", user.id()).param("role", user.role().name())
                .param("org", user.organisationId()).param("info", Information.of(resource).name())
                .query((rs, i) -> new Facts(rs.getBoolean("in_team"), rs.getBoolean("team_may_share"),
                        rs.getBoolean("restricted"), rs.getBoolean("emergency"), rs.getObject("consent_id", UUID.class)))
                .single();
    }
}
