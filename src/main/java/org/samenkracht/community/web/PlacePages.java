package org.samenkracht.community.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.community.Neighbourhood;
import org.samenkracht.community.NeighbourhoodCommands;
import org.samenkracht.community.Place;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.samenkracht.socialmap.OfferTerms;
import org.samenkracht.vocabulary.LifeDomain;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import java.time.DayOfWeek;
import java.util.Set;
import java.util.UUID;

/** Neighbourhood places: the list (and a new place), one place with its activities, who came, and what people offer there. */
@Controller
class PlacePages {

    private final Neighbourhood neighbourhood;

    PlacePages(Neighbourhood neighbourhood) {
        this.neighbourhood = neighbourhood;
    }

    @GetMapping("/community/places")
    String list(Model model) {
        model.addAttribute("places", neighbourhood.list());
        boolean keeps = Neighbourhood.keeps(CurrentUser.get());
        model.addAttribute("keeps", keeps);
        if (keeps && !model.containsAttribute("form")) {
            model.addAttribute("form", new NeighbourhoodCommands.SavePlace("", "", null, null, Set.of(), null, null));
        }
        model.addAttribute("accessibilities", OfferTerms.Accessibility.values());
        return "community/places";
    }

    /** A refused new place comes back with what was typed (422). */
    @PostMapping("/community/places")
    String create(@Valid @ModelAttribute("form") NeighbourhoodCommands.SavePlace form, BindingResult errors, Model model,
                  HttpServletResponse response) {
        if (!errors.hasErrors()) {
            try {
                return "redirect:/community/places/" + neighbourhood.create(form);
            } catch (RuleViolation v) {
                errors.rejectValue(v.field(), v.messageKey(), v.messageKey());
            }
        }
        response.setStatus(422);
        return list(model);
    }

    @GetMapping("/community/places/{pid}")
    String place(@PathVariable UUID pid, Model model) {
        Place p = neighbourhood.get(pid);
        CurrentUser user = CurrentUser.get();
        model.addAttribute("p", p);
        model.addAttribute("keeps", Neighbourhood.keeps(user));
        model.addAttribute("publishes", user.is(Role.ADMINISTRATOR));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new NeighbourhoodCommands.SavePlace(p.name(), p.neighbourhood(), p.address(), p.hostName(),
                    Set.copyOf(p.accessibility()), p.volunteering(), p.version()));
        }
        if (!model.containsAttribute("activity")) {
            model.addAttribute("activity", new NeighbourhoodCommands.AddActivity("", null, null, null, null, null, null, null));
        }
        model.addAttribute("accessibilities", OfferTerms.Accessibility.values());
        model.addAttribute("weekdays", DayOfWeek.values());
        model.addAttribute("domains", LifeDomain.values());
        return "community/place";
    }

    /** A change with the version the editor saw (someone else's change in between: 409); refused: back with what was typed. */
    @PostMapping("/community/places/{pid}")
    String change(@PathVariable UUID pid, @Valid @ModelAttribute("form") NeighbourhoodCommands.SavePlace form, BindingResult errors,
                  Model model, HttpServletResponse response) {
        if (!errors.hasErrors()) {
            try {
                neighbourhood.change(pid, form);
                return "redirect:/community/places/" + pid;
            } catch (RuleViolation v) {
                errors.rejectValue(v.field(), v.messageKey(), v.messageKey());
            }
        }
        response.setStatus(422);
        return place(pid, model);
    }

    @PostMapping("/community/places/{pid}/activities")
    String addActivity(@PathVariable UUID pid, @Valid @ModelAttribute("activity") NeighbourhoodCommands.AddActivity activity,
                       BindingResult errors, Model model, HttpServletResponse response) {
        if (!errors.hasErrors()) {
            try {
                neighbourhood.addActivity(pid, activity);
                return "redirect:/community/places/" + pid;
            } catch (RuleViolation v) {
                errors.rejectValue(v.field(), v.messageKey(), v.messageKey());
            }
        }
        response.setStatus(422);
        return place(pid, model);
    }

    @PostMapping("/community/activities/{aid}/publish")
    String publish(@PathVariable UUID aid) {
        neighbourhood.publish(aid);
        return "redirect:/community/places/" + neighbourhood.placeOf(aid) + "#activity-" + aid;
    }
}
