package org.samenkracht.plan.web;

import org.samenkracht.vocabulary.LifeDomain;
import jakarta.validation.Valid;
import org.samenkracht.common.domain.NotFound;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.exploration.Wishes;
import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.network.Network;
import org.samenkracht.person.Persons;
import org.samenkracht.plan.DualSignOff;
import org.samenkracht.plan.Evaluations;
import org.samenkracht.vocabulary.Intensity;
import org.samenkracht.vocabulary.Layer;
import org.samenkracht.plan.PlanCommands;
import org.samenkracht.plan.PlanView;
import org.samenkracht.plan.Plans;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The plan pages. The professional builds the plan with the person; the person, from their own
 * account, sees the same plan with their own steps and can agree, refuse or remark. A refused
 * command shows the page again with the message next to the form it came from.
 */
@Controller
@RequestMapping("/persons/{personId}/plan")
class PlanPages {

    private final Plans plans;
    private final Evaluations evaluations;
    private final Persons persons;
    private final Network network;
    private final Wishes wishes;
    private final Accounts accounts;
    private final PersonAccess access;
    private final MessageSource messages;

    /** Above this many colleagues the step forms list the person's care team and the reader, not everyone. */
    static final int ALL_COLLEAGUES_UP_TO = 100;

    private final org.samenkracht.privacy.CareTeam careTeam;

