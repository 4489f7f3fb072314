package org.samenkracht.deliberation.web;

import jakarta.servlet.http.HttpServletResponse;
import org.samenkracht.deliberation.SessionRules;
import org.samenkracht.deliberation.Sessions;
import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Coaching and intervision: the sessions, one session round by round, moral burden over time, lessons kept. */
@Controller
class SessionPages {

    private final Sessions sessions;
    private final Accounts accounts;
    private final Forms forms;

    SessionPages(Sessions sessions, Accounts accounts, Forms forms) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.forms = forms;
    }

    @GetMapping("/sessions")
    String list(Model model) {
        return listPage(model);
    }

    @PostMapping("/sessions")
    String create(@RequestParam(required = false) SessionRules.Kind kind, @RequestParam(required = false) LocalDate heldOn,
                  @RequestParam(required = false) String casePseudonym, @RequestParam(required = false) String caseQuestion,
                  @RequestParam(required = false) List<UUID> participantIds, @RequestParam(required = false) UUID deliberationId,
                  @RequestParam Map<String, String> typed, Model model, HttpServletResponse response) {
        var command = new Sessions.NewSession(kind, heldOn, casePseudonym, caseQuestion,
                participantIds == null ? List.of() : participantIds, deliberationId);
        UUID[] created = new UUID[1];
        List<String> problems = forms.run(command, () -> created[0] = sessions.create(command));
        if (problems.isEmpty()) {
            return "redirect:/sessions/" + created[0];
        }
        return forms.refused(problems, typed, model, response, () -> listPage(model));
    }

    @GetMapping("/sessions/{sid}")
    String page(@PathVariable UUID sid, Model model) {
        return sessionPage(sid, model);
    }

    @PostMapping("/sessions/{sid}/rounds")
    String round(@PathVariable UUID sid, @RequestParam(required = false) String round, @RequestParam(required = false) String notes,
                 @RequestParam(required = false) Integer version, @RequestParam Map<String, String> typed, Model model,
                 HttpServletResponse response) {
        var command = new Sessions.RecordRound(round, notes, version);
        return after(sid, typed, model, response, forms.run(command, () -> sessions.recordRound(sid, command)));
    }

    @PostMapping("/sessions/{sid}/close")
    String close(@PathVariable UUID sid, @RequestParam(required = false) String lessons,
                 @RequestParam(required = false) Integer version, @RequestParam Map<String, String> typed, Model model,
                 HttpServletResponse response) {
        var command = new Sessions.Close(lessons, version);
        return after(sid, typed, model, response, forms.run(command, () -> sessions.close(sid, command)));
    }

    @PostMapping("/sessions/{sid}/burden")
    String burden(@PathVariable UUID sid, @RequestParam(required = false) Integer burden,
                  @RequestParam Map<String, String> typed, Model model, HttpServletResponse response) {
        var command = new Sessions.Burden(burden);
        return after(sid, typed, model, response, forms.run(command, () -> sessions.recordBurden(sid, command)));
    }

    private String after(UUID sid, Map<String, String> typed, Model model, HttpServletResponse response, List<String> problems) {
        if (problems.isEmpty()) {
            return "redirect:/sessions/" + sid;
        }
        return forms.refused(problems, typed, model, response, () -> sessionPage(sid, model));
    }

    private String listPage(Model model) {
        CurrentUser user = CurrentUser.get();
        model.addAttribute("sessionList", sessions.list());
        model.addAttribute("burden", sessions.burdenOverTime());
        model.addAttribute("lessons", sessions.lessons());
        model.addAttribute("kinds", SessionRules.Kind.values());
        model.addAttribute("colleagues", accounts.professionals(user.organisationId()).stream()
                .filter(a -> !a.id().equals(user.id())).toList());
        model.addAttribute("incidentMinutes", SessionRules.totalMinutes(SessionRules.Kind.INTERVISION));
        return "deliberation/sessions";
    }

    private String sessionPage(UUID sid, Model model) {
        var s = sessions.get(sid);
        model.addAttribute("s", s);
        UUID me = CurrentUser.get().id();
        model.addAttribute("participant", s.participants().stream().anyMatch(p -> p.accountId().equals(me)));
        return "deliberation/session";
    }
}
