package org.samenkracht.privacy.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import org.samenkracht.common.domain.NotFound;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.common.web.FormPosts;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.ConcernRoute;
import org.samenkracht.privacy.Concerns;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.samenkracht.privacy.PersonDirectory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The concern route along the five steps of the reporting code (meldcode), one page a step: (1) map the
 * signals, (2) consult a colleague and the advice line, (3) talk with those involved (or skip it, only with a
 * recorded reason), (4) weigh with the five questions of the assessment framework, (5) decide: organise help
 * and/or report. A refused step comes back as 422 on the same page, naming the field and keeping what was typed.
 */
@Controller
@RequestMapping("/persons/{id}/privacy/concerns/{concernId}")
class ConcernRoutePages {

    private final PersonDirectory directory;
    private final PersonAccess access;
    private final Concerns concerns;
    private final FormPosts forms;

    ConcernRoutePages(PersonDirectory directory, PersonAccess access, Concerns concerns, Validator validator,
                      MessageSource messages) {
        this.directory = directory;
        this.access = access;
        this.concerns = concerns;
        this.forms = new FormPosts(validator, messages, "concern.field.") {
        };
    }

    /** The concern opens at the step it has reached. */
    @GetMapping
    String open(@PathVariable UUID id, @PathVariable UUID concernId) {
        var c = concerns.one(id, concernId);
        if (c.kind() == ConcernRoute.Kind.ACUTE_DANGER) {
            return "redirect:/persons/" + id + "/privacy#concerns";
        }
        return "redirect:/persons/" + id + "/privacy/concerns/" + concernId + "/steps/" + c.currentStep().path();
    }

    @GetMapping("/steps/{step}")
    String step(@PathVariable UUID id, @PathVariable UUID concernId, @PathVariable String step, Model model) {
        return page(id, concernId, step, model);
    }

    @PostMapping("/consultation")
    String consult(@PathVariable UUID id, @PathVariable UUID concernId, @RequestParam(defaultValue = "-1") int version,
                   @RequestParam(required = false) String note, @RequestParam(defaultValue = "false") boolean adviceLine,
                   Model model, HttpServletResponse response) {
        return after(id, concernId, ConcernRoute.Step.CONSULT, typed("note", note, "adviceLine", String.valueOf(adviceLine)),
                model, response, forms.run(null, () -> concerns.consult(id, concernId, version, note, adviceLine)));
    }

    @PostMapping("/conversation")
    String talk(@PathVariable UUID id, @PathVariable UUID concernId, @RequestParam(defaultValue = "-1") int version,
                @RequestParam(required = false) String note, Model model, HttpServletResponse response) {
        return after(id, concernId, ConcernRoute.Step.TALK, typed("note", note), model, response,
                forms.run(null, () -> concerns.shareWithFamily(id, concernId, version, note)));
    }

    @PostMapping("/conversation-skipped")
    String skipTalk(@PathVariable UUID id, @PathVariable UUID concernId, @RequestParam(defaultValue = "-1") int version,
                    @RequestParam(required = false) String reason, Model model, HttpServletResponse response) {
        return after(id, concernId, ConcernRoute.Step.TALK, typed("reason", reason), model, response,
                forms.run(null, () -> concerns.skipFamily(id, concernId, version, reason)));
    }

    @PostMapping("/assessment")
    String weigh(@PathVariable UUID id, @PathVariable UUID concernId, @RequestParam(defaultValue = "-1") int version,
                 @RequestParam(required = false) String suspicion, @RequestParam(required = false) String danger,
                 @RequestParam(required = false) String canHelp, @RequestParam(required = false) String helpAccepted,
                 @RequestParam(required = false) String resultInTime, @RequestParam(required = false) String weighing,
                 Model model, HttpServletResponse response) {
        Map<String, String> typed = typed("suspicion", suspicion, "danger", danger, "canHelp", canHelp,
                "helpAccepted", helpAccepted, "resultInTime", resultInTime, "weighing", weighing);
        return after(id, concernId, ConcernRoute.Step.WEIGH, typed, model, response, forms.run(null, () -> concerns.assess(id,
                concernId, version, new ConcernRoute.Assessment(yesNo("suspicion", suspicion), danger(danger),
                        yesNo("canHelp", canHelp), yesNo("helpAccepted", helpAccepted), yesNo("resultInTime", resultInTime)),
                weighing)));
    }

    @PostMapping("/help")
    String organiseHelp(@PathVariable UUID id, @PathVariable UUID concernId, @RequestParam(defaultValue = "-1") int version,
                        @RequestParam(required = false) String note, Model model, HttpServletResponse response) {
        return after(id, concernId, ConcernRoute.Step.DECIDE, typed("helpNote", note), model, response,
                forms.run(null, () -> concerns.organiseHelp(id, concernId, version, note)));
    }

    @PostMapping("/report")
    String report(@PathVariable UUID id, @PathVariable UUID concernId, @RequestParam(defaultValue = "-1") int version,
                  @RequestParam(required = false) String recipient, @RequestParam(required = false) String information,
                  @RequestParam(required = false) String justification, Model model, HttpServletResponse response) {
        return after(id, concernId, ConcernRoute.Step.DECIDE,
                typed("recipient", recipient, "information", information, "justification", justification), model, response,
                forms.run(null, () -> concerns.stepOutside(id, concernId, version, recipient, information, justification)));
    }

    private String after(UUID id, UUID concernId, ConcernRoute.Step step, Map<String, String> typed, Model model,
                         HttpServletResponse response, List<String> problems) {
        if (problems.isEmpty()) {
            return "redirect:/persons/" + id + "/privacy/concerns/" + concernId;
        }
        return forms.refused(problems, typed, model, response, () -> page(id, concernId, step, model));
    }

    private String page(UUID id, UUID concernId, ConcernRoute.Step step, Model model) {
        return page(id, concernId, step.path(), model);
    }

    /** The gate decides before the step's name is looked at: a refused reader learns nothing from a 404. */
    private String page(UUID id, UUID concernId, String stepPath, Model model) {
        var person = directory.person(id);
        var c = concerns.one(id, concernId);
        ConcernRoute.Step step = step(stepPath);
        if (c.kind() == ConcernRoute.Kind.ACUTE_DANGER) {
            throw new NotFound("concern");
        }
        model.addAttribute("person", person);
        model.addAttribute("concern", c);
        model.addAttribute("step", step);
        model.addAttribute("steps", ConcernRoute.Step.values());
        model.addAttribute("dangers", ConcernRoute.Danger.values());
        model.addAttribute("mayConcern", access.may(id, Part.CONCERNS, AccessKind.WRITE));
        return "privacy/concern-step";
    }

    private static ConcernRoute.Step step(String path) {
        return ConcernRoute.Step.ofPath(path).orElseThrow(() -> new NotFound("step"));
    }

    static Boolean yesNo(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value) {
            case "true", "yes" -> true;
            case "false", "no" -> false;
            default -> throw new RuleViolation(field, "validation.choice");
        };
    }

    static ConcernRoute.Danger danger(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ConcernRoute.Danger.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("danger", "validation.choice");
        }
    }

    private static Map<String, String> typed(String... pairs) {
        Map<String, String> typed = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            typed.put(pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
        }
        return typed;
    }
}
