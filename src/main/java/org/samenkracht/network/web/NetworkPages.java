package org.samenkracht.network.web;

import jakarta.validation.Valid;
import org.samenkracht.network.AddNetworkMember;
import org.samenkracht.network.Network;
import org.samenkracht.network.NetworkMember;
import org.samenkracht.person.Persons;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import java.util.UUID;

@Controller
@RequestMapping("/persons/{personId}/network")
class NetworkPages {

    private final Network network;
    private final Persons persons;
    private final PersonAccess access;

    NetworkPages(Network network, Persons persons, PersonAccess access) {
        this.network = network;
        this.persons = persons;
        this.access = access;
    }

    @ModelAttribute
    void reference(Model model) {
        model.addAttribute("relations", NetworkMember.Relation.values());
        model.addAttribute("layers", NetworkMember.Layer.values());
        model.addAttribute("supportKinds", NetworkMember.SupportKind.values());
    }

    @GetMapping
    String page(@PathVariable UUID personId, Model model) {
        fill(personId, model);
        model.addAttribute("form", AddNetworkMember.empty());
        return "network/network";
    }

    @PostMapping
    String add(@PathVariable UUID personId, @Valid @ModelAttribute("form") AddNetworkMember form,
               BindingResult errors, Model model) {
        if (errors.hasErrors()) {
            fill(personId, model);
            return "network/network";
        }
        network.add(personId, form);
        return "redirect:/persons/" + personId + "/network";
    }

    private void fill(UUID personId, Model model) {
        model.addAttribute("person", persons.get(personId));
        model.addAttribute("members", network.members(personId));
        model.addAttribute("canWrite", access.may(personId, AccessKind.WRITE));
    }
}
