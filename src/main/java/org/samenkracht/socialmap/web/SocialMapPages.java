package org.samenkracht.socialmap.web;

import org.samenkracht.vocabulary.LifeDomain;
import org.samenkracht.vocabulary.Intensity;
import org.samenkracht.vocabulary.Layer;
import jakarta.servlet.http.HttpServletRequest;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.samenkracht.person.Persons;
import org.samenkracht.socialmap.Offer;
import org.samenkracht.socialmap.OfferRow;
import org.samenkracht.socialmap.OfferTerms;
import org.samenkracht.socialmap.SearchQuery;
import org.samenkracht.socialmap.SearchResult;
import org.samenkracht.socialmap.SocialMap;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The social map's pages: search with facets (type-ahead through htmx), an offer's fiche, curation. */
@Controller
@RequestMapping("/socialmap")
class SocialMapPages {

    private final SocialMap socialMap;
    private final Persons persons;

    SocialMapPages(SocialMap socialMap, Persons persons) {
        this.socialMap = socialMap;
        this.persons = persons;
    }

    @ModelAttribute
    void reference(Model model) {
        model.addAttribute("domains", LifeDomain.values());
        model.addAttribute("targetGroups", OfferTerms.TargetGroup.values());
        model.addAttribute("layers", Layer.forOffers());
        model.addAttribute("intensities", Intensity.values());
        model.addAttribute("accessRoutes", OfferTerms.AccessRoute.values());
        model.addAttribute("providerKinds", OfferTerms.ProviderKind.values());
        model.addAttribute("accessibilities", OfferTerms.Accessibility.values());
        model.addAttribute("languages", OfferTerms.LANGUAGES);
        model.addAttribute("days", java.time.DayOfWeek.values());
        Map<String, List<String>> facetValues = new LinkedHashMap<>();
        facetValues.put("domain", names(LifeDomain.values()));
        facetValues.put("targetGroup", names(OfferTerms.TargetGroup.values()));
        facetValues.put("layer", names(Layer.forOffers().toArray(Layer[]::new)));
        facetValues.put("cost", names(SearchQuery.Cost.values()));
        facetValues.put("access", names(OfferTerms.AccessRoute.values()));
        facetValues.put("language", OfferTerms.LANGUAGES);
        model.addAttribute("facetValues", facetValues);
        model.addAttribute("facetParams", Map.of("domain", "domain", "targetGroup", "group", "layer", "layer", "cost", "cost",
                "access", "access", "language", "language"));
        model.addAttribute("facetLabels", Map.of("domain", "lifeDomain.", "targetGroup", "socialmap.targetGroup.",
                "layer", "layer.", "cost", "socialmap.cost.", "access", "socialmap.access.",
                "language", "socialmap.language."));
        model.addAttribute("isAdmin", CurrentUser.find().map(u -> u.is(Role.ADMINISTRATOR)).orElse(false));
    }

    @GetMapping
    String search(@ModelAttribute("form") SearchForm form, BindingResult binding,
                  @RequestParam(name = "person", required = false) UUID personId, Model model,
                  HttpServletRequest request) {
        if (form == null || binding.hasErrors()) {
            // a value that does not bind (an unknown facet, "abc" as distance) is ignored, and said so
            form = new SearchForm(request.getParameter("q"), null, null, null, null, null, null,
                    request.getParameter("place"), null, null, null, null);
            model.addAttribute("form", form);
        }
        String place = form.place();
        if ((place == null || place.isBlank()) && personId != null) {
            place = persons.get(personId).neighbourhood();
            form = new SearchForm(form.q(), form.domain(), form.group(), form.layer(), form.cost(), form.access(),
                    form.language(), place, form.km(), form.day(), form.time(), form.page());
            model.addAttribute("form", form);
        }
        double[] at = socialMap.place(place).orElse(null);
        model.addAttribute("places", socialMap.places());
        model.addAttribute("placeUnknown", place != null && !place.isBlank() && at == null);
        model.addAttribute("badInput", binding.hasErrors());
        if (form.q() != null && form.q().length() > SearchQuery.MAX_TEXT) {
            model.addAttribute("tooLong", SearchQuery.MAX_TEXT);
            model.addAttribute("result", new SearchResult(List.of(), 0, Map.of()));
        } else {
            model.addAttribute("result", socialMap.search(form.query(at)));
        }
        model.addAttribute("query", request.getQueryString() == null ? "" : request.getQueryString());
        model.addAttribute("pageSize", SearchForm.PAGE_SIZE);
        model.addAttribute("htmx", request.getHeader("HX-Request") != null);
        return request.getHeader("HX-Request") != null ? "socialmap/search :: results" : "socialmap/search";
    }

