package org.samenkracht.signals.web;

import jakarta.servlet.http.HttpServletRequest;
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

import static org.samenkracht.signals.web.SignalForms.id;
import static org.samenkracht.signals.web.SignalForms.require;
import static org.samenkracht.signals.web.SignalForms.within;

/** The professionals' pages: the queue, recording a call, one signal (triage, outreach, file, close), the radar. */
@Controller
@RequestMapping("/signals")
class SignalPages {

    private final Signals signals;
    private final SignalSettings settings;
    private final org.springframework.context.MessageSource messages;
    private final SignalForms forms;

    SignalPages(Signals signals, SignalSettings settings, org.springframework.context.MessageSource messages, SignalForms forms) {
        this.signals = signals;
        this.settings = settings;
        this.messages = messages;
        this.forms = forms;
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
            String next = forms.reject(errors, response, () -> {
                signals.triage(signalId, triage);
                return "redirect:/signals/" + signalId;
            });
            if (next != null) {
                return next;
            }
        }
        if (response.getStatus() != HttpStatus.CONFLICT.value()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        }
        return signal(signalId, model);
    }

    @PostMapping("/{signalId}/actions")
    String plan(@PathVariable UUID signalId, @RequestParam(required = false) Signals.ActionKind kind,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate plannedOn,
                @RequestParam(required = false) UUID networkMemberId, @RequestParam(required = false) String note,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        return forms.post("action", request, response, model, () -> {
            if (kind == null) {
                throw new RuleViolation("kind", "validation.required");
            }
            if (plannedOn == null) {
                throw new RuleViolation("plannedOn", "validation.required");
            }
            signals.planAction(signalId, new Signals.PlanAction(kind, plannedOn, networkMemberId, within("note", note, 2000)));
            return "redirect:/signals/" + signalId + "#actions";
        }, () -> signal(signalId, model));
    }

    @PostMapping("/{signalId}/actions/{actionId}/done")
    String done(@PathVariable UUID signalId, @PathVariable UUID actionId, @RequestParam(required = false) String outcome,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        return forms.post("done-" + actionId, request, response, model, () -> {
            signals.completeAction(signalId, actionId, new Signals.CompleteAction(require("outcome", outcome, 4000)));
            return "redirect:/signals/" + signalId + "#actions";
        }, () -> signal(signalId, model));
    }

    @PostMapping("/{signalId}/link")
    String link(@PathVariable UUID signalId, @RequestParam(required = false) String personId,
                @RequestParam(defaultValue = "0") int version,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        return forms.post("link", request, response, model, () -> {
            signals.linkToFile(signalId, id("personId", personId), version);
            return "redirect:/signals/" + signalId;
        }, () -> signal(signalId, model));
    }

    @PostMapping("/{signalId}/open-file")
    String openFile(@PathVariable UUID signalId, @RequestParam(required = false) String givenName,
                    @RequestParam(required = false) String familyName, @RequestParam(required = false) String decision,
                    @RequestParam(required = false) org.samenkracht.signals.FileGround ground,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate consentGivenOn,
                    @RequestParam(required = false) org.samenkracht.privacy.Consents.GivenBy consentGivenBy,
                    @RequestParam(required = false) String representativeName,
                    @RequestParam(required = false) String justification,
                    @RequestParam(defaultValue = "0") int version,
                    HttpServletRequest request, HttpServletResponse response, Model model) {
        return forms.post("openFile", request, response, model, () -> {
            require("givenName", givenName, 100);
            require("familyName", familyName, 100);
            require("decision", decision, 2000);
            UUID person = signals.openFile(signalId, new Signals.OpenFile(givenName, familyName, decision, ground, consentGivenOn,
                    consentGivenBy, within("representativeName", representativeName, 200), within("justification", justification, 2000), version));
            return "redirect:/persons/" + person;
        }, () -> signal(signalId, model));
    }

    @PostMapping("/{signalId}/close")
    String close(@PathVariable UUID signalId, @RequestParam(required = false) Signals.CloseReason reason,
                 @RequestParam(required = false) String note, @RequestParam(defaultValue = "0") int version,
                 HttpServletRequest request, HttpServletResponse response, Model model) {
        return forms.post("close", request, response, model, () -> {
            if (reason == null) {
                throw new RuleViolation("reason", "validation.required");
            }
            signals.close(signalId, new Signals.Close(reason, within("note", note, 4000), version));
            return "redirect:/signals/" + signalId;
        }, () -> signal(signalId, model));
    }

    @GetMapping("/radar")
    String radar(Model model) {
        model.addAttribute("clusters", signals.radar());
        return "signals/radar";
    }

    /** The meeting pages. */
    @Controller
    @RequestMapping("/signals/meetings")
    static class MeetingPages {
        private final NetworkMeetings meetings;
        private final SignalForms forms;

        MeetingPages(NetworkMeetings meetings, SignalForms forms) {
            this.meetings = meetings;
            this.forms = forms;
        }

        @GetMapping
        String list(Model model) {
            model.addAttribute("meetings", meetings.list());
            model.addAttribute("today", LocalDate.now(Signals.ZONE));
            return "signals/meetings";
        }

        @PostMapping
        String plan(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn,
                    @RequestParam(defaultValue = "false") boolean urgent,
                    HttpServletRequest request, HttpServletResponse response, Model model) {
            return forms.post("meeting", request, response, model, () -> {
                if (heldOn == null) {
                    throw new RuleViolation("heldOn", "validation.required");
                }
                return "redirect:/signals/meetings/" + meetings.plan(new NetworkMeetings.NewMeeting(heldOn, urgent));
            }, () -> list(model));
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
                        @RequestParam(required = false) UUID agreementId,
                        HttpServletRequest request, HttpServletResponse response, Model model) {
            return forms.post("attendee", request, response, model, () -> {
                require("name", name, 200);
                within("represents", represents, 200);
                meetings.addAttendee(meetingId, new NetworkMeetings.Attendee(name, represents, present, agreementId));
                return "redirect:/signals/meetings/" + meetingId;
            }, () -> meeting(meetingId, model));
        }

        @PostMapping("/{meetingId}/cases")
        String addCase(@PathVariable UUID meetingId, @RequestParam(required = false) String signalId,
                       @RequestParam(required = false) String reportingForm,
                       HttpServletRequest request, HttpServletResponse response, Model model) {
            return forms.post("addCase", request, response, model, () -> {
                UUID signal = id("signalId", signalId);
                meetings.addCase(meetingId, new NetworkMeetings.AddCase(signal, within("reportingForm", reportingForm, 8000)));
                return "redirect:/signals/meetings/" + meetingId;
            }, () -> meeting(meetingId, model));
        }

        @PostMapping("/{meetingId}/cases/{signalId}")
        String recordCase(@PathVariable UUID meetingId, @PathVariable UUID signalId,
                          @RequestParam(required = false) String problems, @RequestParam(required = false) String agreedApproach,
                          @RequestParam(required = false) String responsible, @RequestParam(required = false) IsolationType typology,
                          HttpServletRequest request, HttpServletResponse response, Model model) {
            return forms.post("case-" + signalId, request, response, model, () -> {
                within("problems", problems, 4000);
                within("agreedApproach", agreedApproach, 4000);
                within("responsible", responsible, 200);
                meetings.recordCase(meetingId, signalId, new NetworkMeetings.CaseOutcome(problems, agreedApproach, responsible,
                        typology == null ? null : typology.persistence(), typology == null ? null : typology.oriented()));
                return "redirect:/signals/meetings/" + meetingId;
            }, () -> meeting(meetingId, model));
        }

        @PostMapping("/{meetingId}/minutes")
        String minutes(@PathVariable UUID meetingId, @RequestParam(required = false) String minutes,
                       @RequestParam(defaultValue = "0") int version,
                       HttpServletRequest request, HttpServletResponse response, Model model) {
            return forms.post("minutes", request, response, model, () -> {
                meetings.minutes(meetingId, new NetworkMeetings.Minutes(within("minutes", minutes, 20000), version));
                return "redirect:/signals/meetings/" + meetingId;
            }, () -> meeting(meetingId, model));
        }

        @PostMapping("/{meetingId}/close")
        String close(@PathVariable UUID meetingId, HttpServletRequest request, HttpServletResponse response, Model model) {
            return forms.post("closeMeeting", request, response, model, () -> {
                meetings.close(meetingId);
                return "redirect:/signals/meetings/" + meetingId;
            }, () -> meeting(meetingId, model));
        }
    }

    /** Figures for the yearly evaluation and the organisation's settings. */
    @Controller
    @RequestMapping("/signals")
    static class OrganisationPages {
        private final SignalFigures figures;
        private final SignalSettings settings;
        private final SignalForms forms;

        OrganisationPages(SignalFigures figures, SignalSettings settings, SignalForms forms) {
            this.figures = figures;
            this.settings = settings;
            this.forms = forms;
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
        String profile(@RequestParam(required = false) DeadlineKind kind, @RequestParam(required = false) Integer triageWithinHours,
                       @RequestParam(required = false) Integer contactWithinHours,
                       @RequestParam(required = false) Integer version,
                       HttpServletRequest request, HttpServletResponse response, Model model) {
            return forms.post("profile-" + kind, request, response, model, () -> {
                if (kind == null) {
                    throw new RuleViolation("kind", "validation.required");
                }
                if (triageWithinHours == null) {
                    throw new RuleViolation("triageWithinHours", "validation.required");
                }
                if (triageWithinHours < 1 || triageWithinHours > 2000) {
                    throw new RuleViolation("triageWithinHours", "signals.validation.range");
                }
                if (contactWithinHours != null && (contactWithinHours < 1 || contactWithinHours > 5000)) {
                    throw new RuleViolation("contactWithinHours", "signals.validation.range");
                }
                settings.saveProfile(new SignalSettings.SaveProfile(kind, triageWithinHours, contactWithinHours, version));
                return "redirect:/signals/settings";
            }, () -> settings(model));
        }

        /** A deadline per kind of concern, in working days; empty fields: no deadline of its own. */
        @PostMapping("/settings/concern-deadlines")
        String concernDeadline(@RequestParam(required = false) org.samenkracht.signals.SignalDetails.ConcernKind concernKind,
                               @RequestParam(required = false) Integer assessWithinWorkingDays,
                               @RequestParam(required = false) Integer actWithinWorkingDays,
                               @RequestParam(required = false) Integer version,
                               HttpServletRequest request, HttpServletResponse response, Model model) {
            return forms.post("concern-" + concernKind, request, response, model, () -> {
                settings.saveConcernDeadline(new SignalSettings.SaveConcernDeadline(concernKind, assessWithinWorkingDays,
                        actWithinWorkingDays, version));
                return "redirect:/signals/settings#concern-deadlines";
            }, () -> settings(model));
        }

        /** Postcodes (four digits or a range) to a neighbourhood of the area list. */
        @PostMapping("/settings/postcode-areas")
        String postcodeArea(@RequestParam(required = false) String postcodes, @RequestParam(required = false) String neighbourhood,
                            HttpServletRequest request, HttpServletResponse response, Model model) {
            return forms.post("postcodeArea", request, response, model, () -> {
                within("postcodes", postcodes, 30);
                within("neighbourhood", neighbourhood, 100);
                settings.addPostcodeArea(new SignalSettings.NewPostcodeArea(postcodes, neighbourhood));
                return "redirect:/signals/settings#postcode-areas";
            }, () -> settings(model));
        }

        @PostMapping("/settings/postcode-areas/{postcodeAreaId}/remove")
        String removePostcodeArea(@PathVariable UUID postcodeAreaId, @RequestParam(required = false) Integer version,
                                  HttpServletRequest request, HttpServletResponse response, Model model) {
            return forms.post("postcodeArea-" + postcodeAreaId, request, response, model, () -> {
                settings.removePostcodeArea(postcodeAreaId, version);
                return "redirect:/signals/settings#postcode-areas";
            }, () -> settings(model));
        }

        /** Changes a mapping read at its version; a change made meanwhile is refused with the conflict message. */
        @PostMapping("/settings/postcode-areas/{postcodeAreaId}")
        String changePostcodeArea(@PathVariable UUID postcodeAreaId, @RequestParam(required = false) String postcodes,
                                  @RequestParam(required = false) String neighbourhood,
                                  @RequestParam(required = false) Integer version,
                                  HttpServletRequest request, HttpServletResponse response, Model model) {
            return forms.post("postcodeArea-" + postcodeAreaId, request, response, model, () -> {
                within("postcodes", postcodes, 30);
                within("neighbourhood", neighbourhood, 100);
                settings.changePostcodeArea(postcodeAreaId, new SignalSettings.ChangePostcodeArea(postcodes, neighbourhood, version));
                return "redirect:/signals/settings#postcode-areas";
            }, () -> settings(model));
        }

        @PostMapping("/settings/on-duty")
        String onDuty(@RequestParam(required = false) UUID accountId,
                      HttpServletRequest request, HttpServletResponse response, Model model) {
            return forms.post("onDuty", request, response, model, () -> {
                settings.setOnDuty(accountId);
                return "redirect:/signals/settings";
            }, () -> settings(model));
        }

        @PostMapping("/settings/agreements")
        String agreement(@RequestParam(required = false) String partnerName, @RequestParam(required = false) PartnerKind partnerKind,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate signedOn,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validUntil,
                         @RequestParam(required = false) String terms,
                         @RequestParam(required = false) java.util.List<org.samenkracht.signals.SignalDetails.ConcernKind> allowedKinds,
                         @RequestParam(required = false) java.util.List<org.samenkracht.signals.SignalDetails.Precondition> requiredPreconditions,
                         HttpServletRequest request, HttpServletResponse response, Model model) {
            return forms.post("agreement", request, response, model, () -> {
                require("partnerName", partnerName, 200);
                if (partnerKind == null) {
                    throw new RuleViolation("partnerKind", "validation.required");
                }
                if (signedOn == null) {
                    throw new RuleViolation("signedOn", "validation.required");
                }
                require("terms", terms, 4000);
                settings.addAgreement(new SignalSettings.NewAgreement(partnerName, partnerKind, signedOn, validUntil, terms,
                        allowedKinds == null ? java.util.List.of() : allowedKinds,
                        requiredPreconditions == null ? java.util.List.of() : requiredPreconditions));
                return "redirect:/signals/settings";
            }, () -> settings(model));
        }

        @PostMapping("/settings/agreements/{agreementId}/link")
        String link(@PathVariable UUID agreementId, @RequestParam(defaultValue = "0") int version, RedirectAttributes redirect,
                    HttpServletRequest request, HttpServletResponse response, Model model) {
            return forms.post("link-" + agreementId, request, response, model, () -> {
                redirect.addFlashAttribute("newLink", "/signals/link/" + settings.newLink(agreementId, version));
                return "redirect:/signals/settings";
            }, () -> settings(model));
        }
    }
}
