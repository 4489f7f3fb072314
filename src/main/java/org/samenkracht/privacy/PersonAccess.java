package org.samenkracht.privacy;

import org.samenkracht.common.web.AccessRefused;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.samenkracht.privacy.internal.AuditTrail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.UUID;

/**
 * The one gate every read and write of a person's data goes through. Secret by default: only the
 * person themself and the members of their care team get in. Every decision, allowed or refused,
 * is written to the audit log; a refusal is logged even when the request itself fails.
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
        record Allowed(String ground) implements Decision {
        }

        record Refused(String reasonKey) implements Decision {
        }
    }

    /** Checks and audits; throws {@link AccessRefused} (answered as 403) when refused. */
    public void require(UUID personId, AccessKind kind, String resource) {
        CurrentUser user = CurrentUser.get();
        Decision decision = decide(user, personId, kind);
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
        return CurrentUser.find().map(u -> decide(u, personId, kind) instanceof Decision.Allowed).orElse(false);
    }

    Decision decide(CurrentUser user, UUID personId, AccessKind kind) {
        if (user.is(Role.PERSON)) {
            if (!personId.equals(user.personId())) {
                return new Decision.Refused("access.refused.notYourFile");
            }
            return kind == AccessKind.WRITE
                    ? new Decision.Refused("access.refused.teamOnly")
                    : new Decision.Allowed("SELF");
        }
        if (user.is(Role.NETWORK_MEMBER)) {
            return new Decision.Refused("access.refused.noConsent");
        }
        return inCareTeam(user.id(), personId)
                ? new Decision.Allowed("CARE_TEAM")
                : new Decision.Refused("access.refused.notInTeam");
    }

    private boolean inCareTeam(UUID userId, UUID personId) {
        return jdbc.sql("select exists (select 1 from care_team_member where person_id = ? and user_id = ?)")
                .params(personId, userId).query(Boolean.class).single();
    }
}
