package org.samenkracht.privacy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.privacy.AuditLog;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.CareTeam;
import org.samenkracht.privacy.Concerns;
import org.samenkracht.privacy.Consents;
import org.samenkracht.privacy.EmergencyAccess;
import org.samenkracht.privacy.PersonRights;
import org.samenkracht.privacy.SharingDecisions;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Privacy", description = "Care team, consent, sharing decisions, concerns, emergency access, audit, rights")
class PrivacyApi {

    record AddMember(@NotNull UUID userId, @NotNull CareTeam.TeamRole teamRole, String assignment) {
    }

    record Disclosure(LocalDate disclosedOn, CareTeam.DisclosedHow how) {
    }

    record Text(String text) {
    }

    record ConcernStep(int version, String note, String deliberationRef, String recipient, String information) {
    }

    record Acute(String description, String actionTaken, String whoWasCalled) {
    }

    record Erase(LocalDate supportEndedOn) {
    }

    record Retention(Integer fileYears) {
    }

    /**
     * The team, when it was made known, and who sees a part of the file without being in the team (grants, for
     * example a support group's coach: who, on which ground, which parts, since when) and whose grant ended (until
     * when), as the privacy page shows them.
     */
    record TeamView(List<CareTeam.Member> members, CareTeam.Disclosure disclosure, List<CareTeam.Grant> grants,
                    List<CareTeam.EndedGrant> endedGrants) {
    }

    private TeamView teamView(UUID id) {
        return new TeamView(team.members(id), team.disclosure(id).orElse(null), team.grants(id), team.endedGrants(id));
    }

    private final CareTeam team;
    private final Consents consents;
    private final SharingDecisions sharing;
    private final Concerns concerns;
    private final EmergencyAccess emergency;
    private final AuditLog auditLog;
    private final PersonRights rights;
    private final org.samenkracht.privacy.PersonAccess access;

    PrivacyApi(CareTeam team, Consents consents, SharingDecisions sharing, Concerns concerns, EmergencyAccess emergency,
               AuditLog auditLog, PersonRights rights, org.samenkracht.privacy.PersonAccess access) {
        this.team = team;
        this.consents = consents;
        this.sharing = sharing;
        this.concerns = concerns;
        this.emergency = emergency;
        this.auditLog = auditLog;
        this.rights = rights;
        this.access = access;
    }

    @GetMapping("/persons/{id}/care-team")
    @Operation(summary = "The care team and when it was made known to the person")
    TeamView careTeam(@PathVariable UUID id) {
        access.read(id, Part.CARE_TEAM);
        return teamView(id);
    }

    @PostMapping("/persons/{id}/care-team")
    @ResponseStatus(HttpStatus.CREATED)
    TeamView addMember(@PathVariable UUID id, @RequestBody AddMember body) {
        team.add(id, body.userId(), body.teamRole() == null ? CareTeam.TeamRole.PROFESSIONAL : body.teamRole(), body.assignment());
        return teamView(id);
    }

    @PutMapping("/persons/{id}/care-team/disclosure")
    TeamView disclose(@PathVariable UUID id, @RequestBody Disclosure body) {
        team.recordDisclosure(id, body.disclosedOn(), body.how() == null ? CareTeam.DisclosedHow.CONVERSATION : body.how());
        return teamView(id);
    }

    @GetMapping("/persons/{id}/consents")
    List<Consents.ConsentView> consents(@PathVariable UUID id) {
        return consents.of(id);
    }

    @PostMapping("/persons/{id}/consents")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> give(@PathVariable UUID id, @Valid @RequestBody Consents.GiveConsent body) {
        return Map.of("id", consents.give(id, body));
    }

