package org.samenkracht.privacy.web;

import jakarta.validation.Valid;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.AuditLog;
import org.samenkracht.privacy.CareTeam;
import org.samenkracht.privacy.Concerns;
import org.samenkracht.privacy.Consents;
import org.samenkracht.privacy.EmergencyAccess;
import org.samenkracht.privacy.Information;
import org.samenkracht.privacy.PersonAccess;
import org.samenkracht.privacy.PersonRights;
import org.samenkracht.privacy.SharedSecrecyPolicy;
import org.samenkracht.privacy.SharingDecisions;
import org.samenkracht.privacy.PersonDirectory;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A person's privacy tab: the team and its disclosure, consents, sharing decisions, concerns,
 * emergency accesses, and the person's rights. The person sees it too, from their own account, and
 * revokes a consent there.
 */
@Controller
@RequestMapping("/persons/{id}/privacy")
class PrivacyPages {

    private final PersonDirectory directory;
    private final org.samenkracht.privacy.NetworkDirectory network;
    private final PersonAccess access;
    private final CareTeam team;
    private final Consents consents;
    private final SharingDecisions sharing;
    private final Concerns concerns;
    private final EmergencyAccess emergency;
    private final AuditLog auditLog;
    private final PersonRights rights;
    private final Accounts accounts;

    PrivacyPages(PersonDirectory directory, org.samenkracht.privacy.NetworkDirectory network, PersonAccess access, CareTeam team, Consents consents, SharingDecisions sharing,
                 Concerns concerns, EmergencyAccess emergency, AuditLog auditLog, PersonRights rights, Accounts accounts) {
        this.directory = directory;
        this.network = network;
        this.access = access;
        this.team = team;
        this.consents = consents;
        this.sharing = sharing;
        this.concerns = concerns;
        this.emergency = emergency;
        this.auditLog = auditLog;
        this.rights = rights;
        this.accounts = accounts;
    }

    @GetMapping
    String page(@PathVariable UUID id, Model model) {
        fill(id, model, Consents.GiveConsent.empty(), SharingDecisions.ShareRequest.empty());
        return "privacy/privacy";
    }

    @PostMapping("/team")
    String addMember(@PathVariable UUID id, @RequestParam(required = false) UUID userId,
                     @RequestParam(defaultValue = "PROFESSIONAL") CareTeam.TeamRole teamRole,
                     @RequestParam(required = false) String assignment) {
        if (userId == null) {
            throw new RuleViolation("userId", "validation.choice");
        }
        team.add(id, userId, teamRole, assignment);
        return "redirect:/persons/" + id + "/privacy#team";
    }

    @PostMapping("/disclosure")
    String disclose(@PathVariable UUID id,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate disclosedOn,
                    @RequestParam(defaultValue = "CONVERSATION") CareTeam.DisclosedHow how) {
        team.recordDisclosure(id, disclosedOn, how);
        return "redirect:/persons/" + id + "/privacy#team";
    }

