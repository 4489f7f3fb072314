package org.samenkracht.signals.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.signals.DeadlineKind;
import org.samenkracht.signals.IsolationType;
import org.samenkracht.signals.NetworkMeetings;
import org.samenkracht.signals.PartnerKind;
import org.samenkracht.signals.SignalFigures;
import org.samenkracht.signals.SignalSettings;
import org.samenkracht.signals.Signals;
import org.samenkracht.signals.UrgencyScheme;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.LocalDate;
import java.util.UUID;

/** The professionals' pages: the queue, recording a call, one signal (triage, outreach, file, close), the radar. */
@Controller
@RequestMapping("/signals")
class SignalPages {

    private final Signals signals;
    private final SignalSettings settings;
    private final org.springframework.context.MessageSource messages;

    SignalPages(Signals signals, SignalSettings settings, org.springframework.context.MessageSource messages) {
        this.signals = signals;
        this.settings = settings;
        this.messages = messages;
    }

    @GetMapping
    String queue(@RequestParam(required = false) String team, @RequestParam(defaultValue = "0") int page, Model model,
                 jakarta.servlet.http.HttpServletRequest request) {
        Signals.Queue queue = signals.queue(team, page);
        model.addAttribute("queue", queue);
        model.addAttribute("rows", new QueueRows(messages, org.springframework.context.i18n.LocaleContextHolder.getLocale())
                .html(queue.items(), request.getContextPath()));
        model.addAttribute("alerts", signals.myAlerts());
        model.addAttribute("team", team);
        return "signals/queue";
    }

    @PostMapping("/alerts/{alertId}/seen")
    String seen(@PathVariable UUID alertId) {
        signals.alertSeen(alertId);
        return "redirect:/signals";
    }

    @GetMapping("/new")
    String recordForm(Model model) {
        model.addAttribute("signal", Signals.Recorded.empty());
        return form(model);
    }

