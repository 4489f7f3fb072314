package org.samenkracht.socialmap.web;

import org.samenkracht.vocabulary.LifeDomain;
import org.samenkracht.vocabulary.Intensity;
import org.samenkracht.vocabulary.Layer;
import org.samenkracht.socialmap.OfferRow;
import org.samenkracht.socialmap.OfferTerms;
import org.samenkracht.socialmap.SocialMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.Map;

/** A provider updates its own fiche through the invitation link (no account needed). */
@Controller
@RequestMapping("/socialmap/fiche/{token}")
class FichePages {

    private final SocialMap socialMap;

    FichePages(SocialMap socialMap) {
        this.socialMap = socialMap;
    }

    private void reference(Model model) {
        model.addAttribute("domains", LifeDomain.values());
        model.addAttribute("targetGroups", OfferTerms.TargetGroup.values());
        model.addAttribute("layers", Layer.forOffers());
        model.addAttribute("intensities", Intensity.values());
        model.addAttribute("accessRoutes", OfferTerms.AccessRoute.values());
        model.addAttribute("providerKinds", OfferTerms.ProviderKind.values());
        model.addAttribute("accessibilities", OfferTerms.Accessibility.values());
        model.addAttribute("languages", OfferTerms.LANGUAGES);
    }

    @GetMapping
    String page(@PathVariable String token, Model model) {
        reference(model);
        var offer = socialMap.fiche(token);
        model.addAttribute("offer", offer);
        model.addAttribute("fields", OfferForms.fields(offer));
        model.addAttribute("problems", Map.of());
        model.addAttribute("token", token);
        return "socialmap/form";
    }

    @PostMapping
    String save(@PathVariable String token, @RequestParam int version, @RequestParam MultiValueMap<String, String> params,
                Model model) {
        Map<String, String> fields = OfferForms.fields(params);
        try {
            socialMap.updateFiche(token, version, fields);
            return "redirect:/socialmap/fiche/" + token + "?saved";
        } catch (SocialMap.InvalidOffer e) {
            reference(model);
            Map<String, OfferRow.Problem> byField = new LinkedHashMap<>();
            e.problems().forEach(p -> byField.putIfAbsent(p.field(), p));
            model.addAttribute("offer", socialMap.fiche(token));
            model.addAttribute("fields", fields);
            model.addAttribute("problems", byField);
            model.addAttribute("token", token);
            return "socialmap/form";
        }
    }
}
