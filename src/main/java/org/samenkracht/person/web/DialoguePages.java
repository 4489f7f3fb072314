package org.samenkracht.person.web;

import jakarta.validation.Valid;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.person.Conversations;
import org.samenkracht.person.Logbook;
import org.samenkracht.person.OwnStory;
import org.samenkracht.person.PersonView;
import org.samenkracht.person.Persons;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletResponse;

import java.util.UUID;

/** The pages of the dialogue: own story, conversations with their report, and the logbook. */
@Controller
class DialoguePages {

    private final Persons persons;
    private final OwnStory story;
    private final Conversations conversations;
    private final Logbook logbook;
    private final PersonAccess access;

    DialoguePages(Persons persons, OwnStory story, Conversations conversations, Logbook logbook, PersonAccess access) {
        this.persons = persons;
        this.story = story;
        this.conversations = conversations;
        this.logbook = logbook;
        this.access = access;
    }

    private PersonView person(UUID id, Part part, Model model) {
        PersonView person = persons.whose(id, part);
        model.addAttribute("person", person);
        model.addAttribute("me", CurrentUser.get());
        model.addAttribute("isPerson", CurrentUser.get().isPersonHimself(id));
        model.addAttribute("canWrite", access.may(id, part, AccessKind.WRITE));
        return person;
    }

    // --- own story

