package org.samenkracht.team.web;

import jakarta.servlet.http.HttpServletResponse;
import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.samenkracht.person.Persons;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.samenkracht.team.Caseloads;
import org.samenkracht.team.Handovers;
import org.samenkracht.team.ReviewRules;
import org.samenkracht.team.Reviews;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Caseload as bandwidth; per person the warm handover and the reviews of the trajectory. */
@Controller
class TeamPages {

    private final Caseloads caseloads;
    private final Handovers handovers;
    private final Reviews reviews;
    private final Persons persons;
    private final Accounts accounts;
    private final PersonAccess access;
    private final Forms forms;

    TeamPages(Caseloads caseloads, Handovers handovers, Reviews reviews, Persons persons, Accounts accounts,
              PersonAccess access, Forms forms) {
        this.caseloads = caseloads;
        this.handovers = handovers;
        this.reviews = reviews;
        this.persons = persons;
        this.accounts = accounts;
        this.access = access;
        this.forms = forms;
    }

    @GetMapping("/team/caseload")
    String caseload(Model model) {
        return caseloadPage(model, true);
    }

    @PostMapping("/team/bandwidth")
    String agree(@RequestParam(required = false) BigDecimal pointsPerProfessional, @RequestParam(required = false) Integer version,
                 @RequestParam Map<String, String> typed, Model model, HttpServletResponse response) {
        var command = new Caseloads.Agree(pointsPerProfessional, version);
        List<String> problems = forms.run(command, () -> caseloads.agree(command));
        if (problems.isEmpty()) {
            return "redirect:/team/caseload";
        }
        return forms.refused(problems, typed, model, response, () -> caseloadPage(model, false));
    }

    @GetMapping("/persons/{id}/handovers")
    String person(@PathVariable UUID id, Model model) {
        return personPage(id, model);
    }

    @PostMapping("/persons/{id}/handovers")
    String propose(@PathVariable UUID id, @RequestParam(required = false) UUID toId, @RequestParam(required = false) String reason,
                   @RequestParam(required = false) String phaseOut, @RequestParam Map<String, String> typed, Model model,
                   HttpServletResponse response) {
        var command = new Handovers.Propose(toId, reason, phaseOut);
        return after(id, typed, model, response, forms.run(command, () -> handovers.propose(id, command)));
    }

    @PostMapping("/persons/{id}/handovers/{hid}/conversation")
    String conversation(@PathVariable UUID id, @PathVariable UUID hid, @RequestParam(required = false) LocalDate heldOn,
                        @RequestParam(required = false) String note, @RequestParam(required = false) Integer version,
                        @RequestParam Map<String, String> typed, Model model, HttpServletResponse response) {
        var command = new Handovers.Conversation(heldOn, note, version);
        return after(id, typed, model, response, forms.run(command, () -> handovers.recordConversation(id, hid, command)));
    }

    @PostMapping("/persons/{id}/handovers/{hid}/accept")
    String accept(@PathVariable UUID id, @PathVariable UUID hid, @RequestParam(required = false) String remark,
                  @RequestParam(required = false) Integer version, @RequestParam Map<String, String> typed, Model model,
                  HttpServletResponse response) {
        var command = new Handovers.Sign(remark, null, version);
        return after(id, typed, model, response, forms.run(command, () -> handovers.accept(id, hid, command)));
    }

    @PostMapping("/persons/{id}/handovers/{hid}/sign")
    String sign(@PathVariable UUID id, @PathVariable UUID hid, @RequestParam(required = false) String remark,
                @RequestParam(required = false) String onBehalf, @RequestParam(required = false) Integer version,
                @RequestParam Map<String, String> typed, Model model, HttpServletResponse response) {
        var command = new Handovers.Sign(remark, onBehalf, version);
        List<String> problems = forms.run(command, () -> handovers.signAsPerson(id, hid, command));
        if (problems.isEmpty() && !access.may(id, Part.HANDOVERS, AccessKind.READ)) {
            return "redirect:/";  // the one who signed on the person's behalf was the old worker: their part has ended
        }
        return after(id, typed, model, response, problems);
    }

