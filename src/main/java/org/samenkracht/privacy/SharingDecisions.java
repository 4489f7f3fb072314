package org.samenkracht.privacy;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.privacy.internal.AuditTrail;
import org.samenkracht.privacy.PersonDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Every sharing of what a person told or what was seen goes through a decision: the
 * {@link SharedSecrecyPolicy} checks the rules, and the decision, its grounds and who took it are
 * kept (refusals too) and written to the audit log.
 */
@Service
public class SharingDecisions {

    public record ShareRequest(
            @NotNull(message = "{validation.choice}") SharedSecrecyPolicy.RecipientKind recipientKind,
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String recipient,
            UUID recipientAccountId,
            @NotBlank(message = "{validation.required}") @Size(max = 1000, message = "{validation.tooLong}") String information,
            @NotBlank(message = "{validation.required}") @Size(max = 1000, message = "{validation.tooLong}") String purpose,
            /** Asked every time, never assumed (issue 14, item 9): is this a request to check whether the family keeps its agreements? */
            @NotNull(message = "{sharing.checkRequest.unanswered}") Boolean checkRequest,
            Boolean interestOfHelp, Boolean recipientSameGoal, UUID consentId) {

        /** The check question is answered (validated); unticked boxes and absent fields of the two conditions count as "no". */
        boolean isCheckRequest() {
            return Boolean.TRUE.equals(checkRequest);
        }

        boolean inInterestOfHelp() {
            return Boolean.TRUE.equals(interestOfHelp);
        }

        boolean sameGoal() {
            return Boolean.TRUE.equals(recipientSameGoal);
        }

        public static ShareRequest empty() {
            return new ShareRequest(SharedSecrecyPolicy.RecipientKind.EXTERNAL, "", null, "", "", null, false, false, null);
        }
    }

    public record DecisionView(UUID id, SharedSecrecyPolicy.RecipientKind recipientKind, String recipient,
                               String information, String purpose, boolean checkRequest, boolean interestOfHelp,
                               boolean recipientSameGoal, UUID concernId, boolean shared, String reasonKey,
                               String decidedBy, Instant decidedAt) {
    }

    private final JdbcClient jdbc;
    private final PersonAccess access;
    private final AuditTrail audit;
    private final PersonDirectory directory;

    SharingDecisions(JdbcClient jdbc, PersonAccess access, AuditTrail audit, PersonDirectory directory) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.directory = directory;
    }

    /** Decides, records and audits; a refusal is an outcome, not an error. */
    @Transactional
    public DecisionView decide(UUID personId, ShareRequest r) {
        return decide(personId, r, null, false);
    }

    DecisionView decide(UUID personId, ShareRequest r, UUID concernId, boolean concernReady) {
        if (r.checkRequest() == null) {
            // the service is called without the web layer's validation too: no answer is never taken for "no"
            throw new org.samenkracht.common.domain.RuleViolation("checkRequest", "sharing.checkRequest.unanswered");
        }
        var person = directory.person(personId);
        access.write(personId, Part.SHARING_DECISIONS);
        boolean disclosed = jdbc.sql("select exists (select 1 from care_team_disclosure where person_id = ?)")
                .param(personId).query(Boolean.class).single();
        boolean inTeam = r.recipientAccountId() != null && jdbc.sql(
                        "select exists (select 1 from care_team_member where person_id = ? and user_id = ?)")
                .params(personId, r.recipientAccountId()).query(Boolean.class).single();
        boolean consent = r.consentId() != null && jdbc.sql("""
                        select exists (select 1 from consent where id = ? and person_id = ? and revoked_at is null
                          and valid_from <= current_date and (valid_until is null or valid_until >= current_date))""")
                .params(r.consentId(), personId).query(Boolean.class).single();
        var outcome = SharedSecrecyPolicy.decide(
                new SharedSecrecyPolicy.Request(r.recipientKind(), r.isCheckRequest(), r.inInterestOfHelp(), r.sameGoal()),
                new SharedSecrecyPolicy.Facts(disclosed, inTeam, consent, concernReady));
        boolean shared = outcome instanceof SharedSecrecyPolicy.Outcome.Share;
        CurrentUser user = CurrentUser.get();
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into sharing_decision (id, organisation_id, person_id, recipient_kind, recipient, information, purpose,
                  check_request, interest_of_help, recipient_same_goal, concern_id, outcome, reason_key, decided_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, person.organisationId(), personId, r.recipientKind().name(), r.recipient().strip(),
                        r.information().strip(), r.purpose().strip(), r.isCheckRequest(), r.inInterestOfHelp(),
                        r.sameGoal(), concernId, shared ? "ALLOWED" : "REFUSED", outcome.key(), user.id())
                .update();
        audit.event(user, personId, "SHARE", "sharing/" + r.recipientKind().name().toLowerCase(),
                (shared ? "ALLOWED " : "REFUSED ") + outcome.key() + " " + id);
        return of(personId, id);
    }

    @Transactional
    public List<DecisionView> of(UUID personId) {
        access.read(personId, Part.SHARING_DECISIONS);
        return jdbc.sql(SELECT + " where d.person_id = ? order by d.decided_at desc").param(personId).query(SharingDecisions::map).list();
    }

    private DecisionView of(UUID personId, UUID id) {
        return jdbc.sql(SELECT + " where d.person_id = ? and d.id = ?").params(personId, id).query(SharingDecisions::map).single();
    }

    private static final String SELECT = """
            select d.*, u.display_name as decided_by_name from sharing_decision d join account_directory u on u.id = d.decided_by""";

    private static DecisionView map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new DecisionView(rs.getObject("id", UUID.class),
                SharedSecrecyPolicy.RecipientKind.valueOf(rs.getString("recipient_kind")), rs.getString("recipient"),
                rs.getString("information"), rs.getString("purpose"), rs.getBoolean("check_request"),
                rs.getBoolean("interest_of_help"), rs.getBoolean("recipient_same_goal"),
                rs.getObject("concern_id", UUID.class), "ALLOWED".equals(rs.getString("outcome")),
                rs.getString("reason_key"), rs.getString("decided_by_name"), rs.getTimestamp("decided_at").toInstant());
    }
}
