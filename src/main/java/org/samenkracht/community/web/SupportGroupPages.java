package org.samenkracht.community.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.community.SupportGroup;
import org.samenkracht.community.SupportGroupCommands;
import org.samenkracht.community.SupportGroups;
import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import java.time.LocalDate;
import java.util.UUID;
import java.util.stream.Stream;

/** Support-group pages: the list (and a new group), one group with its members, topics and meetings. */
@Controller
class SupportGroupPages {

    private final SupportGroups groups;
    private final Accounts accounts;

    SupportGroupPages(SupportGroups groups, Accounts accounts) {
        this.groups = groups;
        this.accounts = accounts;
    }

    @GetMapping("/community/groups")
    String list(Model model) {
        model.addAttribute("groups", groups.list());
        CurrentUser user = CurrentUser.get();
        boolean keeps = SupportGroups.keepsGroups(user);
        model.addAttribute("keeps", keeps);
        if (keeps) {
            model.addAttribute("coaches", Stream.of(Role.COACH, Role.PROFESSIONAL, Role.COORDINATOR)
                    .flatMap(r -> accounts.withRole(user.organisationId(), r).stream()).toList());
            if (!model.containsAttribute("form")) {
                model.addAttribute("form", new SupportGroupCommands.CreateGroup("", null, "", ""));
            }
        }
        return "community/groups";
    }

    @PostMapping("/community/groups")
    String create(@Valid @ModelAttribute("form") SupportGroupCommands.CreateGroup form, BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            return list(model);
        }
        return "redirect:/community/groups/" + groups.create(form);
    }

    @GetMapping("/community/groups/{gid}")
    String group(@PathVariable UUID gid, Model model) {
        SupportGroup g = groups.get(gid);
        model.addAttribute("g", g);
        model.addAttribute("isCoach", g.coachId().equals(CurrentUser.get().id()));
        model.addAttribute("today", LocalDate.now());
        if (!model.containsAttribute("meeting")) {
            model.addAttribute("meeting", null);
        }
        return "community/group";
    }

    @PostMapping("/community/groups/{gid}/members")
    String addMember(@PathVariable UUID gid, @Valid SupportGroupCommands.AddMember c) {
        groups.addMember(gid, c);
        return "redirect:/persons/" + c.personId() + "/community";
    }

    @PostMapping("/community/groups/{gid}/topics")
    String addTopic(@PathVariable UUID gid, @Valid SupportGroupCommands.AddTopic c) {
        groups.addTopic(gid, c);
        return "redirect:/community/groups/" + gid;
    }

    /** A refused meeting comes back with what was typed and the field named (422). */
    @PostMapping("/community/groups/{gid}/meetings")
    String meeting(@PathVariable UUID gid, @Valid @ModelAttribute("meeting") SupportGroupCommands.RecordMeeting c,
                   BindingResult errors, Model model, HttpServletResponse response) {
        if (!errors.hasErrors()) {
            try {
                groups.recordMeeting(gid, c);
                return "redirect:/community/groups/" + gid;
            } catch (RuleViolation v) {
                model.addAttribute("refusedField", v.field());
                model.addAttribute("refusedKey", v.messageKey());
            }
        } else {
            model.addAttribute("refusedField", errors.getFieldError() == null ? "heldOn" : errors.getFieldError().getField());
            model.addAttribute("refusedKey", "form.hasErrors");
        }
        response.setStatus(422);
        return group(gid, model);
    }
}
