package org.samenkracht.deliberation.web;

import jakarta.servlet.http.HttpServletResponse;
import org.samenkracht.deliberation.DeliberationCommands;
import org.samenkracht.deliberation.DeliberationRules;
import org.samenkracht.deliberation.DeliberationView;
import org.samenkracht.deliberation.Deliberations;
import org.samenkracht.deliberation.Method;
import org.samenkracht.network.Ecogram;
import org.samenkracht.person.PersonView;
import org.samenkracht.person.Persons;
import org.samenkracht.plan.Plans;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The deliberations of a person: the list, and one deliberation worked through step by step. */
@Controller
class DeliberationPages {

    private final Deliberations deliberations;
    private final Persons persons;
    private final Plans plans;
    private final PersonAccess access;
    private final Forms forms;
    private final MessageSource messages;

    DeliberationPages(Deliberations deliberations, Persons persons, Plans plans, PersonAccess access, Forms forms,
                      MessageSource messages) {
        this.deliberations = deliberations;
        this.persons = persons;
        this.plans = plans;
        this.access = access;
        this.forms = forms;
        this.messages = messages;
    }

    @GetMapping("/persons/{id}/deliberations")
    String list(@PathVariable UUID id, Model model) {
        return listPage(id, model);
    }

    @PostMapping("/persons/{id}/deliberations")
    String start(@PathVariable UUID id, @RequestParam(required = false) String title,
                 @RequestParam(required = false) Method method, @RequestParam Map<String, String> typed, Model model,
                 HttpServletResponse response) {
        var command = new DeliberationCommands.Start(title, method);
        UUID[] created = new UUID[1];
        List<String> problems = forms.run(command, () -> created[0] = deliberations.start(id, command));
        if (problems.isEmpty()) {
            return "redirect:/persons/" + id + "/deliberations/" + created[0];
        }
        return forms.refused(problems, typed, model, response, () -> listPage(id, model));
    }

    @GetMapping("/persons/{id}/deliberations/{did}")
    String show(@PathVariable UUID id, @PathVariable UUID did, Model model) {
        return page(id, did, model);
    }