    @GetMapping("/offers/{id}")
    String offer(@PathVariable UUID id, Model model) {
        model.addAttribute("offer", socialMap.offer(id));
        return "socialmap/offer";
    }

    /** A professional reports a fiche as wrong, from the result list (htmx swaps in the answer). */
    @PostMapping("/offers/{id}/reports")
    String report(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason, Model model,
                  HttpServletRequest request) {
        model.addAttribute("offerId", id);
        if (reason.isBlank() || reason.length() > 1000) {
            model.addAttribute("reportError", reason.isBlank() ? "validation.required" : "socialmap.invalid.tooLong");
        } else {
            socialMap.report(id, reason);
            model.addAttribute("reported", true);
        }
        if (request.getHeader("HX-Request") != null) {
            return "socialmap/search :: report";
        }
        model.addAttribute("offer", socialMap.offer(id));
        return "socialmap/offer";
    }

    @GetMapping("/offers/new")
    String newOffer(Model model) {
        socialMapAdmin();
        model.addAttribute("fields", OfferForms.empty());
        model.addAttribute("problems", Map.of());
        return "socialmap/form";
    }

    @PostMapping("/offers")
    String create(@RequestParam MultiValueMap<String, String> params, Model model) {
        socialMapAdmin();
        Map<String, String> fields = OfferForms.fields(params);
        try {
            UUID id = socialMap.create(fields);
            return "redirect:/socialmap/offers/" + id;
        } catch (SocialMap.InvalidOffer e) {
            return invalid(model, fields, e.problems(), null);
        } catch (org.samenkracht.common.domain.RuleViolation e) {
            return invalid(model, fields, List.of(new OfferRow.Problem(e.field(), "keyTaken", "")), null);
        }
    }

    @GetMapping("/offers/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        socialMapAdmin();
        Offer offer = socialMap.offer(id);
        model.addAttribute("offer", offer);
        model.addAttribute("fields", OfferForms.fields(offer));
        model.addAttribute("problems", Map.of());
        return "socialmap/form";
    }

    @PostMapping("/offers/{id}")
    String update(@PathVariable UUID id, @RequestParam int version, @RequestParam MultiValueMap<String, String> params,
                  Model model) {
        socialMapAdmin();
        Map<String, String> fields = OfferForms.fields(params);
        try {
            socialMap.update(id, version, fields);
            return "redirect:/socialmap/offers/" + id;
        } catch (SocialMap.InvalidOffer e) {
            return invalid(model, fields, e.problems(), socialMap.offer(id));
        } catch (org.samenkracht.common.domain.RuleViolation e) {
            return invalid(model, fields, List.of(new OfferRow.Problem(e.field(), "keyTaken", "")), socialMap.offer(id));
        }
    }

    private String invalid(Model model, Map<String, String> fields, List<OfferRow.Problem> problems, Offer offer) {
        Map<String, OfferRow.Problem> byField = new LinkedHashMap<>();
        problems.forEach(p -> byField.putIfAbsent(p.field(), p));
        model.addAttribute("offer", offer);
        model.addAttribute("fields", fields);
        model.addAttribute("problems", byField);
        return "socialmap/form";
    }

    @PostMapping("/offers/{id}/checked")
    String checked(@PathVariable UUID id, @RequestParam(defaultValue = "offer") String back) {
        socialMap.markChecked(id);
        return "attention".equals(back) ? "redirect:/socialmap/attention" : "redirect:/socialmap/offers/" + id;
    }

    @PostMapping("/offers/{id}/invitation")
    String invite(@PathVariable UUID id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("invitation", "/socialmap/fiche/" + socialMap.invite(id));
        return "redirect:/socialmap/offers/" + id;
    }

    @GetMapping("/attention")
    String attention(Model model) {
        model.addAttribute("attention", socialMap.attention());
        return "socialmap/attention";
    }

    @PostMapping("/reports/{id}/resolved")
    String resolve(@PathVariable UUID id) {
        socialMap.resolveReport(id);
        return "redirect:/socialmap/attention";
    }

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }

    private static void socialMapAdmin() {
        if (!CurrentUser.get().is(Role.ADMINISTRATOR)) {
            throw new org.samenkracht.common.domain.AccessRefused("socialmap.refused.administrator");
        }
    }
}
