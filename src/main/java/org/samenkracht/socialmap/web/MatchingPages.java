package org.samenkracht.socialmap.web;

import org.samenkracht.vocabulary.Intensity;
import org.samenkracht.vocabulary.Layer;
import org.samenkracht.vocabulary.LifeDomain;
import org.samenkracht.person.Persons;
import org.samenkracht.plan.PlanView;
import org.samenkracht.plan.Plans;
import org.samenkracht.socialmap.Matching;
import org.samenkracht.socialmap.OfferTerms;
import org.samenkracht.socialmap.SocialMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.DayOfWeek;
import java.util.List;
import java.util.UUID;

/** Matching a goal of the person to the social map, and taking an offer into the plan with one click. */
@Controller
@RequestMapping("/persons/{personId}/matching")
class MatchingPages {

    private final Matching matching;
    private final Persons persons;
    private final Plans plans;
    private final SocialMap socialMap;

    MatchingPages(Matching matching, Persons persons, Plans plans, SocialMap socialMap) {
        this.matching = matching;
        this.persons = persons;
        this.plans = plans;
        this.socialMap = socialMap;
    }

    @GetMapping
    String page(@PathVariable UUID personId, @ModelAttribute("form") MatchForm form, BindingResult binding, Model model,
                @org.springframework.web.bind.annotation.RequestParam(name = "goal", required = false) String goalParam) {
        if (form == null || binding.hasErrors()) {
            // a value that does not bind is ignored, and said so
            UUID goalId = null;
            try {
                goalId = goalParam == null ? null : UUID.fromString(goalParam);
            } catch (IllegalArgumentException e) {
                goalId = null;
            }
            form = new MatchForm(goalId, null, null, null, null, null, null, null, null, null);
            model.addAttribute("form", form);
        }
        var person = persons.get(personId);
        model.addAttribute("person", person);
        List<PlanView.Goal> goals = plans.current(personId).map(PlanView::goals).orElse(List.of());
        model.addAttribute("goals", goals);
        model.addAttribute("domains", LifeDomain.values());
        model.addAttribute("targetGroups", OfferTerms.TargetGroup.values());
        model.addAttribute("layers", Layer.forOffers());
        model.addAttribute("intensities", Intensity.values());
        model.addAttribute("languages", OfferTerms.LANGUAGES);
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("places", socialMap.places());
        model.addAttribute("badInput", binding.hasErrors());
        UUID goal = form.goal() != null ? form.goal() : goals.isEmpty() ? null : goals.get(0).id();
        model.addAttribute("goalId", goal);
        if (goal != null) {
            model.addAttribute("result", matching.forGoal(personId, goal, form.preferences()));
        }
        return "socialmap/matching";
    }

    @PostMapping("/steps")
    String addStep(@PathVariable UUID personId, @RequestParam UUID goal, @RequestParam UUID offer,
                   @RequestParam int version) {
        matching.addToPlan(personId, goal, offer, version);
        return "redirect:/persons/" + personId + "/plan";
    }

}