    @GetMapping("/persons/{id}/story")
    String story(@PathVariable UUID id, Model model) {
        person(id, Part.OWN_STORY, model);
        model.addAttribute("entries", story.entries(id));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new OwnStory.Write(""));
        }
        return "person/story";
    }

    @PostMapping("/persons/{id}/story")
    String addToStory(@PathVariable UUID id, @Valid @ModelAttribute("form") OwnStory.Write form, BindingResult errors,
                      Model model, HttpServletResponse response) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return story(id, model);
        }
        story.add(id, form);
        return "redirect:/persons/" + id + "/story";
    }

    @GetMapping("/persons/{id}/story/{entryId}/edit")
    String editStory(@PathVariable UUID id, @PathVariable UUID entryId, Model model) {
        person(id, Part.OWN_STORY, model);
        OwnStory.Entry entry = story.entries(id).stream().filter(e -> e.id().equals(entryId)).findFirst()
                .orElseThrow(() -> new org.samenkracht.common.domain.NotFound("story entry"));
        model.addAttribute("entry", entry);
        model.addAttribute("form", new OwnStory.Edit(entry.text(), entry.version()));
        return "person/story-edit";
    }

    @PostMapping("/persons/{id}/story/{entryId}/edit")
    String saveStory(@PathVariable UUID id, @PathVariable UUID entryId, @Valid @ModelAttribute("form") OwnStory.Edit form,
                     BindingResult errors, Model model, HttpServletResponse response) {
        if (!errors.hasErrors()) {
            try {
                story.edit(id, entryId, form);
                return "redirect:/persons/" + id + "/story";
            } catch (OptimisticLockingFailureException e) {
                response.setStatus(HttpStatus.CONFLICT.value());
                model.addAttribute("conflict", true);
            }
        } else {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        person(id, Part.OWN_STORY, model);
        model.addAttribute("entry", story.entries(id).stream().filter(e -> e.id().equals(entryId)).findFirst()
                .orElseThrow(() -> new org.samenkracht.common.domain.NotFound("story entry")));
        return "person/story-edit";
    }

    // --- conversations

    @GetMapping("/persons/{id}/conversations")
    String conversations(@PathVariable UUID id, Model model) {
        person(id, Part.CONVERSATIONS, model);
        model.addAttribute("conversations", conversations.all(id));
        return "person/conversations";
    }

    @GetMapping("/persons/{id}/conversations/new")
    String newConversation(@PathVariable UUID id, Model model) {
        person(id, Part.CONVERSATIONS, model);
        model.addAttribute("form", Conversations.Record.empty());
        model.addAttribute("strategies", Conversations.Strategy.values());
        return "person/conversation-form";
    }

    @PostMapping("/persons/{id}/conversations")
    String hold(@PathVariable UUID id, @Valid @ModelAttribute("form") Conversations.Record form, BindingResult errors,
                Model model, HttpServletResponse response) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            person(id, Part.CONVERSATIONS, model);
            model.addAttribute("strategies", Conversations.Strategy.values());
            return "person/conversation-form";
        }
        UUID conversationId = conversations.hold(id, form);
        return "redirect:/persons/" + id + "/conversations/" + conversationId;
    }

    @GetMapping("/persons/{id}/conversations/{cid}")
    String conversation(@PathVariable UUID id, @PathVariable UUID cid, Model model) {
        person(id, Part.CONVERSATIONS, model);
        model.addAttribute("c", conversations.get(id, cid));
        model.addAttribute("mayAgree", access.may(id, Part.CONVERSATIONS, AccessKind.WRITE_AS_PERSON)
                && (CurrentUser.get().isPersonHimself(id) || Conversations.agreesAsProfessional(CurrentUser.get())));
        if (!model.containsAttribute("remarkForm")) {
            model.addAttribute("remarkForm", new Conversations.RemarkText(""));
        }
        return "person/conversation";
    }

    @GetMapping("/persons/{id}/conversations/{cid}/edit")
    String editConversation(@PathVariable UUID id, @PathVariable UUID cid, Model model) {
        person(id, Part.CONVERSATIONS, model);
        Conversations.View c = conversations.get(id, cid);
        model.addAttribute("c", c);
        model.addAttribute("form", Conversations.Record.of(c));
        model.addAttribute("strategies", Conversations.Strategy.values());
        return "person/conversation-form";
    }

    @PostMapping("/persons/{id}/conversations/{cid}/edit")
    String change(@PathVariable UUID id, @PathVariable UUID cid, @Valid @ModelAttribute("form") Conversations.Record form,
                  BindingResult errors, Model model, HttpServletResponse response) {
        if (!errors.hasErrors()) {
            try {
                conversations.change(id, cid, form);
                return "redirect:/persons/" + id + "/conversations/" + cid;
            } catch (OptimisticLockingFailureException e) {
                // Nothing lost: the editor keeps their text and sees what was saved meanwhile.
                response.setStatus(HttpStatus.CONFLICT.value());
                model.addAttribute("conflict", true);
                model.addAttribute("current", conversations.get(id, cid));
            }
        } else {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        person(id, Part.CONVERSATIONS, model);
        model.addAttribute("c", conversations.get(id, cid));
        model.addAttribute("strategies", Conversations.Strategy.values());
        return "person/conversation-form";
    }

    @PostMapping("/persons/{id}/conversations/{cid}/agree")
    String agree(@PathVariable UUID id, @PathVariable UUID cid, @RequestParam int version) {
        conversations.agree(id, cid, version);
        return "redirect:/persons/" + id + "/conversations/" + cid;
    }

    @PostMapping("/persons/{id}/conversations/{cid}/remarks")
    String remark(@PathVariable UUID id, @PathVariable UUID cid,
                  @Valid @ModelAttribute("remarkForm") Conversations.RemarkText form, BindingResult errors, Model model,
                  HttpServletResponse response) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return conversation(id, cid, model);
        }
        conversations.remark(id, cid, form);
        return "redirect:/persons/" + id + "/conversations/" + cid;
    }

    // --- logbook

    @GetMapping("/persons/{id}/logbook")
    String logbook(@PathVariable UUID id, @RequestParam(required = false) String q, Model model) {
        person(id, Part.LOGBOOK, model);
        model.addAttribute("q", q);
        model.addAttribute("entries", logbook.entries(id, q));
        model.addAttribute("kinds", Logbook.Kind.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Logbook.NewEntry.empty());
        }
        return "person/logbook";
    }

    @PostMapping("/persons/{id}/logbook")
    String addToLogbook(@PathVariable UUID id, @Valid @ModelAttribute("form") Logbook.NewEntry form, BindingResult errors,
                        Model model, HttpServletResponse response) {
        if (!errors.hasErrors()) {
            try {
                logbook.add(id, form);
                return "redirect:/persons/" + id + "/logbook";
            } catch (RuleViolation v) {
                errors.rejectValue(v.field(), v.messageKey(), v.args(), v.messageKey());
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return logbook(id, null, model);
    }

    @GetMapping("/logbook")
    String search(@RequestParam(required = false) String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("hits", q == null || q.isBlank() ? java.util.List.of() : logbook.search(q));
        return "person/logbook-search";
    }
}
