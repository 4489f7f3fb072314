package org.samenkracht.community.web;

import jakarta.validation.Valid;
import org.samenkracht.community.BuddyMatching;
import org.samenkracht.community.BuddyRequest;
import org.samenkracht.community.CommunityCommands;
import org.samenkracht.community.CommunityLayer;
import org.samenkracht.community.Neighbourhood;
import org.samenkracht.community.NeighbourhoodCommands;
import org.samenkracht.common.domain.RuleViolation;
import jakarta.servlet.http.HttpServletResponse;
import org.samenkracht.community.Screening;
import org.samenkracht.community.Volunteer;
import org.samenkracht.community.Volunteers;
import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.samenkracht.person.Persons;
import org.samenkracht.plan.PlanView;
import org.samenkracht.plan.Plans;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The community pages: the coordinator's list, volunteers, a buddy request, a volunteer's own page, the person's tab. */
@Controller
class CommunityPages {

    private final Volunteers volunteers;
    private final BuddyMatching matching;
    private final Persons persons;
    private final Plans plans;
    private final PersonAccess access;
    private final CoordinatorList coordinators;
    private final org.samenkracht.community.SupportGroups groups;
    private final Neighbourhood neighbourhood;
    private final org.samenkracht.community.MatchEffects effects;

    CommunityPages(Volunteers volunteers, BuddyMatching matching, Persons persons, Plans plans, PersonAccess access,
                   CoordinatorList coordinators, org.samenkracht.community.SupportGroups groups, Neighbourhood neighbourhood,
                   org.samenkracht.community.MatchEffects effects) {
        this.effects = effects;
        this.groups = groups;
        this.neighbourhood = neighbourhood;
        this.volunteers = volunteers;
        this.matching = matching;
        this.persons = persons;
        this.plans = plans;
        this.access = access;
        this.coordinators = coordinators;
    }

    /**
     * A small form on a page (screening date, hours, an answer, a contact) that fails validation: 422 with
     * the field named, never a 500. The big forms (volunteer, request) come back with what was typed.
     */
    @org.springframework.web.bind.annotation.ExceptionHandler(org.springframework.validation.BindException.class)
    String invalid(org.springframework.validation.BindException e, Model model, jakarta.servlet.http.HttpServletResponse response) {
        response.setStatus(422);
        model.addAttribute("status", 422);
        model.addAttribute("messageKey", e.getFieldError() != null && e.getFieldError().getDefaultMessage() != null
                && e.getFieldError().getDefaultMessage().startsWith("{") ? e.getFieldError().getDefaultMessage().replaceAll("[{}]", "")
                : "validation.choice");
        return "error";
    }

    // ---- the coordinator's home ----

    @GetMapping("/community")
    String home(Model model) {
        model.addAttribute("volunteers", volunteers.list());
        model.addAttribute("requests", matching.worklist());
        model.addAttribute("today", LocalDate.now());
        return "community/home";
    }

    @GetMapping("/community/volunteers/new")
    String newVolunteer(Model model) {
        volunteers.list();  // coordinators only
        model.addAttribute("form", emptyVolunteer());
        return form(model, null);
    }

