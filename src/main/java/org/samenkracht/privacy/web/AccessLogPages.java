package org.samenkracht.privacy.web;

import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.AuditLog;
import org.samenkracht.privacy.Information;
import org.samenkracht.privacy.PersonAccess;
import org.samenkracht.privacy.PersonDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.UUID;

/**
 * "Who looked at my file": in plain words, newest first, grouped per person, day and purpose, with
 * filters and pages; refusals and emergency openings always on top. A question per line.
 */
@Controller
@RequestMapping("/persons/{id}/access-log")
class AccessLogPages {

    private final AuditLog auditLog;
    private final PersonDirectory directory;
    private final PersonAccess access;

    private final java.util.List<org.samenkracht.privacy.AccessLogNote> notes;

    AccessLogPages(AuditLog auditLog, PersonDirectory directory, PersonAccess access,
                   java.util.List<org.samenkracht.privacy.AccessLogNote> notes) {
        this.notes = notes;
        this.auditLog = auditLog;
        this.directory = directory;
        this.access = access;
    }

    @GetMapping
    String page(@PathVariable UUID id, @RequestParam(required = false) Long ask,
                @RequestParam(defaultValue = "false") boolean own, @RequestParam(required = false) String who,
                @RequestParam(required = false) String what, @RequestParam(required = false) String kind,
                @RequestParam(defaultValue = "1") int page, Model model) {
        // Filters that do not parse mean "all": a shared or old link never ends in an error.
        var filter = new AuditLog.Filter(parse(who, UUID::fromString), parse(what, Information::valueOf),
                parse(kind, AuditLog.LookKind::valueOf), own);
        model.addAttribute("log", auditLog.whoLookedGrouped(id, filter, page));
        model.addAttribute("filter", filter);
        model.addAttribute("parts", Information.values());
        model.addAttribute("kinds", AuditLog.LookKind.values());
        model.addAttribute("person", directory.person(id));
        model.addAttribute("questions", auditLog.questions(id));
        model.addAttribute("notes", notes.stream().flatMap(n -> n.note(id).stream()).toList());
        model.addAttribute("mayAsk", access.may(id, Part.AUDIT_LOG, AccessKind.WRITE_AS_PERSON));
        model.addAttribute("ask", ask);
        return "privacy/access-log";
    }

    private static <T> T parse(String value, java.util.function.Function<String, T> parser) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @PostMapping("/{eventId}/questions")
    String ask(@PathVariable UUID id, @PathVariable long eventId, @RequestParam(required = false) String question) {
        auditLog.ask(id, eventId, question);
        return "redirect:/persons/" + id + "/access-log?asked";
    }
}