    @PostMapping("/persons/{id}/handovers/{hid}/withdraw")
    String withdraw(@PathVariable UUID id, @PathVariable UUID hid, @RequestParam(required = false) Integer version,
                    @RequestParam Map<String, String> typed, Model model, HttpServletResponse response) {
        return after(id, typed, model, response, forms.run(null, () -> handovers.withdraw(id, hid, version == null ? -1 : version)));
    }

    @PostMapping("/persons/{id}/reviews")
    String review(@PathVariable UUID id, @RequestParam(required = false) LocalDate heldOn,
                  @RequestParam(required = false) ReviewRules.Viewpoint decider,
                  @RequestParam(required = false) String phaseOutPlan, @RequestParam(required = false) LocalDate phaseOutUntil,
                  @RequestParam Map<String, String> typed, Model model, HttpServletResponse response) {
        List<Reviews.ViewInput> views = new ArrayList<>();
        for (ReviewRules.Viewpoint v : ReviewRules.Viewpoint.values()) {
            String text = typed.get("view_" + v.name());
            String proposal = typed.get("proposal_" + v.name());
            if (text != null && !text.isBlank()) {
                ReviewRules.Outcome outcome = null;
                try {
                    outcome = proposal == null || proposal.isBlank() ? null : ReviewRules.Outcome.valueOf(proposal);
                } catch (IllegalArgumentException e) {
                    outcome = null;
                }
                views.add(new Reviews.ViewInput(v, text, outcome));
            }
        }
        var command = new Reviews.Record(heldOn, decider, views, phaseOutPlan, phaseOutUntil);
        return after(id, typed, model, response, forms.run(command, () -> reviews.record(id, command)));
    }

    private String after(UUID id, Map<String, String> typed, Model model, HttpServletResponse response, List<String> problems) {
        if (problems.isEmpty()) {
            return "redirect:/persons/" + id + "/handovers";
        }
        return forms.refused(problems, typed, model, response, () -> personPage(id, model));
    }

    private String caseloadPage(Model model, boolean weigh) {
        CurrentUser user = CurrentUser.get();
        if (!user.role().supportsPeople() && !user.is(Role.ADMINISTRATOR)) {
            throw new org.samenkracht.common.domain.AccessRefused("team.refused.staffOnly");
        }
        if (user.role().supportsPeople()) {
            model.addAttribute("mine", caseloads.mine(weigh));
            model.addAttribute("waiting", handovers.waitingForMe());
        }
        if (user.is(Role.COACH) || user.is(Role.ADMINISTRATOR)) {
            model.addAttribute("team", caseloads.team());
        }
        model.addAttribute("isCoach", user.is(Role.COACH));
        return "team/caseload";
    }

    private String personPage(UUID id, Model model) {
        CurrentUser user = CurrentUser.get();
        var person = persons.get(id);
        boolean canWrite = access.may(id, Part.HANDOVERS, AccessKind.WRITE);
        model.addAttribute("person", person);
        model.addAttribute("handoverList", handovers.of(id));
        model.addAttribute("reviewList", reviews.of(id));
        model.addAttribute("canWrite", canWrite);
        model.addAttribute("isPerson", user.isPersonHimself(id));
        model.addAttribute("me", user.id());
        model.addAttribute("viewpoints", ReviewRules.Viewpoint.values());
        model.addAttribute("outcomes", ReviewRules.Outcome.values());
        model.addAttribute("colleagues", canWrite ? accounts.professionals(user.organisationId()).stream()
                .filter(a -> !a.id().equals(user.id()) && a.role() == Role.PROFESSIONAL).toList() : List.of());
        return "team/handovers";
    }
}