    @PostMapping("/community/volunteers")
    String register(@Valid @ModelAttribute("form") CommunityCommands.SaveVolunteer form, BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            volunteers.list();
            return form(model, null);
        }
        return "redirect:/community/volunteers/" + volunteers.register(form);
    }

    @GetMapping("/community/volunteers/{vid}")
    String volunteer(@PathVariable UUID vid, Model model) {
        Volunteers.Detail d = volunteers.get(vid);
        Volunteer v = d.volunteer();
        model.addAttribute("detail", d);
        model.addAttribute("form", new CommunityCommands.SaveVolunteer(v.name(), v.phone(), v.skills(), v.languages(),
                v.availability(), v.areas(), v.interests(), v.kindsOfWork(), v.motive(), v.cameInVia(), v.hoursPerWeek(),
                v.maxMatches(), v.coordinatorId(), v.version()));
        model.addAttribute("steps", Screening.Step.values());
        model.addAttribute("today", LocalDate.now());
        if (!model.containsAttribute("training")) {
            model.addAttribute("training", new CommunityCommands.RecordTraining("", LocalDate.now(), ""));
        }
        return form(model, vid);
    }

    @PostMapping("/community/volunteers/{vid}")
    String change(@PathVariable UUID vid, @Valid @ModelAttribute("form") CommunityCommands.SaveVolunteer form,
                  BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            model.addAttribute("detail", volunteers.get(vid));
            model.addAttribute("steps", Screening.Step.values());
            model.addAttribute("today", LocalDate.now());
            model.addAttribute("training", new CommunityCommands.RecordTraining("", LocalDate.now(), ""));
            return form(model, vid);
        }
        volunteers.change(vid, form);
        return "redirect:/community/volunteers/" + vid;
    }

    @PostMapping("/community/volunteers/{vid}/screening")
    String screening(@PathVariable UUID vid, @Valid CommunityCommands.RecordScreening c) {
        volunteers.recordScreening(vid, c);
        return "redirect:/community/volunteers/" + vid;
    }

    @PostMapping("/community/volunteers/{vid}/hours")
    String hours(@PathVariable UUID vid, @Valid CommunityCommands.LogHours c) {
        volunteers.logHours(vid, c);
        return "redirect:/community/volunteers/" + vid;
    }

    @PostMapping("/community/volunteers/{vid}/recognition")
    String recognise(@PathVariable UUID vid, @Valid CommunityCommands.Recognise c) {
        volunteers.recognise(vid, c);
        return "redirect:/community/volunteers/" + vid;
    }

    /** A training followed; refused (a field empty, a date to come) it comes back with what was typed, 422, the field named. */
    @PostMapping("/community/volunteers/{vid}/training")
    String training(@PathVariable UUID vid, @Valid @ModelAttribute("training") CommunityCommands.RecordTraining c,
                    BindingResult errors, Model model, HttpServletResponse response) {
        if (!errors.hasErrors()) {
            try {
                volunteers.recordTraining(vid, c);
                return "redirect:/community/volunteers/" + vid + "#training-h";
            } catch (RuleViolation v) {
                errors.rejectValue(v.field(), v.messageKey(), v.messageKey());
            }
        }
        response.setStatus(422);
        return volunteer(vid, model);
    }

    /** The coordinator answers a volunteer's feedback (version read; someone else answering first gives 409). */
    @PostMapping("/community/volunteers/{vid}/feedback/{fid}/reply")
    String reply(@PathVariable UUID vid, @PathVariable UUID fid, @Valid CommunityCommands.ReplyToFeedback c) {
        volunteers.replyToFeedback(vid, fid, c);
        return "redirect:/community/volunteers/" + vid + "#feedback-h";
    }

    @PostMapping("/community/volunteers/{vid}/stop")
    String stop(@PathVariable UUID vid, @Valid CommunityCommands.StopVolunteer c) {
        volunteers.stop(vid, c);
        return "redirect:/community";
    }

    private String form(Model model, UUID vid) {
        model.addAttribute("vid", vid);
        model.addAttribute("kinds", Volunteer.KindOfWork.values());
        model.addAttribute("ways", Volunteer.CameInVia.values());
        model.addAttribute("dayParts", Volunteer.DAY_PARTS);
        model.addAttribute("coordinators", coordinators.of(CurrentUser.get().organisationId()));
        return "community/volunteer";
    }

    private static CommunityCommands.SaveVolunteer emptyVolunteer() {
        return new CommunityCommands.SaveVolunteer("", null, Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(),
                null, null, BigDecimal.valueOf(2), 2, null, null);
    }

    // ---- a volunteer's own page ----

    @GetMapping("/community/mine")
    String mine(Model model) {
        model.addAttribute("mine", volunteers.mine());
        model.addAttribute("today", LocalDate.now());
        if (!model.containsAttribute("feedback")) {
            model.addAttribute("feedback", new CommunityCommands.GiveFeedback(null, null, ""));
        }
        return "community/mine";
    }

    /** The volunteer's own feedback; refused it comes back with what was typed, 422, the field named. */
    @PostMapping("/community/mine/feedback")
    String feedback(@Valid @ModelAttribute("feedback") CommunityCommands.GiveFeedback c, BindingResult errors, Model model,
                    HttpServletResponse response) {
        if (!errors.hasErrors()) {
            try {
                volunteers.giveFeedback(c);
                return "redirect:/community/mine#feedback-h";
            } catch (RuleViolation v) {
                errors.rejectValue(v.field(), v.messageKey(), v.messageKey());
            }
        }
        response.setStatus(422);
        return mine(model);
    }

    @PostMapping("/community/mine/hours")
    String ownHours(@Valid CommunityCommands.LogHours c) {
        volunteers.logHours(null, c);
        return "redirect:/community/mine";
    }

    @PostMapping("/community/mine/load")
    String ownLoad(@Valid CommunityCommands.ReportLoad c) {
        volunteers.reportOwnLoad(c);
        return "redirect:/community/mine";
    }

    @PostMapping("/community/mine/matches/{mid}/answer")
    String volunteerAnswer(@PathVariable UUID mid, @Valid CommunityCommands.Answer a) {
        matching.answerAsVolunteer(mid, a, volunteers);
        return "redirect:/community/mine";
    }

    @PostMapping("/community/mine/stop")
    String ownStop(@Valid CommunityCommands.StopVolunteer c) {
        volunteers.stop(null, c);
        return "redirect:/community/mine";
    }

    // ---- the person's community tab: requests from the plan or from a professional ----

    @GetMapping("/persons/{id}/community")
    String personTab(@PathVariable UUID id, Model model) {
        model.addAttribute("requests", matching.requestsOf(id));
        model.addAttribute("person", persons.get(id));
        model.addAttribute("memberOf", groups.groupsOf(id));
        model.addAttribute("joinable", groups.joinable());
        model.addAttribute("neighbourhood", neighbourhood.ofPerson(id));
        model.addAttribute("activityChoices", neighbourhood.choicesFor(id));
        model.addAttribute("offerPlaces", neighbourhood.placesFor(id));
        model.addAttribute("mayPlan", access.may(id, Part.PLAN, AccessKind.WRITE));
        model.addAttribute("mayLeave", access.may(id, Part.COMMUNITY, AccessKind.WRITE_AS_PERSON));
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("goals", access.may(id, Part.PLAN, AccessKind.READ)
                ? plans.current(id).map(PlanView::goals).orElse(List.of()) : List.of());
        model.addAttribute("canRequest", access.may(id, Part.COMMUNITY, AccessKind.WRITE)
                && CurrentUser.get().role().supportsPeople());
        model.addAttribute("steps", volunteerSteps(id));
        model.addAttribute("coordinators", coordinators.of(CurrentUser.get().organisationId()));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new CommunityCommands.RequestBuddy(null, null, "", null));
        }
        return "community/person";
    }

    @PostMapping("/persons/{id}/community/requests")
    String request(@PathVariable UUID id, @Valid @ModelAttribute("form") CommunityCommands.RequestBuddy form,
                   BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            return personTab(id, model);
        }
        return "redirect:/community/requests/" + matching.request(id, form);
    }

    // ---- the person in the neighbourhood: sign up, came, what they offer (refused: back on the tab, 422, field named) ----

    /** A person joins a support group from their tab (the group chosen in the form; the group page's route takes it in the path). */
    @PostMapping("/persons/{id}/community/groups")
    String joinGroup(@PathVariable UUID id, @Valid JoinGroup c) {
        groups.addMember(c.groupId(), new org.samenkracht.community.SupportGroupCommands.AddMember(id, c.ownPlan(), c.goalId()));
        return "redirect:/persons/" + id + "/community#groups-h";
    }

    /** The person leaves a group (themselves, their team, or the coach from the group's page: then back there). */
    @PostMapping("/persons/{id}/community/groups/{gid}/leave")
    String leaveGroup(@PathVariable UUID id, @PathVariable UUID gid,
                      @org.springframework.web.bind.annotation.RequestParam(required = false) String back) {
        groups.leave(gid, id);
        return "group".equals(back) ? "redirect:/community/groups/" + gid : "redirect:/persons/" + id + "/community#groups-h";
    }

    record JoinGroup(@jakarta.validation.constraints.NotNull(message = "{validation.choice}") UUID groupId,
                     @jakarta.validation.constraints.Size(max = 1000, message = "{validation.tooLong}") String ownPlan, UUID goalId) {
    }

    @PostMapping("/persons/{id}/community/signups")
    String signUp(@PathVariable UUID id, @Valid NeighbourhoodCommands.SignUp c, Model model, HttpServletResponse response) {
        return onTab(id, "signup", () -> neighbourhood.signUp(id, c), model, response);
    }

    @PostMapping("/persons/{id}/community/signups/{aid}/sign-off")
    String signOff(@PathVariable UUID id, @PathVariable UUID aid, Model model, HttpServletResponse response) {
        return onTab(id, "signoff", () -> neighbourhood.signOff(id, aid), model, response);
    }

    @PostMapping("/persons/{id}/community/attendance")
    String attend(@PathVariable UUID id, @Valid NeighbourhoodCommands.RecordAttendance c, Model model, HttpServletResponse response) {
        return onTab(id, "attendance", () -> neighbourhood.attend(id, c), model, response);
    }

    @PostMapping("/persons/{id}/community/offers")
    String offer(@PathVariable UUID id, @Valid @ModelAttribute("offerTyped") NeighbourhoodCommands.OfferStrength c, BindingResult errors,
                 Model model, HttpServletResponse response) {
        if (errors.hasErrors()) {
            var field = errors.getFieldError();
            return onTab(id, "offer", () -> {
                throw new RuleViolation(field == null ? "what" : field.getField(), field != null && field.getDefaultMessage() != null
                        && field.getDefaultMessage().startsWith("{") ? field.getDefaultMessage().replaceAll("[{}]", "") : "validation.required");
            }, model, response);
        }
        return onTab(id, "offer", () -> neighbourhood.offer(id, c), model, response);
    }

    @PostMapping("/persons/{id}/community/offers/{oid}/withdraw")
    String withdraw(@PathVariable UUID id, @PathVariable UUID oid) {
        neighbourhood.withdraw(id, oid);
        return "redirect:/persons/" + id + "/community#offers-h";
    }

    private String onTab(UUID personId, String form, Runnable work, Model model, HttpServletResponse response) {
        try {
            work.run();
            return "redirect:/persons/" + personId + "/community#places-h";
        } catch (RuleViolation v) {
            model.addAttribute("placeError", form);
            model.addAttribute("placeErrorField", v.field());
            model.addAttribute("placeErrorKey", v.messageKey());
            response.setStatus(422);
            return personTab(personId, model);
        }
    }

    /** Steps of the plan at the volunteer layer, from which a buddy may be requested. */
    private List<StepChoice> volunteerSteps(UUID personId) {
        if (!access.may(personId, Part.PLAN, AccessKind.READ)) {
            return List.of();
        }
        return plans.current(personId).map(p -> p.goals().stream().flatMap(g -> g.steps().stream()
                        .filter(s -> CommunityLayer.isVolunteerLayer(s.layer()) && !s.ended())
                        .map(s -> new StepChoice(s.id(), g.number(), s.description()))).toList())
                .orElse(List.of());
    }

    record StepChoice(UUID id, int goal, String description) {
    }

    // ---- one request: network first, home visit, suggestions, matches ----

    @GetMapping("/community/requests/{rid}")
    String request(@PathVariable UUID rid, Model model) {
        BuddyRequest r = matching.get(rid);
        model.addAttribute("r", r);
        // the worklist is the coordinator's page: a professional who follows the request is not sent there
        model.addAttribute("coordinates", Volunteers.coordinates(CurrentUser.get()));
        model.addAttribute("check", matching.networkCheck(rid));
        model.addAttribute("suggestions", matching.suggestions(rid));
        model.addAttribute("effectsByMatch", effects.of(rid).stream()
                .collect(java.util.stream.Collectors.groupingBy(org.samenkracht.community.MatchEffects.Effect::matchId)));
        model.addAttribute("kinds", Volunteer.KindOfWork.values());
        model.addAttribute("dayParts", Volunteer.DAY_PARTS);
        model.addAttribute("contactKinds", BuddyMatching.ContactKind.values());
        model.addAttribute("withWhom", BuddyMatching.WithWhom.values());
        model.addAttribute("today", LocalDate.now());
        model.addAttribute("yearFromNow", LocalDate.now().plusYears(1));
        // a coordinator may propose someone outside the suggestions: active and screened (an overload warns first)
        model.addAttribute("others", Volunteers.coordinates(CurrentUser.get()) && r.needsMatch() ? volunteers.list().stream()
                .filter(v -> v.status() == Volunteer.Status.ACTIVE && v.screening().complete()).toList() : List.of());
        if (!model.containsAttribute("overload")) {
            model.addAttribute("overload", null);
            model.addAttribute("proposeForm", null);
        }
        return "community/request";
    }

    @PostMapping("/community/requests/{rid}/network-check")
    String networkCheck(@PathVariable UUID rid, @Valid CommunityCommands.RecordNetworkCheck c) {
        matching.recordNetworkCheck(rid, c);
        return "redirect:/community/requests/" + rid;
    }

    @PostMapping("/community/requests/{rid}/home-visit")
    String homeVisit(@PathVariable UUID rid, @Valid CommunityCommands.RecordHomeVisit c) {
        matching.recordHomeVisit(rid, c);
        return "redirect:/community/requests/" + rid;
    }

    @PostMapping("/community/requests/{rid}/matches")
    String propose(@PathVariable UUID rid, @Valid CommunityCommands.ProposeMatch c, Model model, HttpServletResponse response) {
        try {
            matching.propose(rid, c);
        } catch (org.samenkracht.community.OverloadWarning warning) {
            // the coordinator sees the load figures and the form as typed, and may confirm
            model.addAttribute("overload", warning);
            model.addAttribute("proposeForm", c);
            response.setStatus(422);
            return request(rid, model);
        }
        return "redirect:/community/requests/" + rid;
    }

    @PostMapping("/community/matches/{mid}/person-answer")
    String personAnswer(@PathVariable UUID mid, @Valid CommunityCommands.Answer a) {
        matching.answerAsPerson(mid, a);
        return "redirect:/community/requests/" + matching.requestOfMatch(mid);
    }

    @PostMapping("/community/matches/{mid}/contacts")
    String contact(@PathVariable UUID mid, @Valid CommunityCommands.RecordContact c) {
        matching.recordContact(mid, c);
        return "redirect:/community/requests/" + matching.requestOfMatch(mid);
    }

    @PostMapping("/community/matches/{mid}/rematch")
    String rematch(@PathVariable UUID mid) {
        matching.rematch(mid);
        return "redirect:/community/requests/" + matching.requestOfMatch(mid);
    }

    @PostMapping("/community/matches/{mid}/complete")
    String complete(@PathVariable UUID mid) {
        matching.complete(mid);
        return "redirect:/community/requests/" + matching.requestOfMatch(mid);
    }
}
