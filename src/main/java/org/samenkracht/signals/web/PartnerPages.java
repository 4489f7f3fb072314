package org.samenkracht.signals.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.signals.Signals;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A signalling partner's own page: the short form (fits a phone) and the receipts of its own signals.
 * Also the partner link without an account (throttled) and the receipt behind its token.
 */
@Controller
class PartnerPages {

    private final Signals signals;

    PartnerPages(Signals signals) {
        this.signals = signals;
    }

    @GetMapping("/signals/partner")
    String page(Model model) {
        if (!model.containsAttribute("report")) {
            model.addAttribute("report", Signals.Report.empty());
        }
        model.addAttribute("receipts", signals.myReceipts());
        model.addAttribute("choices", signals.partnerChoices());
        return "signals/partner";
    }

    @PostMapping("/signals/partner")
    String report(@Valid @ModelAttribute("report") Signals.Report report, BindingResult errors, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        if (!errors.hasErrors()) {
            try {
                redirect.addFlashAttribute("received", signals.reportAsPartner(report).reference());
                return "redirect:/signals/partner";
            } catch (RuleViolation v) {
                errors.rejectValue(v.field(), v.messageKey(), v.args(), v.messageKey());
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        model.addAttribute("receipts", signals.myReceipts());
        model.addAttribute("choices", signals.partnerChoices());
        return "signals/partner";
    }

    @GetMapping("/signals/link/{token}")
    String linkForm(@PathVariable String token, Model model) {
        model.addAttribute("report", Signals.Report.empty());
        model.addAttribute("token", token);
        model.addAttribute("choices", signals.linkChoices(token));
        return "signals/link";
    }

    @PostMapping("/signals/link/{token}")
    String linkReport(@PathVariable String token, @Valid @ModelAttribute("report") Signals.Report report,
                      BindingResult errors, Model model, HttpServletResponse response) {
        model.addAttribute("token", token);
        model.addAttribute("choices", signals.linkChoices(token));
        if (!errors.hasErrors()) {
            try {
                Signals.Received received = signals.reportThroughLink(token, report);
                return "redirect:/signals/receipt/" + received.receiptToken() + "?new";
            } catch (Signals.Throttled t) {
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                model.addAttribute("throttled", true);
                return "signals/link";
            } catch (RuleViolation v) {
                errors.rejectValue(v.field(), v.messageKey(), v.args(), v.messageKey());
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return "signals/link";
    }

    @GetMapping("/signals/receipt/{token}")
    String receipt(@PathVariable String token, Model model) {
        model.addAttribute("receipt", signals.receipt(token));
        return "signals/receipt";
    }
}
