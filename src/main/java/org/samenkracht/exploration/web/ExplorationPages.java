package org.samenkracht.exploration.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.common.domain.NotFound;
import org.samenkracht.exploration.Explorations;
import org.samenkracht.exploration.Instrument;
import org.samenkracht.exploration.InvalidAnswers;
import org.samenkracht.exploration.ResponseView;
import org.samenkracht.exploration.SaveResponse;
import org.samenkracht.exploration.Wishes;
import org.samenkracht.exploration.internal.ProgressCharts;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.person.Persons;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Exploration pages: the instruments to fill in, the answers over time in charts, and the wishes in order. */
@Controller
class ExplorationPages {

    static final String PREFIX = "a:";

    private final Explorations explorations;
    private final Wishes wishes;
    private final Persons persons;
    private final PersonAccess access;
    private final ProgressCharts charts;
    private final MessageSource messages;

    ExplorationPages(Explorations explorations, Wishes wishes, Persons persons, PersonAccess access, ProgressCharts charts,
                     MessageSource messages) {
        this.explorations = explorations;
        this.wishes = wishes;
        this.persons = persons;
        this.access = access;
        this.charts = charts;
        this.messages = messages;
    }

    record Fillable(Instrument instrument, boolean mayFillIn) {
    }

    private void person(UUID id, Model model) {
        model.addAttribute("person", persons.whose(id, Part.INSTRUMENT_RESPONSES));
        model.addAttribute("isPerson", CurrentUser.get().isPersonHimself(id));
        model.addAttribute("lang", LocaleContextHolder.getLocale());
    }

    @GetMapping("/persons/{id}/exploration")
    String overview(@PathVariable UUID id, Model model) {
        person(id, model);
        List<ResponseView> responses = explorations.responses(id);
        model.addAttribute("instruments", explorations.instruments().stream()
                .map(i -> new Fillable(i, explorations.mayFillIn(id, i))).toList());
        model.addAttribute("drafts", responses.stream().filter(ResponseView::isDraft).toList());
        model.addAttribute("completed", responses.stream().filter(r -> !r.isDraft())
                .sorted(java.util.Comparator.comparing(ResponseView::completedAt).reversed()).toList());
        model.addAttribute("titles", titles());
        model.addAttribute("charts", charts.build(responses, LocaleContextHolder.getLocale()));
        return "exploration/overview";
    }

    @GetMapping("/persons/{id}/exploration/fill/{instrument}")
    String fill(@PathVariable UUID id, @PathVariable String instrument, Model model) {
        person(id, model);
        Instrument current = explorations.currentInstrument(instrument);
        if (!explorations.mayFillIn(id, current)) {
            throw new AccessRefused(CurrentUser.get().isPersonHimself(id) ? "exploration.refused.teamInstrument" : "access.refused.notInTeam");
        }
        return form(model, current, null, Map.of(), Map.of());
    }

    @PostMapping("/persons/{id}/exploration/fill/{instrument}")
    String start(@PathVariable UUID id, @PathVariable String instrument, @RequestParam String instrumentVersion,
                 @RequestParam(defaultValue = "draft") String action, @RequestParam MultiValueMap<String, String> params,
                 Model model, HttpServletResponse response) {
        Map<String, String> answers = answers(params);
        Instrument def = explorations.instrument(instrument, instrumentVersion);
        try {
            explorations.start(id, new SaveResponse(instrument, instrumentVersion, answers, "complete".equals(action), null));
            return "redirect:/persons/" + id + "/exploration";
        } catch (InvalidAnswers e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            person(id, model);
            return form(model, def, null, answers, errors(e));
        }
    }

    @GetMapping("/persons/{id}/exploration/responses/{rid}")
    String response(@PathVariable UUID id, @PathVariable UUID rid, Model model) {
        person(id, model);
        ResponseView r = explorations.response(id, rid);
        Instrument def = explorations.instrument(r.instrument(), r.instrumentVersion());
        if (r.isDraft() && r.respondentId().equals(CurrentUser.get().id())) {
            return form(model, def, r, r.answers(), Map.of());
        }
        model.addAttribute("instrument", def);
        model.addAttribute("r", r);
        return "exploration/response";
    }

    @PostMapping("/persons/{id}/exploration/responses/{rid}")
    String update(@PathVariable UUID id, @PathVariable UUID rid, @RequestParam int version,
                  @RequestParam(defaultValue = "draft") String action, @RequestParam MultiValueMap<String, String> params,
                  Model model, HttpServletResponse response) {
        Map<String, String> answers = answers(params);
        ResponseView r = explorations.response(id, rid);
        Instrument def = explorations.instrument(r.instrument(), r.instrumentVersion());
        try {
            explorations.update(id, rid, new SaveResponse(r.instrument(), r.instrumentVersion(), answers,
                    "complete".equals(action), version));
            return "redirect:/persons/" + id + "/exploration";
        } catch (InvalidAnswers e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            person(id, model);
            return form(model, def, r, answers, errors(e));
        } catch (OptimisticLockingFailureException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            person(id, model);
            model.addAttribute("conflict", true);
            return form(model, def, explorations.response(id, rid), answers, Map.of());
        }
    }

    private String form(Model model, Instrument instrument, ResponseView draft, Map<String, String> values,
                        Map<String, String> errors) {
        model.addAttribute("instrument", instrument);
        model.addAttribute("draft", draft);
        model.addAttribute("values", values);
        model.addAttribute("errors", errors);
        return "exploration/form";
    }

    private static Map<String, String> answers(MultiValueMap<String, String> params) {
        Map<String, String> answers = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith(PREFIX) && !v.isEmpty()) {
                answers.put(k.substring(PREFIX.length()), v.get(0));
            }
        });
        return answers;
    }

    private Map<String, String> errors(InvalidAnswers e) {
        Map<String, String> out = new LinkedHashMap<>();
        e.problems().forEach(p -> out.putIfAbsent(p.field(),
                messages.getMessage(p.messageKey(), p.args(), p.messageKey(), LocaleContextHolder.getLocale())));
        return out;
    }

    private Map<String, String> titles() {
        Map<String, String> out = new LinkedHashMap<>();
        explorations.instruments().forEach(i -> out.put(i.id(), i.title().in(LocaleContextHolder.getLocale())));
        return out;
    }

    // --- wishes

    @GetMapping("/persons/{id}/wishes")
    String wishes(@PathVariable UUID id, Model model) {
        person(id, model);
        model.addAttribute("wishes", wishes.prioritised(id));
        model.addAttribute("mayOrder", access.may(id, Part.WISHES, AccessKind.WRITE_AS_PERSON));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new Wishes.AddWish("", null));
        }
        return "exploration/wishes";
    }

    @PostMapping("/persons/{id}/wishes")
    String addWish(@PathVariable UUID id, @Valid @ModelAttribute("form") Wishes.AddWish form, BindingResult errors,
                   Model model, HttpServletResponse response) {
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return wishes(id, model);
        }
        wishes.add(id, new Wishes.AddWish(form.text(), CurrentUser.get().isPersonHimself(id) ? "PERSON" : "CONVERSATION"));
        return "redirect:/persons/" + id + "/wishes";
    }

    @PostMapping("/persons/{id}/wishes/{wishId}/move")
    String move(@PathVariable UUID id, @PathVariable UUID wishId, @RequestParam int direction) {
        if (direction != -1 && direction != 1) {
            throw new NotFound("direction");
        }
        wishes.move(id, wishId, direction);
        return "redirect:/persons/" + id + "/wishes#wish-" + wishId;
    }
}
