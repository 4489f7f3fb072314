package org.samenkracht.person.web;

import jakarta.validation.Valid;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.samenkracht.person.Dossier;
import org.samenkracht.person.Dossiers;
import org.samenkracht.person.FourQuestions;
import org.samenkracht.person.PersonView;
import org.samenkracht.person.Persons;
import org.samenkracht.person.RegisterPerson;
import org.samenkracht.person.UpdatePerson;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.CareTeam;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.List;
import java.util.UUID;

@Controller
@RequestMapping("/persons")
class PersonPages {

    private final Persons persons;
    private final PersonAccess access;
    private final CareTeam careTeam;
    private final Dossiers dossiers;

    PersonPages(Persons persons, PersonAccess access, CareTeam careTeam, Dossiers dossiers) {
        this.persons = persons;
        this.access = access;
        this.careTeam = careTeam;
        this.dossiers = dossiers;
    }

    @GetMapping
    String caseload(@RequestParam(name = "q", required = false) String q, Model model) {
        CurrentUser user = CurrentUser.get();
        if (user.is(Role.PERSON)) {
            return "redirect:/persons/" + user.personId();
        }
        String needle = q == null ? "" : q.strip().toLowerCase(java.util.Locale.ROOT);
        model.addAttribute("q", q);
        model.addAttribute("persons", persons.caseload().stream()
                .filter(p -> needle.isEmpty() || (p.fullName() + " " + java.util.Objects.toString(p.neighbourhood(), ""))
                        .toLowerCase(java.util.Locale.ROOT).contains(needle))
                .toList());
        return "person/caseload";
    }

    @GetMapping("/new")
    String newPerson(Model model) {
        model.addAttribute("form", RegisterPerson.empty());
        return "person/register";
    }

    /**
     * Registers, unless the file may already exist: then the form comes back with the likely
     * duplicates (a link to each one the professional may open) and a choice to register anyway.
     */
    @PostMapping
    String register(@Valid @ModelAttribute("form") RegisterPerson form, BindingResult errors,
                    @org.springframework.web.bind.annotation.RequestParam(defaultValue = "false") boolean notADuplicate,
                    Model model) {
        if (errors.hasErrors()) {
            return "person/register";
        }
        if (!notADuplicate) {
            var duplicates = persons.possibleDuplicates(form);
            if (!duplicates.isEmpty()) {
                model.addAttribute("duplicates", duplicates);
                return "person/register";
            }
        }
        UUID id = persons.register(form);
        return "redirect:/persons/" + id + "?registered";
    }

    @GetMapping("/{id}")
    String dossier(@PathVariable UUID id, Model model) {
        Dossier dossier = dossiers.read(id);
        model.addAttribute("person", dossier.person());
        model.addAttribute("questions", dossier.questions());
        model.addAttribute("team", dossier.team());
        model.addAttribute("canWrite", access.may(id, Part.PERSON, AccessKind.WRITE));
        model.addAttribute("sections", dossier.cards());
        model.addAttribute("showsQuestions", dossier.shows(Part.FOUR_QUESTIONS));
        model.addAttribute("showsTeam", dossier.shows(Part.CARE_TEAM));
        return "person/dossier";
    }

    @GetMapping("/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        PersonView person = persons.get(id);
        model.addAttribute("person", person);
        model.addAttribute("form", UpdatePerson.of(person));
        return "person/edit";
    }

    @PostMapping("/{id}/edit")
    String update(@PathVariable UUID id, @Valid @ModelAttribute("form") UpdatePerson form, BindingResult errors,
                  Model model) {
        if (errors.hasErrors()) {
            model.addAttribute("person", persons.get(id));
            return "person/edit";
        }
        persons.update(id, form);
        return "redirect:/persons/" + id;
    }

    @GetMapping("/{id}/questions")
    String questions(@PathVariable UUID id, Model model) {
        model.addAttribute("person", persons.get(id));
        List<FourQuestions.Version> history = persons.fourQuestionsHistory(id);
        model.addAttribute("history", history);
        model.addAttribute("form", history.isEmpty() ? FourQuestions.Answers.empty() : history.get(0).answers());
        return "person/questions";
    }

    @PostMapping("/{id}/questions")
    String answer(@PathVariable UUID id, @Valid @ModelAttribute("form") FourQuestions.Answers form,
                  BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            model.addAttribute("person", persons.get(id));
            model.addAttribute("history", persons.fourQuestionsHistory(id));
            return "person/questions";
        }
        persons.answerFourQuestions(id, form);
        return "redirect:/persons/" + id;
    }
}
