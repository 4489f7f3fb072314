package org.samenkracht.plan.web;

import jakarta.validation.Valid;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.person.Persons;
import org.samenkracht.plan.Evaluations;
import org.samenkracht.plan.PlanCommands;
import org.samenkracht.plan.Plans;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The evaluation page of a plan, and the worklist of evaluations that are due. */
@Controller
class EvaluationPages {

    /** The evaluation form as the page posts it: per goal, parallel lists of goal, process and result. */
    record EvaluationForm(LocalDate heldOn, String wentWell, String learned, List<UUID> goalId, List<String> process,
                          List<String> result, Boolean relationshipOnTrack, Boolean trust, Boolean activitiesGoingWell,
                          Boolean phasesConnect, Set<PlanCommands.Signal> signals, String signalNote,
                          PlanCommands.Decision decision, LocalDate nextEvaluationDate, Integer version) {

        PlanCommands.RecordEvaluation command() {
            List<PlanCommands.GoalReview> goals = new ArrayList<>();
            for (int i = 0; goalId != null && i < goalId.size(); i++) {
                goals.add(new PlanCommands.GoalReview(goalId.get(i), at(process, i), at(result, i)));
            }
            return new PlanCommands.RecordEvaluation(heldOn, wentWell, learned, goals, relationshipOnTrack, trust,
                    activitiesGoingWell, phasesConnect, signals, signalNote, decision, nextEvaluationDate, version);
        }

        private static String at(List<String> list, int i) {
            return list != null && i < list.size() ? list.get(i) : null;
        }
    }

    private final Plans plans;
    private final Evaluations evaluations;
    private final Persons persons;
    private final MessageSource messages;
    private final jakarta.validation.Validator validator;
    private final org.samenkracht.privacy.PersonAccess access;

    EvaluationPages(Plans plans, Evaluations evaluations, Persons persons, MessageSource messages,
                    jakarta.validation.Validator validator, org.samenkracht.privacy.PersonAccess access) {
        this.access = access;
        this.plans = plans;
        this.evaluations = evaluations;
        this.persons = persons;
        this.messages = messages;
        this.validator = validator;
    }

    @GetMapping("/persons/{personId}/plan/evaluations")
    String page(@PathVariable UUID personId, Model model) {
        fill(personId, model);
        return "plan/evaluations";
    }

    @PostMapping("/persons/{personId}/plan/evaluations")
    String record(@PathVariable UUID personId, @ModelAttribute("evaluationForm") EvaluationForm form,
                  BindingResult errors, Model model) {
        List<String> problems = new ArrayList<>();
        for (FieldError e : errors.getFieldErrors()) {
            problems.add(label(e.getField()) + messages.getMessage(e, LocaleContextHolder.getLocale()));
        }
        if (problems.isEmpty()) {
            PlanCommands.RecordEvaluation command = form.command();
            for (var v : validator.validate(command)) {
                problems.add(label(v.getPropertyPath().toString()) + v.getMessage());
            }
            if (problems.isEmpty()) {
                try {
                    evaluations.record(personId, command);
                    return "redirect:/persons/" + personId + "/plan/evaluations";
                } catch (RuleViolation v) {
                    problems.add(label(v.field()) + messages.getMessage(v.messageKey(), v.args(), v.messageKey(),
                            LocaleContextHolder.getLocale()));
                }
            }
        }
        model.addAttribute("problems", problems);
        fill(personId, model);
        return "plan/evaluations";
    }

    @GetMapping("/plan/worklist")
    String worklist(Model model) {
        model.addAttribute("due", evaluations.worklist());
        return "plan/worklist";
    }

    /** The person's own plan, from the navigation of their own account. */
    @GetMapping("/my/plan")
    String myPlan() {
        UUID own = org.samenkracht.identity.CurrentUser.get().personId();
        return own == null ? "redirect:/" : "redirect:/persons/" + own + "/plan";
    }

    private String label(String field) {
        String text = messages.getMessage("plan.field." + field, null, "", LocaleContextHolder.getLocale());
        return text.isEmpty() ? "" : text + ": ";
    }

    private void fill(UUID personId, Model model) {
        model.addAttribute("person", persons.whose(personId, org.samenkracht.privacy.Part.EVALUATIONS));
        model.addAttribute("plan", plans.current(personId).orElse(null));
        model.addAttribute("evaluations", evaluations.of(personId));
        model.addAttribute("signals", PlanCommands.Signal.values());
        model.addAttribute("decisions", PlanCommands.Decision.values());
        model.addAttribute("canWrite", access.may(personId, org.samenkracht.privacy.Part.EVALUATIONS, org.samenkracht.privacy.AccessKind.WRITE));
    }
}
