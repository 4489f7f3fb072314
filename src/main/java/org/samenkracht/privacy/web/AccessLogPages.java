package org.samenkracht.privacy.web;

import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.AuditLog;
import org.samenkracht.privacy.PersonAccess;
import org.samenkracht.privacy.internal.PersonDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.UUID;

/** "Who looked at my file": in plain words, newest first, with a question per entry. */
@Controller
@RequestMapping("/persons/{id}/access-log")
class AccessLogPages {

    private final AuditLog auditLog;
    private final PersonDirectory directory;
    private final PersonAccess access;

    AccessLogPages(AuditLog auditLog, PersonDirectory directory, PersonAccess access) {
        this.auditLog = auditLog;
        this.directory = directory;
        this.access = access;
    }

    @GetMapping
    String page(@PathVariable UUID id, @RequestParam(required = false) Long ask,
                @RequestParam(defaultValue = "false") boolean own, Model model) {
        model.addAttribute("entries", auditLog.whoLooked(id, 300, own));
        model.addAttribute("own", own);
        model.addAttribute("person", directory.person(id));
        model.addAttribute("questions", auditLog.questions(id));
        model.addAttribute("mayAsk", access.may(id, Part.AUDIT_LOG, AccessKind.WRITE_AS_PERSON));
        model.addAttribute("ask", ask);
        return "privacy/access-log";
    }

    @PostMapping("/{eventId}/questions")
    String ask(@PathVariable UUID id, @PathVariable long eventId, @RequestParam(required = false) String question) {
        auditLog.ask(id, eventId, question);
        return "redirect:/persons/" + id + "/access-log?asked";
    }
}
