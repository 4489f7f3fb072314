package org.samenkracht.network.web;

import org.samenkracht.vocabulary.Layer;
import jakarta.validation.Valid;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.network.Addition;
import org.samenkracht.network.Ecogram;
import org.samenkracht.network.MemberProfile;
import org.samenkracht.network.Network;
import org.samenkracht.network.NetworkHistory;
import org.samenkracht.network.NetworkMember;
import org.samenkracht.network.NetworkMemberRemoved.TaskHandling;
import org.samenkracht.network.NetworkQualities;
import org.samenkracht.network.Removal;
import org.samenkracht.network.ReportLoad;
import org.samenkracht.network.SaveMember;
import org.samenkracht.person.PersonView;
import org.samenkracht.person.Persons;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The network page: the ecogram with its side panel (add, change, load, remove; htmx swaps the
 * live part of the page), its text version, the network's qualities and possible duplicates; and
 * the network as it was on an earlier date. The add form opens on demand ({@code ?add}, or htmx
 * fetching it into the panel): rendering it was about a quarter of the page's time. It stays open
 * after someone was added, so several people go in one after the other, and after a refusal.
 */
@Controller
@RequestMapping("/persons/{personId}/network")
class NetworkPages {

    private final Network network;
    private final Persons persons;
    private final PersonAccess access;
    private final MessageSource messages;

    NetworkPages(Network network, Persons persons, PersonAccess access, MessageSource messages) {
        this.network = network;
        this.persons = persons;
        this.access = access;
        this.messages = messages;
    }

    @ModelAttribute
    void reference(Model model) {
        model.addAttribute("relations", NetworkMember.Relation.values());
        model.addAttribute("layers", Layer.forNetworkMembers());
        model.addAttribute("supportKinds", NetworkMember.SupportKind.values());
        model.addAttribute("frequencies", MemberProfile.ContactFrequency.values());
        model.addAttribute("today", LocalDate.now(Network.ZONE));
    }

    @GetMapping
    String page(@PathVariable UUID personId, @RequestParam(required = false) UUID member,
                @RequestParam(required = false) String add, Model model) {
        List<MemberProfile> members = fill(personId, member, model);
        model.addAttribute("addOpen", add != null);
        MemberProfile selected = (MemberProfile) model.getAttribute("selected");
        model.addAttribute("form", selected != null ? SaveMember.of(selected) : SaveMember.empty());
        model.addAttribute("load", ReportLoad.empty());
        return "network/network";
    }

    @PostMapping
    String add(@PathVariable UUID personId, @Valid @ModelAttribute("form") SaveMember form, BindingResult errors,
               @RequestParam(defaultValue = "false") boolean evenIfDuplicate,
               @RequestParam(required = false) UUID mergeInto, Model model) {
        if (errors.hasErrors()) {
            return again(personId, null, model);
        }
        Addition result;
        try {
            result = network.add(personId, form, evenIfDuplicate || mergeInto != null);
        } catch (RuleViolation v) {
            reject(errors, v);
            return again(personId, null, model);
        }
        if (result instanceof Addition.PossibleDuplicate d) {
            model.addAttribute("duplicateCandidates", d.candidates());
            return again(personId, null, model);
        }
        if (mergeInto != null) {
            network.merge(personId, mergeInto, ((Addition.Added) result).id());
            return "redirect:/persons/" + personId + "/network?member=" + mergeInto;
        }
        return "redirect:/persons/" + personId + "/network?add";
    }