    @PostMapping("/persons/{id}/deliberations/{did}/answers")
    String answer(@PathVariable UUID id, @PathVariable UUID did, @RequestParam Map<String, String> typed,
                  @RequestParam(required = false) Integer version, Model model, HttpServletResponse response) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (String q : DeliberationRules.allQuestions()) {
            if (typed.containsKey(q)) {
                answers.put(q, typed.get(q));
            }
        }
        var command = new DeliberationCommands.Answer(answers, version);
        return after(id, did, typed, model, response, forms.run(command, () -> deliberations.answer(id, did, command)),
                "#step-" + typed.getOrDefault("step", ""));
    }

    @PostMapping("/persons/{id}/deliberations/{did}/values")
    String value(@PathVariable UUID id, @PathVariable UUID did, @RequestParam(required = false) String perspective,
                 @RequestParam(required = false) String valueName, @RequestParam(required = false) String norm,
                 @RequestParam(required = false) Integer version, @RequestParam Map<String, String> typed, Model model,
                 HttpServletResponse response) {
        var command = new DeliberationCommands.AddValue(perspective, valueName, norm, version);
        return after(id, did, typed, model, response, forms.run(command, () -> deliberations.addValue(id, did, command)),
                "#values");
    }

    @PostMapping("/persons/{id}/deliberations/{did}/perspective")
    String perspective(@PathVariable UUID id, @PathVariable UUID did, @RequestParam(required = false) Integer version,
                       @RequestParam Map<String, String> typed, Model model, HttpServletResponse response) {
        var command = new DeliberationCommands.Version(version);
        return after(id, did, typed, model, response,
                forms.run(command, () -> deliberations.fillPersonPerspective(id, did, version)), "#perspective");
    }

    @PostMapping("/persons/{id}/deliberations/{did}/decision")
    String decide(@PathVariable UUID id, @PathVariable UUID did, @RequestParam(required = false) String decision,
                  @RequestParam(required = false) Integer version, @RequestParam Map<String, String> typed, Model model,
                  HttpServletResponse response) {
        var command = new DeliberationCommands.Decide(decision, version);
        return after(id, did, typed, model, response, forms.run(command, () -> deliberations.decide(id, did, command)),
                "#decision");
    }

    @PostMapping("/persons/{id}/deliberations/{did}/actions")
    String action(@PathVariable UUID id, @PathVariable UUID did, @RequestParam(required = false) String description,
                  @RequestParam(required = false) UUID goalId, @RequestParam(required = false) LocalDate evaluateOn,
                  @RequestParam(required = false) Integer version, @RequestParam Map<String, String> typed, Model model,
                  HttpServletResponse response) {
        var command = new DeliberationCommands.AddAction(description, goalId, evaluateOn, version);
        return after(id, did, typed, model, response, forms.run(command, () -> deliberations.addAction(id, did, command)),
                "#actions");
    }

    @PostMapping("/persons/{id}/deliberations/{did}/concern")
    String concern(@PathVariable UUID id, @PathVariable UUID did, @RequestParam(required = false) String concern,
                   @RequestParam(required = false) Integer version, @RequestParam Map<String, String> typed, Model model,
                   HttpServletResponse response) {
        // The select sends "<concern id>:<concern version>".
        UUID concernId = null;
        Integer concernVersion = null;
        if (concern != null && concern.contains(":")) {
            try {
                concernId = UUID.fromString(concern.substring(0, concern.indexOf(':')));
                concernVersion = Integer.valueOf(concern.substring(concern.indexOf(':') + 1));
            } catch (IllegalArgumentException e) {
                concernId = null;
            }
        }
        var command = new DeliberationCommands.LinkConcern(concernId, concernVersion, version);
        return after(id, did, typed, model, response, forms.run(command, () -> deliberations.linkConcern(id, did, command)),
                "#concern");
    }

    @PostMapping("/persons/{id}/deliberations/{did}/close")
    String close(@PathVariable UUID id, @PathVariable UUID did, @RequestParam(required = false) Integer version,
                 @RequestParam Map<String, String> typed, Model model, HttpServletResponse response) {
        var command = new DeliberationCommands.Version(version);
        return after(id, did, typed, model, response, forms.run(command, () -> deliberations.close(id, did, version)),
                "#close");
    }

    private String after(UUID id, UUID did, Map<String, String> typed, Model model, HttpServletResponse response,
                         List<String> problems, String anchor) {
        if (problems.isEmpty()) {
            return "redirect:/persons/" + id + "/deliberations/" + did + anchor;
        }
        return forms.refused(problems, typed, model, response, () -> page(id, did, model));
    }

    private String listPage(UUID id, Model model) {
        model.addAttribute("deliberationList", deliberations.of(id));
        model.addAttribute("person", persons.get(id));
        model.addAttribute("methods", Method.values());
        model.addAttribute("canWrite", access.may(id, Part.DELIBERATIONS, AccessKind.WRITE));
        return "deliberation/list";
    }

    private String page(UUID id, UUID did, Model model) {
        DeliberationView d = deliberations.get(id, did);
        PersonView person = persons.get(id);
        boolean canWrite = access.may(id, Part.DELIBERATIONS, AccessKind.WRITE);
        model.addAttribute("d", d);
        model.addAttribute("person", person);
        model.addAttribute("canWrite", canWrite);
        model.addAttribute("values", DeliberationRules.VALUES);
        model.addAttribute("conflictKinds", DeliberationRules.ConflictKind.values());
        var members = deliberations.network(id);
        model.addAttribute("members", members);
        model.addAttribute("ecogram", members.isEmpty() ? null : Ecogram.render(person.givenName(), members, this::text, null, null));
        model.addAttribute("plan", access.may(id, Part.PLAN, AccessKind.READ) ? plans.current(id).orElse(null) : null);
        model.addAttribute("concerns", canWrite && d.decided() && d.concernId() == null ? deliberations.concernsToWeigh(id) : List.of());
        return "deliberation/deliberation";
    }

    private String text(String key) {
        return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
    }
}
