package org.samenkracht.signals.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.samenkracht.signals.NetworkPartners;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The partners of the signalling network (issue 19, item 6): core and shell partners, the covenant and privacy rules
 * in force, who signed them for each partner, when and which versions. Read by the organisation's staff; kept by
 * coaches and administrators (the forms show only to them).
 */
@Controller
@RequestMapping("/signals/partners")
class PartnerNetworkPages {

    private final NetworkPartners partners;
    private final SignalForms forms;

    PartnerNetworkPages(NetworkPartners partners, SignalForms forms) {
        this.partners = partners;
        this.forms = forms;
    }

    @GetMapping
    String partners(Model model) {
        model.addAttribute("o", partners.overview());
        model.addAttribute("mayKeep", partners.mayKeep());
        model.addAttribute("memberships", NetworkPartners.Membership.values());
        model.addAttribute("today", LocalDate.now(org.samenkracht.signals.Signals.ZONE));
        return "signals/partners";
    }

    @PostMapping("/covenant")
    String covenant(@RequestParam(required = false) String covenantVersion,
                    @RequestParam(required = false) String privacyRulesVersion,
                    @RequestParam(defaultValue = "0") int version,
                    HttpServletRequest request, HttpServletResponse response, Model model) {
        return forms.post("covenant", request, response, model, () -> {
            partners.setCovenant(new NetworkPartners.SetCovenant(covenantVersion, privacyRulesVersion, version));
            return "redirect:/signals/partners";
        }, () -> partners(model));
    }

    @PostMapping("/{agreementId}/membership")
    String membership(@PathVariable UUID agreementId, @RequestParam(required = false) NetworkPartners.Membership membership,
                      @RequestParam(defaultValue = "0") int version,
                      HttpServletRequest request, HttpServletResponse response, Model model) {
        return forms.post("membership-" + agreementId, request, response, model, () -> {
            partners.setMembership(agreementId, new NetworkPartners.SetMembership(membership, version));
            return "redirect:/signals/partners#partner-" + agreementId;
        }, () -> partners(model));
    }

    @PostMapping("/{agreementId}/signatures")
    String sign(@PathVariable UUID agreementId, @RequestParam(required = false) String signedBy,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn,
                @RequestParam(required = false) String covenantVersion,
                @RequestParam(required = false) String privacyRulesVersion,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        return forms.post("signature-" + agreementId, request, response, model, () -> {
            SignalForms.within("signedBy", signedBy, 200);
            partners.sign(agreementId, new NetworkPartners.Sign(signedBy, signedOn, covenantVersion, privacyRulesVersion));
            return "redirect:/signals/partners#partner-" + agreementId;
        }, () -> partners(model));
    }
}