    @PostMapping("/persons/{id}/consents/{consentId}/revoke")
    @Operation(summary = "Revoke a consent; it no longer counts from the next request on")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID id, @PathVariable UUID consentId) {
        consents.revoke(id, consentId);
    }

    @GetMapping("/persons/{id}/sharing-decisions")
    List<SharingDecisions.DecisionView> decisions(@PathVariable UUID id) {
        return sharing.of(id);
    }

    @PostMapping("/persons/{id}/sharing-decisions")
    @Operation(summary = "Ask to share outside the care team; the rules decide, the decision is kept either way")
    @ResponseStatus(HttpStatus.CREATED)
    SharingDecisions.DecisionView decide(@PathVariable UUID id, @Valid @RequestBody SharingDecisions.ShareRequest body) {
        return sharing.decide(id, body);
    }

    @GetMapping("/persons/{id}/concerns")
    List<Concerns.ConcernView> concerns(@PathVariable UUID id) {
        return concerns.of(id);
    }

    @PostMapping("/persons/{id}/concerns")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> raise(@PathVariable UUID id, @RequestBody Text body) {
        return Map.of("id", concerns.raise(id, body.text()));
    }

    @PostMapping("/persons/{id}/acute-danger")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> acute(@PathVariable UUID id, @RequestBody Acute body) {
        return Map.of("id", concerns.recordAcuteDanger(id, body.description(), body.actionTaken(), body.whoWasCalled()));
    }

    @PostMapping("/persons/{id}/concerns/{concernId}/{step}")
    @Operation(summary = "A step on the concern route: shared-with-family, weighing, step-outside or review")
    Object step(@PathVariable UUID id, @PathVariable UUID concernId, @PathVariable String step, @RequestBody ConcernStep body) {
        switch (step) {
            case "shared-with-family" -> concerns.shareWithFamily(id, concernId, body.version(), body.note());
            case "weighing" -> concerns.weigh(id, concernId, body.version(), body.note(), body.deliberationRef());
            case "step-outside" -> {
                return concerns.stepOutside(id, concernId, body.version(), body.recipient(), body.information(), body.note());
            }
            case "review" -> concerns.review(id, concernId, body.version(), body.note());
            default -> throw new org.samenkracht.common.domain.NotFound("step");
        }
        return concerns.of(id).stream().filter(c -> c.id().equals(concernId)).findFirst().orElseThrow();
    }

    @GetMapping("/persons/{id}/emergency-access")
    List<EmergencyAccess.Grant> emergencies(@PathVariable UUID id) {
        return emergency.of(id);
    }

    @PostMapping("/persons/{id}/emergency-access")
    @Operation(summary = "Open a file in an emergency (outside the team): time-limited, flagged, reviewed. "
            + "201 OPEN for a professional of an organisation already taking part in the person's support; "
            + "202 ASKED for anyone else: nothing opens until the person's team approves")
    org.springframework.http.ResponseEntity<EmergencyAccess.Opened> openEmergency(@PathVariable UUID id, @RequestBody Text body) {
        EmergencyAccess.Opened opened = emergency.open(id, body.text());
        return org.springframework.http.ResponseEntity
                .status(opened.status() == EmergencyAccess.Status.OPEN ? HttpStatus.CREATED : HttpStatus.ACCEPTED).body(opened);
    }

    /** approve: true opens the file to the one who asked (from now, for the usual time); false refuses (a note is required). */
    public record EmergencyDecision(Boolean approve, String note) {
    }

    @PostMapping("/persons/{id}/emergency-access/{grantId}/decision")
    @Operation(summary = "The person's team (coach, or the organisation's professional on duty) approves or refuses "
            + "emergency access asked by someone of another organisation; the person is told afterwards")
    EmergencyAccess.Grant decideEmergency(@PathVariable UUID id, @PathVariable UUID grantId, @RequestBody EmergencyDecision body) {
        if (body.approve() == null) {
            throw new org.samenkracht.common.domain.RuleViolation("approve", "validation.choice");
        }
        return emergency.decide(id, grantId, body.approve(), body.note());
    }

    @GetMapping("/emergency-access/to-decide")
    @Operation(summary = "Emergency access asked by another organisation that waits for the caller's decision")
    List<EmergencyAccess.Grant> emergenciesToDecide() {
        return emergency.toDecide();
    }

    @GetMapping("/emergency-access/mine")
    @Operation(summary = "The caller's own emergency access, open or asked")
    List<EmergencyAccess.Grant> myEmergencies() {
        return emergency.mine();
    }

    @PostMapping("/persons/{id}/emergency-access/{grantId}/review")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reviewEmergency(@PathVariable UUID id, @PathVariable UUID grantId, @RequestBody Text body) {
        emergency.review(id, grantId, body.text());
    }

    @GetMapping("/persons/{id}/access-log")
    @Operation(summary = "Who read or changed the person's file, and who was refused")
    List<AuditLog.Entry> accessLog(@PathVariable UUID id, @RequestParam(defaultValue = "200") int limit) {
        return auditLog.whoLooked(id, limit);
    }

    /**
     * The JSON twin of the "who looked" page: the same read model, grouped per actor, day, kind, part
     * and ground, with the same filters and pages; refusals and emergency openings always in
     * {@code flagged}. A filter value that does not parse is answered 400 naming the parameter.
     */
    @GetMapping("/persons/{id}/access-log/grouped")
    @Operation(summary = "Who looked, grouped per person, day and purpose, filtered and paged like the page "
            + "(refusals and emergency openings always listed in 'flagged')")
    AuditLog.GroupPage accessLogGrouped(@PathVariable UUID id,
            @io.swagger.v3.oas.annotations.Parameter(description = "only lines of this actor (an account id)")
            @RequestParam(required = false) UUID who,
            @io.swagger.v3.oas.annotations.Parameter(description = "only lines about this kind of information")
            @RequestParam(required = false) org.samenkracht.privacy.Information what,
            @io.swagger.v3.oas.annotations.Parameter(description = "only lines of this kind of access")
            @RequestParam(required = false) AuditLog.LookKind kind,
            @io.swagger.v3.oas.annotations.Parameter(description = "include what the person did themself")
            @RequestParam(defaultValue = "false") boolean own,
            @io.swagger.v3.oas.annotations.Parameter(description = "the page, from 1; "
                    + AuditLog.PAGE_SIZE + " lines a page")
            @RequestParam(defaultValue = "1") @jakarta.validation.constraints.Min(1) int page) {
        return auditLog.whoLookedGrouped(id, new AuditLog.Filter(who, what, kind, own), page);
    }

    @GetMapping("/persons/{id}/access-log/questions")
    List<AuditLog.Question> questions(@PathVariable UUID id) {
        return auditLog.questions(id);
    }

    @PostMapping("/persons/{id}/access-log/{eventId}/questions")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, UUID> ask(@PathVariable UUID id, @PathVariable long eventId, @RequestBody Text body) {
        return Map.of("id", auditLog.ask(id, eventId, body.text()));
    }

    /** The team's answer to a question the person asked about a line of the access log. */
    record Answer(String answer) {
    }

    @PostMapping("/persons/{id}/access-log/questions/{questionId}/answer")
    @Operation(summary = "Answer a question the person asked about the access log (the team); an empty answer: 422 naming "
            + "answer; a question about another person: 404")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void answer(@PathVariable UUID id, @PathVariable UUID questionId, @RequestBody Answer body) {
        auditLog.answer(id, questionId, body.answer());
    }

    @GetMapping("/persons/{id}/export")
    @Operation(summary = "Everything kept about the person, machine-readable (the PDF is at /persons/{id}/export.pdf)")
    Map<String, Object> export(@PathVariable UUID id) {
        return rights.export(id);
    }

    @PostMapping("/persons/{id}/restriction")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void restrict(@PathVariable UUID id, @RequestBody Text body) {
        rights.restrict(id, body.text());
    }

    @DeleteMapping("/persons/{id}/restriction")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void lift(@PathVariable UUID id) {
        rights.lift(id);
    }

    @PostMapping("/persons/{id}/erasure")
    @Operation(summary = "Erase the file once the retention period after the end of support has passed")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void erase(@PathVariable UUID id, @RequestBody Erase body) {
        rights.erase(id, body.supportEndedOn());
    }

    @GetMapping("/caseload-figures")
    @Operation(summary = "Caseload figures per colleague, without names of persons (coaches, administrators)")
    List<CareTeam.CaseloadFigure> figures() {
        return team.caseloadFigures();
    }

    @GetMapping("/audit/verification")
    @Operation(summary = "Verify the sealed audit log: the first bad entry and the kind of damage (administrators)")
    AuditLog.Verification verify() {
        return auditLog.verify();
    }

    @PutMapping("/organisation/retention")
    PersonRights.Retention retention(@RequestBody Retention body) {
        if (body.fileYears() == null) {
            throw new org.samenkracht.common.domain.RuleViolation("fileYears", "retention.range");
        }
        rights.setRetention(body.fileYears());
        return rights.retention(CurrentUser.get().organisationId());
    }
}