    @PostMapping
    String record(@Valid @ModelAttribute("signal") Signals.Recorded signal, BindingResult errors, Model model,
                  HttpServletResponse response) {
        if (!errors.hasErrors()) {
            try {
                return "redirect:/signals/" + signals.record(signal).id();
            } catch (RuleViolation v) {
                errors.rejectValue(v.field(), v.messageKey(), v.args(), v.messageKey());
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return form(model);
    }

    private String form(Model model) {
        model.addAttribute("channels", new Signals.Channel[]{Signals.Channel.PHONE, Signals.Channel.EMAIL, Signals.Channel.IN_PERSON});
        model.addAttribute("partnerKinds", PartnerKind.values());
        model.addAttribute("agreements", settings.agreements());
        model.addAttribute("choices", Signals.FormChoices.ALL);
        model.addAttribute("neighbourhoods", signals.neighbourhoods());
        return "signals/new";
    }

    @GetMapping("/{signalId}")
    String signal(@PathVariable UUID signalId, Model model) {
        var s = signals.get(signalId);
        model.addAttribute("s", s);
        if (!model.containsAttribute("triage")) {
            model.addAttribute("triage", new Signals.Triage(s.safety(), s.health(), s.wellbeing(), s.extent(), s.duration(),
                    null, s.takenUp() == null ? Boolean.TRUE : s.takenUp(), s.triageNote(), s.version()));
        }
        model.addAttribute("firstContact", signals.firstContact(signalId));
        model.addAttribute("extents", UrgencyScheme.Extent.values());
        model.addAttribute("durations", UrgencyScheme.Duration.values());
        model.addAttribute("kinds", DeadlineKind.values());
        model.addAttribute("actionKinds", Signals.ActionKind.values());
        model.addAttribute("closeReasons", Signals.CloseReason.values());
        model.addAttribute("fileGrounds", org.samenkracht.signals.FileGround.values());
        model.addAttribute("givenBy", org.samenkracht.privacy.Consents.GivenBy.values());
        model.addAttribute("today", LocalDate.now(Signals.ZONE));
        return "signals/signal";
    }

    @PostMapping("/{signalId}/triage")
    String triage(@PathVariable UUID signalId, @Valid @ModelAttribute("triage") Signals.Triage triage, BindingResult errors,
                  Model model, HttpServletResponse response) {
        if (!errors.hasErrors()) {
            signals.triage(signalId, triage);
            return "redirect:/signals/" + signalId;
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return signal(signalId, model);
    }

    @PostMapping("/{signalId}/actions")
    String plan(@PathVariable UUID signalId, @RequestParam Signals.ActionKind kind,
                @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedOn,
                @RequestParam(required = false) UUID networkMemberId, @RequestParam(required = false) String note) {
        signals.planAction(signalId, new Signals.PlanAction(kind, plannedOn, networkMemberId, limit(note, 2000)));
        return "redirect:/signals/" + signalId + "#actions";
    }

    @PostMapping("/{signalId}/actions/{actionId}/done")
    String done(@PathVariable UUID signalId, @PathVariable UUID actionId, @RequestParam String outcome) {
        if (outcome.isBlank() || outcome.length() > 4000) {
            throw new RuleViolation("outcome", outcome.isBlank() ? "validation.required" : "validation.tooLong", 4000);
        }
        signals.completeAction(signalId, actionId, new Signals.CompleteAction(outcome));
        return "redirect:/signals/" + signalId + "#actions";
    }

    @PostMapping("/{signalId}/link")
    String link(@PathVariable UUID signalId, @RequestParam UUID personId, @RequestParam(defaultValue = "0") int version) {
        signals.linkToFile(signalId, personId, version);
        return "redirect:/signals/" + signalId;
    }

    @PostMapping("/{signalId}/open-file")
    String openFile(@PathVariable UUID signalId, @RequestParam String givenName, @RequestParam String familyName,
                    @RequestParam String decision, @RequestParam(required = false) org.samenkracht.signals.FileGround ground,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate consentGivenOn,
                    @RequestParam(required = false) org.samenkracht.privacy.Consents.GivenBy consentGivenBy,
                    @RequestParam(required = false) String representativeName,
                    @RequestParam(required = false) String justification,
                    @RequestParam(defaultValue = "0") int version) {
        require("givenName", givenName, 100);
        require("familyName", familyName, 100);
        require("decision", decision, 2000);
        UUID person = signals.openFile(signalId, new Signals.OpenFile(givenName, familyName, decision, ground, consentGivenOn,
                consentGivenBy, within("representativeName", representativeName, 200), within("justification", justification, 2000), version));
        return "redirect:/persons/" + person;
    }

    @PostMapping("/{signalId}/close")
    String close(@PathVariable UUID signalId, @RequestParam Signals.CloseReason reason,
                 @RequestParam(required = false) String note, @RequestParam(defaultValue = "0") int version,
                 RedirectAttributes redirect) {
        signals.close(signalId, new Signals.Close(reason, limit(note, 4000), version));
        return "redirect:/signals/" + signalId;
    }

    @GetMapping("/radar")
    String radar(Model model) {
        model.addAttribute("clusters", signals.radar());
        return "signals/radar";
    }

    static String limit(String s, int max) {
        if (s != null && s.length() > max) {
            throw new RuleViolation("note", "validation.tooLong", max);
        }
        return s;
    }

    /** Optional text, refused with its own field named when too long. */
    static String within(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new RuleViolation(field, "validation.tooLong", max);
        }
        return value;
    }

    static void require(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new RuleViolation(field, "validation.required");
        }
        if (value.length() > max) {
            throw new RuleViolation(field, "validation.tooLong", max);
        }
    }

    /** The meeting pages. */
    @Controller
    @RequestMapping("/signals/meetings")
    static class MeetingPages {
        private final NetworkMeetings meetings;

        MeetingPages(NetworkMeetings meetings) {
            this.meetings = meetings;
        }

        @GetMapping
        String list(Model model) {
            model.addAttribute("meetings", meetings.list());
            model.addAttribute("today", LocalDate.now(Signals.ZONE));
            return "signals/meetings";
        }

        @PostMapping
        String plan(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
                    @RequestParam(defaultValue = "false") boolean urgent) {
            return "redirect:/signals/meetings/" + meetings.plan(new NetworkMeetings.NewMeeting(heldOn, urgent));
        }

        @GetMapping("/{meetingId}")
        String meeting(@PathVariable UUID meetingId, Model model) {
            model.addAttribute("m", meetings.get(meetingId));
            model.addAttribute("types", IsolationType.values());
            return "signals/meeting";
        }

        @PostMapping("/{meetingId}/attendees")
        String attendee(@PathVariable UUID meetingId, @RequestParam String name,
                        @RequestParam(required = false) String represents,
                        @RequestParam(defaultValue = "false") boolean present,
                        @RequestParam(required = false) UUID agreementId) {
            require("name", name, 200);
            within("represents", represents, 200);
            meetings.addAttendee(meetingId, new NetworkMeetings.Attendee(name, represents, present, agreementId));
            return "redirect:/signals/meetings/" + meetingId;
        }

        @PostMapping("/{meetingId}/cases")
        String addCase(@PathVariable UUID meetingId, @RequestParam UUID signalId,
                       @RequestParam(required = false) String reportingForm) {
            if (reportingForm != null && reportingForm.length() > 8000) {
                throw new RuleViolation("reportingForm", "validation.tooLong", 8000);
            }
            meetings.addCase(meetingId, new NetworkMeetings.AddCase(signalId, reportingForm));
            return "redirect:/signals/meetings/" + meetingId;
        }

        @PostMapping("/{meetingId}/cases/{signalId}")
        String recordCase(@PathVariable UUID meetingId, @PathVariable UUID signalId,
                          @RequestParam(required = false) String problems, @RequestParam(required = false) String agreedApproach,
                          @RequestParam(required = false) String responsible, @RequestParam(required = false) IsolationType typology) {
            limit(problems, 4000);
            limit(agreedApproach, 4000);
            limit(responsible, 200);
            meetings.recordCase(meetingId, signalId, new NetworkMeetings.CaseOutcome(problems, agreedApproach, responsible,
                    typology == null ? null : typology.persistence(), typology == null ? null : typology.oriented()));
            return "redirect:/signals/meetings/" + meetingId;
        }

        @PostMapping("/{meetingId}/minutes")
        String minutes(@PathVariable UUID meetingId, @RequestParam(required = false) String minutes,
                       @RequestParam(defaultValue = "0") int version) {
            if (minutes != null && minutes.length() > 20000) {
                throw new RuleViolation("minutes", "validation.tooLong", 20000);
            }
            meetings.minutes(meetingId, new NetworkMeetings.Minutes(minutes, version));
            return "redirect:/signals/meetings/" + meetingId;
        }

        @PostMapping("/{meetingId}/close")
        String close(@PathVariable UUID meetingId) {
            meetings.close(meetingId);
            return "redirect:/signals/meetings/" + meetingId;
        }
    }

    /** Figures for the yearly evaluation and the organisation's settings. */
    @Controller
    @RequestMapping("/signals")
    static class OrganisationPages {
        private final SignalFigures figures;
        private final SignalSettings settings;

        OrganisationPages(SignalFigures figures, SignalSettings settings) {
            this.figures = figures;
            this.settings = settings;
        }

        @GetMapping("/figures")
        String figures(@RequestParam(required = false) Integer year, Model model) {
            int y = year == null ? LocalDate.now(Signals.ZONE).getYear() : Math.max(2000, Math.min(year, 2100));
            model.addAttribute("f", figures.year(y));
            return "signals/figures";
        }

        @GetMapping("/settings")
        String settings(Model model) {
            model.addAttribute("o", settings.overview());
            model.addAttribute("partnerKinds", PartnerKind.values());
            return "signals/settings";
        }

        @PostMapping("/settings/profiles")
        String profile(@RequestParam DeadlineKind kind, @RequestParam int triageWithinHours,
                       @RequestParam(required = false) Integer contactWithinHours,
                       @RequestParam(required = false) Integer version) {
            if (triageWithinHours < 1 || triageWithinHours > 2000) {
                throw new RuleViolation("triageWithinHours", "signals.validation.range");
            }
            if (contactWithinHours != null && (contactWithinHours < 1 || contactWithinHours > 5000)) {
                throw new RuleViolation("contactWithinHours", "signals.validation.range");
            }
            settings.saveProfile(new SignalSettings.SaveProfile(kind, triageWithinHours, contactWithinHours, version));
            return "redirect:/signals/settings";
        }

        /** A deadline per kind of concern, in working days; empty fields: no deadline of its own. */
        @PostMapping("/settings/concern-deadlines")
        String concernDeadline(@RequestParam org.samenkracht.signals.SignalDetails.ConcernKind concernKind,
                               @RequestParam(required = false) Integer assessWithinWorkingDays,
                               @RequestParam(required = false) Integer actWithinWorkingDays,
                               @RequestParam(required = false) Integer version) {
            settings.saveConcernDeadline(new SignalSettings.SaveConcernDeadline(concernKind, assessWithinWorkingDays,
                    actWithinWorkingDays, version));
            return "redirect:/signals/settings#concern-deadlines";
        }

        /** Postcodes (four digits or a range) to a neighbourhood of the area list. */
        @PostMapping("/settings/postcode-areas")
        String postcodeArea(@RequestParam(required = false) String postcodes, @RequestParam(required = false) String neighbourhood) {
            settings.addPostcodeArea(new SignalSettings.NewPostcodeArea(postcodes, neighbourhood));
            return "redirect:/signals/settings#postcode-areas";
        }

        @PostMapping("/settings/postcode-areas/{postcodeAreaId}/remove")
        String removePostcodeArea(@PathVariable UUID postcodeAreaId, @RequestParam(required = false) Integer version) {
            settings.removePostcodeArea(postcodeAreaId, version);
            return "redirect:/signals/settings#postcode-areas";
        }

        /** Changes a mapping read at its version; a change made meanwhile is refused with the conflict message. */
        @PostMapping("/settings/postcode-areas/{postcodeAreaId}")
        String changePostcodeArea(@PathVariable UUID postcodeAreaId, @RequestParam(required = false) String postcodes,
                                  @RequestParam(required = false) String neighbourhood,
                                  @RequestParam(required = false) Integer version) {
            within("postcodes", postcodes, 30);
            within("neighbourhood", neighbourhood, 100);
            settings.changePostcodeArea(postcodeAreaId, new SignalSettings.ChangePostcodeArea(postcodes, neighbourhood, version));
            return "redirect:/signals/settings#postcode-areas";
        }

        @PostMapping("/settings/on-duty")
        String onDuty(@RequestParam(required = false) UUID accountId) {
            settings.setOnDuty(accountId);
            return "redirect:/signals/settings";
        }

        @PostMapping("/settings/agreements")
        String agreement(@RequestParam String partnerName, @RequestParam PartnerKind partnerKind,
                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil,
                         @RequestParam String terms,
                         @RequestParam(required = false) java.util.List<org.samenkracht.signals.SignalDetails.ConcernKind> allowedKinds,
                         @RequestParam(required = false) java.util.List<org.samenkracht.signals.SignalDetails.Precondition> requiredPreconditions) {
            require("partnerName", partnerName, 200);
            require("terms", terms, 4000);
            settings.addAgreement(new SignalSettings.NewAgreement(partnerName, partnerKind, signedOn, validUntil, terms,
                    allowedKinds == null ? java.util.List.of() : allowedKinds,
                    requiredPreconditions == null ? java.util.List.of() : requiredPreconditions));
            return "redirect:/signals/settings";
        }

        @PostMapping("/settings/agreements/{agreementId}/link")
        String link(@PathVariable UUID agreementId, @RequestParam(defaultValue = "0") int version, RedirectAttributes redirect) {
            redirect.addFlashAttribute("newLink", "/signals/link/" + settings.newLink(agreementId, version));
            return "redirect:/signals/settings";
        }
    }
}
