package org.samenkracht.privacy;

import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.samenkracht.privacy.internal.AuditTrail;
import org.samenkracht.privacy.PersonDirectory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The rights of the person: an export of everything kept about them, restriction of processing, and
 * erasure once the legal retention period (configurable per organisation) has passed. The audit log
 * is never erased; after erasure its entries carry only the person's id, which then points to no one.
 */
@Service
public class PersonRights {

    /** Tables privacy exports and erases itself, and tables never swept (accounts, the log, sessions). */
    private static final Set<String> NOT_SWEPT = Set.of("person", "app_user", "audit_event", "spring_session",
            "spring_session_attributes", "care_team_member", "care_team_disclosure", "consent", "sharing_decision",
            "concern", "emergency_access", "privacy_notification", "audit_question", "processing_restriction", "erasure");

    public record Retention(UUID organisationId, int fileYears) {
    }

    public record Restriction(String reason, Instant since) {
    }

    private final JdbcClient jdbc;
    private final PersonAccess access;
    private final AuditTrail audit;
    private final PersonDirectory directory;
    private final org.samenkracht.identity.Accounts accounts;
    private final CareTeam team;
    private final Consents consents;
    private final SharingDecisions sharing;
    private final Concerns concerns;
    private final EmergencyAccess emergency;
    private final AuditLog auditLog;
    private final ObjectProvider<PersonDataExport> exports;
    private final ObjectProvider<PersonDataErasure> erasures;
    private final ObjectMapper json;
    private final TransactionTemplate nested;
    private final int defaultYears;
    /** Step-up before an export (issue 18): injected apart, to keep the constructor that others edit unchanged. */
    @org.springframework.beans.factory.annotation.Autowired
    private StepUp stepUp;