    @PostMapping("/consents")
    String give(@PathVariable UUID id, @Valid @ModelAttribute("consentForm") Consents.GiveConsent form,
                BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            fill(id, model, form, SharingDecisions.ShareRequest.empty());
            return "privacy/privacy";
        }
        consents.give(id, form);
        return "redirect:/persons/" + id + "/privacy#consents";
    }

    @PostMapping("/consents/{consentId}/revoke")
    String revoke(@PathVariable UUID id, @PathVariable UUID consentId) {
        consents.revoke(id, consentId);
        return "redirect:/persons/" + id + "/privacy#consents";
    }

    @PostMapping("/sharing")
    String share(@PathVariable UUID id, @Valid @ModelAttribute("shareForm") SharingDecisions.ShareRequest form,
                 BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            fill(id, model, Consents.GiveConsent.empty(), form);
            return "privacy/privacy";
        }
        sharing.decide(id, form);
        return "redirect:/persons/" + id + "/privacy#sharing";
    }

    @PostMapping("/concerns")
    String raise(@PathVariable UUID id, @RequestParam(required = false) String description) {
        concerns.raise(id, description);
        return "redirect:/persons/" + id + "/privacy#concerns";
    }

    @PostMapping("/acute-danger")
    String acute(@PathVariable UUID id, @RequestParam(required = false) String description,
                 @RequestParam(required = false) String actionTaken, @RequestParam(required = false) String whoWasCalled) {
        concerns.recordAcuteDanger(id, description, actionTaken, whoWasCalled);
        return "redirect:/persons/" + id + "/privacy#concerns";
    }

    @PostMapping("/concerns/{concernId}/{step}")
    String step(@PathVariable UUID id, @PathVariable UUID concernId, @PathVariable String step,
                @RequestParam(defaultValue = "0") int version, @RequestParam(required = false) String note,
                @RequestParam(required = false) String deliberationRef, @RequestParam(required = false) String recipient,
                @RequestParam(required = false) String information) {
        switch (step) {
            case "shared-with-family" -> concerns.shareWithFamily(id, concernId, version, note);
            case "weighing" -> concerns.weigh(id, concernId, version, note, deliberationRef);
            case "step-outside" -> concerns.stepOutside(id, concernId, version, recipient, information, note);
            case "review" -> concerns.review(id, concernId, version, note);
            default -> throw new org.samenkracht.common.domain.NotFound("step");
        }
        return "redirect:/persons/" + id + "/privacy#concerns";
    }

    /** The team decides on emergency access asked by someone of another organisation (issue 14). */
    @PostMapping("/emergency/{grantId}/decision")
    String decideEmergency(@PathVariable UUID id, @PathVariable UUID grantId,
                           @RequestParam(required = false) Boolean approve, @RequestParam(required = false) String note) {
        if (approve == null) {
            throw new RuleViolation("approve", "validation.choice");
        }
        emergency.decide(id, grantId, approve, note);
        return "redirect:/persons/" + id + "/privacy#emergency";
    }

    @PostMapping("/emergency/{grantId}/review")
    String reviewEmergency(@PathVariable UUID id, @PathVariable UUID grantId, @RequestParam(required = false) String note) {
        emergency.review(id, grantId, note);
        return "redirect:/persons/" + id + "/privacy#emergency";
    }

    @PostMapping("/questions/{questionId}/answer")
    String answer(@PathVariable UUID id, @PathVariable UUID questionId, @RequestParam(required = false) String answer) {
        auditLog.answer(id, questionId, answer);
        return "redirect:/persons/" + id + "/privacy#questions";
    }

    @PostMapping("/restriction")
    String restrict(@PathVariable UUID id, @RequestParam(required = false) String reason) {
        rights.restrict(id, reason);
        return "redirect:/persons/" + id + "/privacy#rights";
    }

    @PostMapping("/restriction/lift")
    String lift(@PathVariable UUID id) {
        rights.lift(id);
        return "redirect:/persons/" + id + "/privacy#rights";
    }

    @PostMapping("/erasure")
    String erase(@PathVariable UUID id,
                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate supportEndedOn) {
        rights.erase(id, supportEndedOn);
        return "redirect:/persons";
    }

    private void fill(UUID id, Model model, Consents.GiveConsent consentForm, SharingDecisions.ShareRequest shareForm) {
        var person = directory.person(id);
        CurrentUser user = CurrentUser.get();
        model.addAttribute("person", person);
        model.addAttribute("consents", consents.of(id));
        model.addAttribute("team", team.members(id));
        model.addAttribute("grants", team.grants(id));
        model.addAttribute("endedGrants", team.endedGrants(id));
        model.addAttribute("disclosure", team.disclosure(id).orElse(null));
        model.addAttribute("decisions", sharing.of(id));
        model.addAttribute("concerns", concerns.of(id));
        model.addAttribute("emergencies", emergency.of(id));
        model.addAttribute("questions", auditLog.questions(id));
        model.addAttribute("restriction", rights.restriction(id));
        boolean isTeam = access.may(id, Part.CONSENTS, AccessKind.WRITE) || (rights.restriction(id) != null
                && team.personsOf(user.id()).contains(id));
        model.addAttribute("isTeam", isTeam);
        // A team member of a restricted file reads it but changes nothing: the forms show only what the gate allows.
        model.addAttribute("mayChangeTeam", access.may(id, Part.CARE_TEAM, AccessKind.WRITE));
        model.addAttribute("mayShare", access.may(id, Part.SHARING_DECISIONS, AccessKind.WRITE));
        model.addAttribute("mayConcern", access.may(id, Part.CONCERNS, AccessKind.WRITE));
        model.addAttribute("mayReviewEmergency", access.may(id, Part.EMERGENCY_ACCESS, AccessKind.WRITE));
        model.addAttribute("mayDecideEmergency", emergency.mayDecide(id));
        model.addAttribute("mayAnswer", access.may(id, Part.AUDIT_LOG, AccessKind.WRITE));
        model.addAttribute("isSelf", user.isPersonHimself(id));
        model.addAttribute("mayAsPerson", access.may(id, Part.CONSENTS, AccessKind.WRITE_AS_PERSON));
        model.addAttribute("members", network.members(id));
        model.addAttribute("colleagues", isTeam ? accounts.professionals(user.organisationId()) : java.util.List.of());
        model.addAttribute("informationChoices", Information.choosable());
        model.addAttribute("recipientKinds", Consents.RecipientKind.values());
        model.addAttribute("givenHows", Consents.GivenHow.values());
        model.addAttribute("givenBys", Consents.GivenBy.values());
        model.addAttribute("teamRoles", CareTeam.TeamRole.values());
        model.addAttribute("disclosedHows", CareTeam.DisclosedHow.values());
        model.addAttribute("shareKinds", SharedSecrecyPolicy.RecipientKind.values());
        model.addAttribute("roles", new Role[]{Role.PROFESSIONAL, Role.COACH, Role.NETWORK_MEMBER});
        model.addAttribute("consentForm", consentForm);
        model.addAttribute("shareForm", shareForm);
        model.addAttribute("today", LocalDate.now());
    }
}
