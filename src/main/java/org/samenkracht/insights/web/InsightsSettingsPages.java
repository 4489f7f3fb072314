package org.samenkracht.insights.web;

import jakarta.servlet.http.HttpServletResponse;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.insights.InsightsSettings;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The administrator's settings of the figures: thresholds and areas. A refused form comes back (422) naming the field,
 * with what was typed; a change on a stale version is a conflict (409) and changes nothing.
 */
@Controller
@RequestMapping("/insights/settings")
class InsightsSettingsPages {

    private final InsightsSettings settings;
    private final MessageSource messages;

    InsightsSettingsPages(InsightsSettings settings, MessageSource messages) {
        this.settings = settings;
        this.messages = messages;
    }

    @GetMapping
    String page(Model model) {
        model.addAttribute("settings", settings.read());
        if (!model.containsAttribute("typed")) {
            model.addAttribute("typed", Map.of());
        }
        return "insights/settings";
    }

    @PostMapping
    String thresholds(@RequestParam(required = false) String threshold, @RequestParam(required = false) String sensitiveThreshold,
                      @RequestParam(required = false) String version, Model model, HttpServletResponse response) {
        Map<String, String> typed = typed("threshold", threshold, "sensitiveThreshold", sensitiveThreshold);
        try {
            settings.thresholds(number(threshold, "threshold"), number(sensitiveThreshold, "sensitiveThreshold"), number(version, "version"));
        } catch (RuleViolation v) {
            return refused(v, "thresholds", typed, model, response);
        }
        return "redirect:/insights/settings";
    }

    @PostMapping("/areas")
    String putArea(@RequestParam(required = false) String neighbourhood, @RequestParam(required = false) String neighbourhoodCode,
                   @RequestParam(required = false) String districtCode, @RequestParam(required = false) String districtName,
                   @RequestParam(required = false) String municipalityCode, @RequestParam(required = false) String municipalityName,
                   @RequestParam(required = false) String version, Model model, HttpServletResponse response) {
        Map<String, String> typed = typed("neighbourhood", neighbourhood, "neighbourhoodCode", neighbourhoodCode,
                "districtCode", districtCode, "districtName", districtName, "municipalityCode", municipalityCode,
                "municipalityName", municipalityName);
        try {
            settings.putArea(new InsightsSettings.Area(neighbourhood, neighbourhoodCode, districtCode, districtName,
                    municipalityCode, municipalityName), number(version, "version"));
        } catch (RuleViolation v) {
            return refused(v, "area", typed, model, response);
        }
        return "redirect:/insights/settings";
    }

    @PostMapping("/areas/remove")
    String removeArea(@RequestParam(required = false) String neighbourhood, @RequestParam(required = false) String version,
                      Model model, HttpServletResponse response) {
        try {
            settings.removeArea(neighbourhood, number(version, "version"));
        } catch (RuleViolation v) {
            return refused(v, "remove", Map.of(), model, response);
        }
        return "redirect:/insights/settings";
    }

    private String refused(RuleViolation v, String form, Map<String, String> typed, Model model, HttpServletResponse response) {
        var locale = LocaleContextHolder.getLocale();
        String label = messages.getMessage("insights.settings.field." + v.field(), null, v.field(), locale);
        model.addAttribute("problem", label + ": " + messages.getMessage(v.messageKey(), v.args(), v.messageKey(), locale));
        model.addAttribute("problemField", v.field());
        model.addAttribute("problemForm", form);
        model.addAttribute("typed", typed);
        response.setStatus(422);
        return page(model);
    }

    private static Map<String, String> typed(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
        }
        return m;
    }

    static Integer number(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new RuleViolation(field, "insights.settings.number");
        }
    }
}
