package org.samenkracht.plan.web;

import jakarta.validation.Valid;
import org.samenkracht.common.web.RuleViolation;
import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.network.Network;
import org.samenkracht.person.Persons;
import org.samenkracht.plan.PlanCommands;
import org.samenkracht.plan.Plans;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import java.util.UUID;

@Controller
@RequestMapping("/persons/{personId}/plan")
class PlanPages {

    private final Plans plans;
    private final Persons persons;
    private final Network network;
    private final Accounts accounts;
    private final PersonAccess access;

    PlanPages(Plans plans, Persons persons, Network network, Accounts accounts, PersonAccess access) {
        this.plans = plans;
        this.persons = persons;
        this.network = network;
        this.accounts = accounts;
        this.access = access;
    }

    @GetMapping
    String page(@PathVariable UUID personId, Model model) {
        fill(personId, model);
        return "plan/plan";
    }

    @PostMapping("/start")
    String start(@PathVariable UUID personId) {
        plans.start(personId);
        return "redirect:/persons/" + personId + "/plan";
    }

    @PostMapping("/goals")
    String addGoal(@PathVariable UUID personId, @Valid @ModelAttribute("goalForm") PlanCommands.AddGoal form,
                   BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            fill(personId, model);
            return "plan/plan";
        }
        plans.addGoal(personId, form);
        return "redirect:/persons/" + personId + "/plan";
    }

    @PostMapping("/steps")
    String addStep(@PathVariable UUID personId, @Valid @ModelAttribute("stepForm") PlanCommands.AddStep form,
                   BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                plans.addStep(personId, form);
                return "redirect:/persons/" + personId + "/plan";
            } catch (RuleViolation v) {
                errors.rejectValue(v.field(), v.messageKey(), v.args(), v.messageKey());
            }
        }
        model.addAttribute("stepGoalId", form.goalId());
        fill(personId, model);
        return "plan/plan";
    }

    @PostMapping("/evaluation-date")
    String evaluationDate(@PathVariable UUID personId,
                          @Valid @ModelAttribute("dateForm") PlanCommands.SetEvaluationDate form,
                          BindingResult errors, Model model) {
        if (!errors.hasErrors()) {
            try {
                plans.setEvaluationDate(personId, form);
                return "redirect:/persons/" + personId + "/plan";
            } catch (RuleViolation v) {
                errors.rejectValue(v.field(), v.messageKey(), v.args(), v.messageKey());
            }
        }
        fill(personId, model);
        return "plan/plan";
    }

    private void fill(UUID personId, Model model) {
        model.addAttribute("person", persons.get(personId));
        model.addAttribute("plan", plans.current(personId).orElse(null));
        boolean canWrite = access.may(personId, AccessKind.WRITE);
        model.addAttribute("canWrite", canWrite);
        if (canWrite) {
            model.addAttribute("members", network.members(personId));
            model.addAttribute("professionals", accounts.professionals(CurrentUser.get().organisationId()));
        }
        model.addAttribute("takers", new String[] {"PERSON", "NETWORK", "GENERAL_FACILITY", "PROFESSIONAL"});
    }
}
