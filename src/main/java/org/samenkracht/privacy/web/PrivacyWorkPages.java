package org.samenkracht.privacy.web;

import jakarta.servlet.http.HttpServletRequest;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.privacy.AuditLog;
import org.samenkracht.privacy.CareTeam;
import org.samenkracht.privacy.EmergencyAccess;
import org.samenkracht.privacy.PersonRights;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.UUID;

/**
 * Privacy work outside one file: emergency access (a professional outside the team), the coach's
 * caseload figures and reviews, and the administrator's audit verification and retention period.
 */
@Controller
@RequestMapping("/privacy")
class PrivacyWorkPages {

    private final EmergencyAccess emergency;
    private final CareTeam team;
    private final AuditLog auditLog;
    private final PersonRights rights;
    private final org.samenkracht.privacy.Notifications notifications;

    PrivacyWorkPages(EmergencyAccess emergency, CareTeam team, AuditLog auditLog, PersonRights rights,
                     org.samenkracht.privacy.Notifications notifications) {
        this.notifications = notifications;
        this.emergency = emergency;
        this.team = team;
        this.auditLog = auditLog;
        this.rights = rights;
    }

    @GetMapping("/emergency")
    String emergencyForm(Model model) {
        model.addAttribute("mine", emergency.mine());
        model.addAttribute("toDecide", emergency.toDecide());
        return "privacy/emergency";
    }

    @PostMapping("/emergency")
    String openEmergency(@RequestParam(required = false) String personId, @RequestParam(required = false) String reason) {
        UUID person;
        try {
            person = UUID.fromString(personId == null ? "" : personId.strip());
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("personId", "emergency.personIdInvalid");
        }
        var opened = emergency.open(person, reason);
        // asked of the team (another organisation): nothing opened yet; back to the list with the question in it
        return opened.status() == EmergencyAccess.Status.OPEN ? "redirect:/persons/" + person : "redirect:/privacy/emergency?asked";
    }

    @GetMapping("/notifications")
    String notifications(Model model) {
        model.addAttribute("notifications", notifications.mine());
        return "privacy/notifications";
    }

    @GetMapping("/team")
    String teamWork(Model model) {
        model.addAttribute("figures", team.caseloadFigures());
        model.addAttribute("toReview", emergency.toReview());
        return "privacy/team";
    }

    @GetMapping("/audit")
    String audit(Model model) {
        model.addAttribute("verification", auditLog.verify());
        model.addAttribute("retention", rights.retention(CurrentUser.get().organisationId()));
        return "privacy/audit";
    }

    @PostMapping("/retention")
    String retention(@RequestParam(required = false) Integer fileYears) {
        if (fileYears == null) {
            throw new RuleViolation("fileYears", "retention.range");
        }
        rights.setRetention(fileYears);
        return "redirect:/privacy/audit";
    }
}