    @PostMapping("/members/{memberId}")
    String change(@PathVariable UUID personId, @PathVariable UUID memberId,
                  @Valid @ModelAttribute("form") SaveMember form, BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            return again(personId, memberId, model);
        }
        try {
            network.change(personId, memberId, form);
        } catch (RuleViolation v) {
            reject(errors, v);
            return again(personId, memberId, model);
        } catch (org.springframework.dao.OptimisticLockingFailureException stale) {
            // someone changed this member meanwhile: show what is there now, and say so
            fill(personId, memberId, model);
            MemberProfile fresh = (MemberProfile) model.getAttribute("selected");
            model.addAttribute("form", fresh != null ? SaveMember.of(fresh) : SaveMember.empty());
            model.addAttribute("load", ReportLoad.empty());
            model.addAttribute("conflict", true);
            return "network/network";
        }
        return "redirect:/persons/" + personId + "/network?member=" + memberId;
    }

    /** The selected member as a form; a member that is not (or no longer) in this network is not found. */
    private static SaveMember selectedForm(Model model) {
        MemberProfile selected = (MemberProfile) model.getAttribute("selected");
        if (selected == null) {
            throw new org.samenkracht.common.domain.NotFound("network member");
        }
        return SaveMember.of(selected);
    }

    @PostMapping("/members/{memberId}/load")
    String reportLoad(@PathVariable UUID personId, @PathVariable UUID memberId,
                      @Valid @ModelAttribute("load") ReportLoad load, BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            fill(personId, memberId, model);
            model.addAttribute("form", selectedForm(model));
            return "network/network";
        }
        try {
            network.reportLoad(personId, memberId, load);
        } catch (RuleViolation v) {
            reject(errors, v);
            fill(personId, memberId, model);
            model.addAttribute("form", selectedForm(model));
            return "network/network";
        }
        return "redirect:/persons/" + personId + "/network?member=" + memberId;
    }

    @PostMapping("/members/{memberId}/remove")
    String remove(@PathVariable UUID personId, @PathVariable UUID memberId,
                  @RequestParam(required = false) TaskHandling tasks,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate since,
                  Model model) {
        Removal removal;
        try {
            removal = network.remove(personId, memberId, tasks, since);
        } catch (RuleViolation v) {
            fill(personId, memberId, model);
            model.addAttribute("form", selectedForm(model));
            model.addAttribute("load", ReportLoad.empty());
            model.addAttribute("removeError", v.messageKey());
            return "network/network";
        }
        if (removal instanceof Removal.TasksNeedDecision d) {
            fill(personId, memberId, model);
            model.addAttribute("form", selectedForm(model));
            model.addAttribute("load", ReportLoad.empty());
            model.addAttribute("tasksDecision", d.tasks());
            model.addAttribute("removeSince", since);
            return "network/network";
        }
        return "redirect:/persons/" + personId + "/network";
    }

    @PostMapping("/merge")
    String merge(@PathVariable UUID personId, @RequestParam UUID kept, @RequestParam UUID merged) {
        network.merge(personId, kept, merged);
        return "redirect:/persons/" + personId + "/network?member=" + kept;
    }

    @GetMapping("/history")
    String history(@PathVariable UUID personId,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                   Model model) {
        PersonView person = persons.whose(personId, Part.NETWORK);
        LocalDate day = on != null ? on : LocalDate.now(Network.ZONE).minusMonths(3);
        NetworkHistory history = network.history(personId, day);
        model.addAttribute("person", person);
        model.addAttribute("history", history);
        model.addAttribute("members", history.membersThen());
        model.addAttribute("inLayers", MemberProfile.inLayers(history.membersThen()));
        model.addAttribute("ecogram", Ecogram.render(person.givenName(), history.membersThen(), this::text, null, null));
        return "network/history";
    }

    /** A rule the service refused is shown next to its field, like a validation error (htmx swaps only 2xx). */
    private static void reject(BindingResult errors, RuleViolation v) {
        if (errors.getTarget() != null && v.field() != null
                && java.util.Arrays.stream(errors.getTarget().getClass().getRecordComponents()).anyMatch(c -> c.getName().equals(v.field()))) {
            errors.rejectValue(v.field(), v.messageKey(), v.args(), v.messageKey());
        } else {
            errors.reject(v.messageKey(), v.args(), v.messageKey());
        }
    }

    private String again(UUID personId, UUID memberId, Model model) {
        fill(personId, memberId, model);
        model.addAttribute("addOpen", true);
        model.addAttribute("load", ReportLoad.empty());
        return "network/network";
    }

    private List<MemberProfile> fill(UUID personId, UUID selectedId, Model model) {
        PersonView person = persons.whose(personId, Part.NETWORK);
        List<MemberProfile> members = network.profiles(personId);
        MemberProfile selected = selectedId == null ? null
                : members.stream().filter(m -> m.id().equals(selectedId)).findFirst().orElse(null);
        model.addAttribute("person", person);
        model.addAttribute("members", members);
        model.addAttribute("inLayers", MemberProfile.inLayers(members));
        model.addAttribute("selected", selected);
        model.addAttribute("qualities", NetworkQualities.of(members));
        model.addAttribute("duplicates", Network.duplicatesAmong(members));
        model.addAttribute("canWrite", access.may(personId, Part.NETWORK, AccessKind.WRITE_AS_PERSON));
        model.addAttribute("addOpen", false);
        model.addAttribute("ecogram", Ecogram.render(person.givenName(), members, this::text,
                "/persons/" + personId + "/network?member=", "#panel"));
        return members;
    }

    private String text(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, key, locale);
    }
}