    PersonRights(JdbcClient jdbc, PersonAccess access, AuditTrail audit, PersonDirectory directory, CareTeam team,
                 Consents consents, SharingDecisions sharing, Concerns concerns, EmergencyAccess emergency,
                 AuditLog auditLog, ObjectProvider<PersonDataExport> exports, ObjectProvider<PersonDataErasure> erasures,
                 ObjectMapper json, PlatformTransactionManager transactions, org.samenkracht.identity.Accounts accounts,
                 @Value("${samenkracht.privacy.default-retention-years:15}") int defaultYears) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.directory = directory;
        this.accounts = accounts;
        this.team = team;
        this.consents = consents;
        this.sharing = sharing;
        this.concerns = concerns;
        this.emergency = emergency;
        this.auditLog = auditLog;
        this.exports = exports;
        this.erasures = erasures;
        this.json = json;
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.defaultYears = defaultYears;
    }

    /**
     * Everything kept about the person, as sections: the person record, privacy's own records, the
     * audit entries, each module's {@link PersonDataExport}, and every other table with a person_id.
     * The export itself is audited.
     */
    @Transactional
    public Map<String, Object> export(UUID personId) {
        var person = directory.person(personId);
        access.read(personId, Part.EXPORT);
        stepUp.require();
        CurrentUser user = CurrentUser.get();
        if (!user.isPersonHimself(personId) && !team.personsOf(user.id()).contains(personId)) {
            // Emergency access reads what the emergency needs; the whole file goes to the person and their team only.
            audit.refused(user, personId, AccessKind.READ, "export", "access.refused.exportSelfOrTeam");
            throw new AccessRefused("access.refused.exportSelfOrTeam");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("exportedAt", Instant.now().toString());
        out.put("exportedBy", user.displayName());
        out.put("person", json.readValue(directory.recordAsJson(personId), List.class));
        Map<String, Object> privacy = new LinkedHashMap<>();
        privacy.put("careTeam", team.members(personId));
        privacy.put("teamDisclosure", team.disclosure(personId).orElse(null));
        privacy.put("consents", consents.of(personId));
        privacy.put("sharingDecisions", sharing.of(personId));
        privacy.put("concerns", concerns.of(personId));
        privacy.put("emergencyAccess", emergency.of(personId));
        privacy.put("questionsAboutTheLog", auditLog.questions(personId));
        privacy.put("restriction", restriction(personId));
        out.put("privacy", privacy);
        Set<String> claimed = new HashSet<>(NOT_SWEPT);
        Map<String, Object> modules = new LinkedHashMap<>();
        exports.orderedStream().forEach(e -> {
            claimed.addAll(e.tables());
            modules.put(e.section(), e.export(personId));
        });
        out.put("modules", modules);
        Map<String, Object> records = new LinkedHashMap<>();
        for (String table : personTables()) {
            if (!claimed.contains(table)) {
                records.put(table, rows("select row_to_json(t)::text from " + quote(table) + " t where person_id = ?", personId));
            }
        }
        out.put("records", records);
        out.put("accessLog", auditLog.whoLooked(personId, 1000));
        audit.event(user, personId, "EXPORT", "export", "RIGHT_OF_ACCESS " + person.id());
        return out;
    }

    public Restriction restriction(UUID personId) {
        return jdbc.sql("select reason, since from processing_restriction where person_id = ?").param(personId)
                .query((rs, i) -> new Restriction(rs.getString(1), rs.getTimestamp(2).toInstant())).optional().orElse(null);
    }

    /** Restricts processing: from now on the file can be read by the person and the team, changed by no one. */
    @Transactional
    public void restrict(UUID personId, String reason) {
        var person = directory.person(personId);
        access.require(personId, Part.RESTRICTION, AccessKind.WRITE_AS_PERSON);
        if (reason == null || reason.isBlank()) {
            throw new RuleViolation("reason", "validation.required");
        }
        jdbc.sql("""
                insert into processing_restriction (person_id, organisation_id, reason, requested_by) values (?, ?, ?, ?)
                on conflict (person_id) do nothing""")
                .params(personId, person.organisationId(), reason.strip(), CurrentUser.get().id()).update();
        audit.event(CurrentUser.get(), personId, "RESTRICT", "restriction", "RESTRICTED");
        access.decideAfresh(personId);
    }

    /** Lifts a restriction: the person themself, or a member of their team. */
    @Transactional
    public void lift(UUID personId) {
        directory.person(personId);
        access.read(personId, Part.RESTRICTION);
        CurrentUser user = CurrentUser.get();
        if (!user.isPersonHimself(personId) && !team.personsOf(user.id()).contains(personId)) {
            audit.refused(user, personId, AccessKind.WRITE, "restriction", "access.refused.notInTeam");
            throw new AccessRefused("access.refused.notInTeam");
        }
        jdbc.sql("delete from processing_restriction where person_id = ?").param(personId).update();
        audit.event(user, personId, "RESTRICT", "restriction", "LIFTED");
        access.decideAfresh(personId);
    }

    public Retention retention(UUID organisationId) {
        return new Retention(organisationId, jdbc.sql("select file_years from retention_policy where organisation_id = ?")
                .param(organisationId).query(Integer.class).optional().orElse(defaultYears));
    }

    /** An administrator sets the legal retention period of their organisation. */
    @Transactional
    public void setRetention(int fileYears) {
        CurrentUser user = CurrentUser.get();
        if (!user.is(Role.ADMINISTRATOR)) {
            audit.refused(user, null, AccessKind.WRITE, "retention", "access.refused.adminOnly");
            throw new AccessRefused("access.refused.adminOnly");
        }
        if (fileYears < 0 || fileYears > 100) {
            throw new RuleViolation("fileYears", "retention.range");
        }
        jdbc.sql("""
                insert into retention_policy (organisation_id, file_years, updated_by) values (?, ?, ?)
                on conflict (organisation_id) do update set file_years = excluded.file_years,
                  updated_by = excluded.updated_by, updated_at = now(), version = retention_policy.version + 1""")
                .params(user.organisationId(), fileYears, user.id()).update();
    }

    /** The first day the file may be erased, given the day support ended. */
    public LocalDate erasableFrom(UUID organisationId, LocalDate supportEndedOn) {
        return supportEndedOn.plusYears(retention(organisationId).fileYears());
    }

    /**
     * Erases the person's file once the retention period after the end of support has passed: the
     * team's data about them, every module's data, and the identifying fields of the person record
     * and account. The audit log stays, pseudonymised (ids only).
     */
    @Transactional
    public void erase(UUID personId, LocalDate supportEndedOn) {
        var person = directory.person(personId);
        access.read(personId, Part.ERASURE);
        if (!team.personsOf(CurrentUser.get().id()).contains(personId)) {
            audit.refused(CurrentUser.get(), personId, AccessKind.WRITE, "erasure", "access.refused.notInTeam");
            throw new AccessRefused("access.refused.notInTeam");
        }
        if (supportEndedOn == null || supportEndedOn.isAfter(LocalDate.now())) {
            throw new RuleViolation("supportEndedOn", "erasure.supportNotEnded");
        }
        LocalDate from = erasableFrom(person.organisationId(), supportEndedOn);
        if (from.isAfter(LocalDate.now())) {
            throw new RuleViolation("supportEndedOn", "erasure.withinRetention", from.toString());
        }
        CurrentUser user = CurrentUser.get();
        audit.event(user, personId, "ERASE", "erasure", "RETENTION_PASSED " + supportEndedOn);
        // lets the append-only histories (network, signed plan versions) be deleted in this transaction only
        jdbc.sql("select set_config('samenkracht.erasure', 'on', true)").query(String.class).single();
        Set<String> claimed = new HashSet<>(NOT_SWEPT);
        erasures.orderedStream().forEach(e -> {
            claimed.addAll(e.tables());
            e.erase(personId);
        });
        for (String table : List.of("sharing_decision", "concern", "consent", "emergency_access", "privacy_notification",
                "audit_question", "care_team_disclosure", "processing_restriction", "care_team_member")) {
            jdbc.sql("delete from " + table + " where person_id = ?").param(personId).update();
        }
        List<String> left = new ArrayList<>(personTables().stream().filter(t -> !claimed.contains(t)).toList());
        // Delete table by table; a row still referenced by another table is retried after that one went.
        for (int pass = 0; pass <= left.size() && !left.isEmpty(); pass++) {
            left.removeIf(table -> Boolean.TRUE.equals(nested.execute(tx -> {
                try {
                    jdbc.sql("delete from " + quote(table) + " where person_id = ?").param(personId).update();
                    return true;
                } catch (DataIntegrityViolationException e) {
                    tx.setRollbackOnly();
                    return false;
                }
            })));
        }
        if (!left.isEmpty()) {
            throw new IllegalStateException("could not erase " + left);
        }
        // the person record and the person's own account belong to the person and identity modules
        directory.eraseRecord(personId);
        accounts.eraseAccountsOf(personId);
        jdbc.sql("insert into erasure (person_id, organisation_id, support_ended_on, erased_by) values (?, ?, ?, ?)")
                .params(personId, person.organisationId(), supportEndedOn, user.id()).update();
    }

    private List<String> personTables() {
        return jdbc.sql("""
                select c.table_name from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema = current_schema() and c.column_name = 'person_id' and t.table_type = 'BASE TABLE'
                order by c.table_name""").query(String.class).list();
    }

    private List<Object> rows(String sql, UUID personId) {
        return jdbc.sql(sql).param(personId).query(String.class).list().stream()
                .map(s -> (Object) json.readValue(s, Map.class)).toList();
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
