package org.samenkracht.network.web;

import jakarta.validation.Valid;
import org.samenkracht.network.Network;
import org.samenkracht.network.ReportLoad;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A network member's own page: only their own entries (where the entry's account is theirs), their
 * tasks and their load, which they report themselves. It does not open the person's file.
 */
@Controller
@RequestMapping("/network/mine")
class MinePages {

    private final Network network;

    MinePages(Network network) {
        this.network = network;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("entries", network.mine());
        model.addAttribute("load", ReportLoad.empty());
        model.addAttribute("today", LocalDate.now(Network.ZONE));
        return "network/mine";
    }

    @PostMapping("/{memberId}/load")
    String report(@PathVariable UUID memberId, @Valid @ModelAttribute("load") ReportLoad load, BindingResult errors,
                  Model model) {
        if (errors.hasErrors()) {
            model.addAttribute("entries", network.mine());
            model.addAttribute("failedMember", memberId);
            model.addAttribute("today", LocalDate.now(Network.ZONE));
            return "network/mine";
        }
        network.reportOwnLoad(memberId, load);
        return "redirect:/network/mine";
    }
}