    PlanPages(Plans plans, Evaluations evaluations, Persons persons, Network network, Wishes wishes,
              Accounts accounts, PersonAccess access, MessageSource messages,
              org.samenkracht.privacy.CareTeam careTeam) {
        this.careTeam = careTeam;
        this.plans = plans;
        this.evaluations = evaluations;
        this.persons = persons;
        this.network = network;
        this.wishes = wishes;
        this.accounts = accounts;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping
    String page(@PathVariable UUID personId, Model model) {
        fill(personId, model);
        return "plan/plan";
    }

    /**
     * One step's form (another taker, or drop the step), loaded when its {@code <details>} on the plan
     * page is opened: for htmx the form alone, otherwise a page of its own. Only for who may change the
     * plan; read and audited as the plan page reads.
     */
    @GetMapping("/steps/{stepId}/edit")
    String editStep(@PathVariable UUID personId, @PathVariable UUID stepId, Model model,
                    @RequestHeader(value = "HX-Request", required = false) String htmx) {
        PlanView plan = writablePlan(personId, model);
        PlanView.Step step = plan.goals().stream().flatMap(g -> g.steps().stream())
                .filter(s -> s.id().equals(stepId)).findFirst().orElseThrow(() -> new NotFound("plan step"));
        model.addAttribute("step", step);
        return htmx != null ? "plan/editStep" : "plan/step-edit";
    }

    /** A goal's add-step form, loaded like {@link #editStep}. */
    @GetMapping("/goals/{goalId}/steps/new")
    String newStep(@PathVariable UUID personId, @PathVariable UUID goalId, Model model,
                   @RequestHeader(value = "HX-Request", required = false) String htmx) {
        PlanView plan = writablePlan(personId, model);
        PlanView.Goal goal = plan.goals().stream().filter(g -> g.id().equals(goalId)).findFirst()
                .orElseThrow(() -> new NotFound("plan goal"));
        model.addAttribute("goal", goal);
        return htmx != null ? "plan/addStep" : "plan/step-new";
    }

    /** The plan, for a form that changes it: the reader must be allowed to change it, and it must not have ended. */
    private PlanView writablePlan(UUID personId, Model model) {
        model.addAttribute("person", persons.whose(personId, Part.PLAN));
        access.offers(personId, Part.PLAN, AccessKind.WRITE);
        // the form's lists first: the names of the plan's step takers are then found among them
        stepFormChoices(personId, model);
        PlanView plan = plans.current(personId).filter(p -> !"ENDED".equals(p.status()))
                .orElseThrow(() -> new NotFound("plan"));
        model.addAttribute("plan", plan);
        model.addAttribute("mine", false);
        model.addAttribute("canWrite", true);
        return plan;
    }

    /** What the step forms offer to choose from: read only where such a form is shown. */
    private void stepFormChoices(UUID personId, Model model) {
        model.addAttribute("takers", TAKERS);
        model.addAttribute("intensities", Intensity.values());
        model.addAttribute("members", network.members(personId));
        model.addAttribute("professionals", stepProfessionals(personId));
    }

    private static final String[] TAKERS = {"PERSON", "NETWORK", "GENERAL_FACILITY", "PROFESSIONAL"};

    @PostMapping("/start")
    String start(@PathVariable UUID personId) {
        plans.start(personId);
        return back(personId);
    }

    @PostMapping("/goals")
    String addGoal(@PathVariable UUID personId, @Valid @ModelAttribute("goalForm") PlanCommands.AddGoal form,
                   BindingResult errors, Model model) {
        return handle(personId, "add-goal", errors, model, () -> plans.addGoal(personId, form));
    }

    @PostMapping("/options")
    String addOption(@PathVariable UUID personId, @Valid @ModelAttribute("optionForm") PlanCommands.AddOption form,
                     BindingResult errors, Model model) {
        return handle(personId, "options-" + form.goalId(), errors, model, () -> plans.addOption(personId, form));
    }

    @PostMapping("/options/choice")
    String chooseOptions(@PathVariable UUID personId, @Valid @ModelAttribute("choiceForm") PlanCommands.ChooseOptions form,
                         BindingResult errors, Model model) {
        return handle(personId, "options-" + form.goalId(), errors, model, () -> plans.chooseOptions(personId, form));
    }

    @PostMapping("/layers")
    String answerLayer(@PathVariable UUID personId, @Valid @ModelAttribute("layerForm") PlanCommands.AnswerLayer form,
                       BindingResult errors, Model model) {
        return handle(personId, "layers-" + form.goalId(), errors, model, () -> plans.answerLayer(personId, form));
    }

    @PostMapping("/steps")
    String addStep(@PathVariable UUID personId, @Valid @ModelAttribute("stepForm") PlanCommands.AddStep form,
                   BindingResult errors, Model model) {
        model.addAttribute("stepDraft", form);
        return handle(personId, "steps-" + form.goalId(), errors, model, () -> plans.addStep(personId, form));
    }

    @PostMapping("/steps/taker")
    String reassign(@PathVariable UUID personId, @Valid @ModelAttribute("reassignForm") PlanCommands.ReassignStep form,
                    BindingResult errors, Model model) {
        model.addAttribute("reassignDraft", form);
        return handle(personId, "step-" + form.stepId(), errors, model, () -> plans.reassignStep(personId, form));
    }

    @PostMapping("/steps/remove")
    String remove(@PathVariable UUID personId, @RequestParam UUID stepId, @RequestParam int version) {
        plans.removeStep(personId, stepId, version);
        return back(personId);
    }

    @PostMapping("/evaluation-date")
    String evaluationDate(@PathVariable UUID personId,
                          @Valid @ModelAttribute("dateForm") PlanCommands.SetEvaluationDate form,
                          BindingResult errors, Model model) {
        return handle(personId, "eval-date", errors, model, () -> plans.setEvaluationDate(personId, form));
    }

    @PostMapping("/sign-off/person")
    String agreeAsPerson(@PathVariable UUID personId, @Valid @ModelAttribute("agreeForm") PlanCommands.Agree form,
                         BindingResult errors, Model model) {
        return handle(personId, "sign-off", errors, model, () -> plans.agreeAsPerson(personId, form));
    }

    @PostMapping("/sign-off/professional")
    String agreeAsProfessional(@PathVariable UUID personId, @Valid @ModelAttribute("agreeForm") PlanCommands.Agree form,
                               BindingResult errors, Model model) {
        return handle(personId, "sign-off", errors, model, () -> plans.agreeAsProfessional(personId, form));
    }

    @PostMapping("/remarks")
    String remark(@PathVariable UUID personId, @Valid @ModelAttribute("remarkForm") PlanCommands.Remark form,
                  BindingResult errors, Model model) {
        return handle(personId, "remarks", errors, model, () -> plans.remark(personId, form));
    }

    @PostMapping("/refusals")
    String refuse(@PathVariable UUID personId, @Valid @ModelAttribute("refuseForm") PlanCommands.Refuse form,
                  BindingResult errors, Model model) {
        return handle(personId, "refusal", errors, model, () -> plans.refuse(personId, form));
    }

    @PostMapping("/family-views")
    String familyView(@PathVariable UUID personId,
                      @Valid @ModelAttribute("familyForm") PlanCommands.RecordFamilyView form,
                      BindingResult errors, Model model) {
        return handle(personId, "family", errors, model, () -> plans.recordFamilyView(personId, form));
    }

    @PostMapping("/first-support")
    String supportStarted(@PathVariable UUID personId,
                          @Valid @ModelAttribute("supportForm") PlanCommands.SupportStarted form,
                          BindingResult errors, Model model) {
        return handle(personId, "timeline", errors, model, () -> evaluations.supportStarted(personId, form));
    }

    @GetMapping("/versions/compare")
    String compare(@PathVariable UUID personId, @RequestParam int left, @RequestParam int right, Model model) {
        model.addAttribute("person", persons.whose(personId, Part.PLAN));
        model.addAttribute("comparison", plans.compare(personId, left, right));
        return "plan/compare";
    }

    @GetMapping("/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID personId) {
        return pdfResponse(plans.printable(personId));
    }

    static ResponseEntity<byte[]> pdfResponse(byte[] pdf) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline().filename("ondersteuningsplan.pdf").build().toString())
                .body(pdf);
    }

    private String handle(UUID personId, String section, BindingResult errors, Model model, Runnable action) {
        List<String> problems = new ArrayList<>();
        java.util.Set<String> fields = new java.util.HashSet<>();
        if (!errors.hasErrors()) {
            try {
                action.run();
                return back(personId);
            } catch (RuleViolation v) {
                if (v.field() != null) {
                    fields.add(v.field());
                }
                problems.add(label(v.field()) + messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale()));
            }
        } else {
            for (FieldError e : errors.getFieldErrors()) {
                fields.add(e.getField());
                problems.add(label(e.getField()) + messages.getMessage(e, locale()));
            }
        }
        model.addAttribute("problemSection", section);
        model.addAttribute("problems", problems);
        model.addAttribute("problemFields", fields);
        fill(personId, model);
        return "plan/plan";
    }

    private String label(String field) {
        String text = messages.getMessage("plan.field." + field, null, "", locale());
        return text.isEmpty() ? "" : text + ": ";
    }

    private static Locale locale() {
        return LocaleContextHolder.getLocale();
    }

    private static String back(UUID personId) {
        return "redirect:/persons/" + personId + "/plan";
    }

    private void fill(UUID personId, Model model) {
        model.addAttribute("person", persons.whose(personId, Part.PLAN));
        PlanView plan = plans.current(personId).orElse(null);
        model.addAttribute("plan", plan);
        boolean mine = Plans.isPersonsOwnView(personId);
        boolean canWrite = access.may(personId, Part.PLAN, AccessKind.WRITE);
        model.addAttribute("mine", mine);
        model.addAttribute("canWrite", canWrite);
        model.addAttribute("canAgreeAsProfessional", canWrite && CurrentUser.get().role().supportsPeople());
        // the person (or who speaks for them) may refuse; the printable plan shows the network too
        model.addAttribute("canRefuse", access.may(personId, Part.PLAN, AccessKind.WRITE_AS_PERSON));
        model.addAttribute("canPrint", access.may(personId, Part.PLAN, AccessKind.READ) && access.may(personId, Part.NETWORK, AccessKind.READ));
        model.addAttribute("layers", Layer.circles());
        model.addAttribute("domains", LifeDomain.values());
        model.addAttribute("today", LocalDate.now());
        if (plan != null) {
            DualSignOff.Outcome outcome = DualSignOff.outcome(plan, LocalDate.now());
            model.addAttribute("signOffState", outcome.getClass().getSimpleName());
            model.addAttribute("missing", outcome instanceof DualSignOff.Outcome.Incomplete i
                    ? i.missing().stream().map(plans::describe).toList() : List.of());
            model.addAttribute("versions", plans.versions(personId));
            model.addAttribute("timeline", evaluations.timeline(personId));
        }
        if (canWrite) {
            model.addAttribute("wishes", wishes.prioritised(personId));
            // the step forms load when opened (issue 13); only a refused one is shown here, with what was typed
            if (model.getAttribute("problemSection") instanceof String section
                    && (section.startsWith("step-") || section.startsWith("steps-"))) {
                stepFormChoices(personId, model);
            }
        }
    }

    /**
     * Who a step can be given to. In a small organisation every colleague; in a large one (a
     * municipality's 2 000 colleagues made a plan page of 2.7 MB: the list is repeated in every
     * step's form) the person's care team and the reader, who are the ones who may open the file.
     */
    private List<Accounts.Account> stepProfessionals(UUID personId) {
        List<Accounts.Account> colleagues = accounts.professionals(CurrentUser.get().organisationId());
        // the care team is read only where it narrows the list
        return stepProfessionals(colleagues, () -> {
            java.util.Set<UUID> team = new java.util.HashSet<>();
            careTeam.members(personId).forEach(m -> team.add(m.userId()));
            team.add(CurrentUser.get().id());
            return team;
        });
    }

    static List<Accounts.Account> stepProfessionals(List<Accounts.Account> colleagues,
                                                    java.util.function.Supplier<java.util.Set<UUID>> teamAndReader) {
        if (colleagues.size() <= ALL_COLLEAGUES_UP_TO) {
            return colleagues;
        }
        java.util.Set<UUID> team = teamAndReader.get();
        return colleagues.stream().filter(a -> team.contains(a.id())).toList();
    }
}
