package org.samenkracht.signals.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.samenkracht.signals.NetworkMeetings;
import org.samenkracht.signals.NetworkPartners;
import org.samenkracht.signals.Receipt;
import org.samenkracht.signals.SignalFigures;
import org.samenkracht.signals.SignalSettings;
import org.samenkracht.signals.Signals;
import org.samenkracht.signals.UrgencyScheme;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/signals")
@Tag(name = "Signals", description = "The signalling network: signals from partners, triage, outreach, receipts, "
        + "network meetings, figures and settings")
class SignalApi {

    private final Signals signals;
    private final NetworkMeetings meetings;
    private final SignalFigures figures;
    private final SignalSettings settings;
    private final org.springframework.context.MessageSource messages;

    private final NetworkPartners partners;

    SignalApi(Signals signals, NetworkMeetings meetings, SignalFigures figures, SignalSettings settings,
              NetworkPartners partners, org.springframework.context.MessageSource messages) {
        this.partners = partners;
        this.messages = messages;
        this.signals = signals;
        this.meetings = meetings;
        this.figures = figures;
        this.settings = settings;
    }

    @Operation(summary = "The triage queue: open signals by due time, 50 a page, with counts (professionals)")
    @GetMapping
    Signals.Queue queue(@RequestParam(required = false) String team, @RequestParam(defaultValue = "0") int page) {
        return signals.queue(team, page);
    }

    @Operation(summary = "Record a signal taken by phone, e-mail or at the desk (professionals)")
    @PostMapping
    ResponseEntity<Signals.Received> record(@Valid @RequestBody Signals.Recorded body) {
        Signals.Received r = signals.record(body);
        return ResponseEntity.created(URI.create("/api/v1/signals/" + r.id())).body(r);
    }

    @Operation(summary = "One signal with triage, actions and the radar reading (professionals of the organisation)")
    @GetMapping("/{signalId}")
    Signals.SignalView get(@PathVariable UUID signalId) {
        return signals.get(signalId);
    }

    @Operation(summary = "Triage with the urgency scheme; answers the scheme's suggestion")
    @PostMapping("/{signalId}/triage")
    UrgencyScheme.Suggestion triage(@PathVariable UUID signalId, @Valid @RequestBody Signals.Triage body) {
        return signals.triage(signalId, body);
    }

    @Operation(summary = "Who in the person's network could make first contact (only with a file the gate opens)")
    @GetMapping("/{signalId}/first-contact")
    Signals.FirstContactOptions firstContact(@PathVariable UUID signalId) {
        return signals.firstContact(signalId);
    }

    @Operation(summary = "Plan an outreach action")
    @PostMapping("/{signalId}/actions")
    ResponseEntity<Map<String, UUID>> plan(@PathVariable UUID signalId, @Valid @RequestBody Signals.PlanAction body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", signals.planAction(signalId, body)));
    }

    @Operation(summary = "An action was carried out, with its outcome")
    @PostMapping("/{signalId}/actions/{actionId}/done")
    ResponseEntity<Void> done(@PathVariable UUID signalId, @PathVariable UUID actionId,
                              @Valid @RequestBody Signals.CompleteAction body) {
        signals.completeAction(signalId, actionId, body);
        return ResponseEntity.noContent().build();
    }

    record Link(@jakarta.validation.constraints.NotNull(message = "{validation.required}") UUID personId, int version) {
    }

    @Operation(summary = "Link the signal to an existing file (the access gate decides); the person sees it in who looked")
    @PostMapping("/{signalId}/link")
    ResponseEntity<Void> link(@PathVariable UUID signalId, @Valid @RequestBody Link body) {
        signals.linkToFile(signalId, body.personId(), body.version());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Open a file, by a decision with its reason and its ground: the person's consent (consentGivenOn, "
            + "consentGivenBy, representativeName for a representative) or a ground the secrecy rules allow (ACUTE_DANGER, "
            + "CONFLICT_OF_DUTIES, REPORTING_CODE) with its justification; without a ground 422 naming the field")
    @PostMapping("/{signalId}/open-file")
    ResponseEntity<Map<String, UUID>> openFile(@PathVariable UUID signalId, @Valid @RequestBody Signals.OpenFile body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("personId", signals.openFile(signalId, body)));
    }

    @Operation(summary = "Close with a reason; unfounded signals are wiped after the retention period")
    @PostMapping("/{signalId}/close")
    ResponseEntity<Void> close(@PathVariable UUID signalId, @Valid @RequestBody Signals.Close body) {
        signals.close(signalId, body);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Mark one of one's own alerts (acute or overdue signal) seen, as on the queue page; "
            + "another's alert or one already seen: 404 (professionals)")
    @PostMapping("/alerts/{alertId}/seen")
    ResponseEntity<Void> alertSeen(@PathVariable UUID alertId) {
        signals.alertSeen(alertId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "The weak-signal radar: subjects with several signals from several partners in the window")
    @GetMapping("/radar")
    List<Signals.RadarCluster> radar() {
        return signals.radar();
    }

    @Operation(summary = "A signalling partner reports (role SIGNALLING_PARTNER); stored before acknowledged")
    @PostMapping("/partner")
    ResponseEntity<Signals.Received> report(@Valid @RequestBody Signals.Report body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(signals.reportAsPartner(body));
    }

    @Operation(summary = "A partner reports through its link, without an account: the unguessable token decides; at most "
            + Signals.LINK_SIGNALS_PER_HOUR + " signals an hour per link (then 429); stored before acknowledged; answers "
            + "the reference and a token to follow the receipt")
    @PostMapping("/link/{token}")
    ResponseEntity<Signals.Received> reportThroughLink(@PathVariable String token, @Valid @RequestBody Signals.Report body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(signals.reportThroughLink(token, body));
    }

    @Operation(summary = "The receipt behind a link's token (no account): received, taken up or not, closed, the "
            + "contact person; never details about the person")
    @GetMapping("/receipt/{token}")
    Receipt receipt(@PathVariable String token) {
        return signals.receipt(token);
    }

    @Operation(summary = "A signalling partner's receipts: only its own signals, in safe wordings")
    @GetMapping("/partner/receipts")
    List<Receipt> receipts() {
        return signals.myReceipts();
    }

    @GetMapping("/meetings")
    List<NetworkMeetings.MeetingLine> meetings() {
        return meetings.list();
    }

    @PostMapping("/meetings")
    ResponseEntity<Map<String, UUID>> plan(@Valid @RequestBody NetworkMeetings.NewMeeting body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", meetings.plan(body)));
    }

    @Operation(summary = "A meeting: attendance, minutes and cases under their case codes")
    @GetMapping("/meetings/{meetingId}")
    NetworkMeetings.MeetingView meeting(@PathVariable UUID meetingId) {
        return meetings.get(meetingId);
    }

    @PostMapping("/meetings/{meetingId}/attendees")
    ResponseEntity<Void> attendee(@PathVariable UUID meetingId, @Valid @RequestBody NetworkMeetings.Attendee body) {
        meetings.addAttendee(meetingId, body);
        return ResponseEntity.status(HttpStatus.CREATED).build();
    }

    @Operation(summary = "Put a signal on the agenda; answers its case code")
    @PostMapping("/meetings/{meetingId}/cases")
    ResponseEntity<Map<String, String>> addCase(@PathVariable UUID meetingId, @Valid @RequestBody NetworkMeetings.AddCase body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("caseCode", meetings.addCase(meetingId, body)));
    }

    @Operation(summary = "Problems, agreed approach, who is responsible, and the isolation type of a case")
    @PutMapping("/meetings/{meetingId}/cases/{signalId}")
    ResponseEntity<Void> recordCase(@PathVariable UUID meetingId, @PathVariable UUID signalId,
                                    @Valid @RequestBody NetworkMeetings.CaseOutcome body) {
        meetings.recordCase(meetingId, signalId, body);
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/meetings/{meetingId}/minutes")
    ResponseEntity<Void> minutes(@PathVariable UUID meetingId, @Valid @RequestBody NetworkMeetings.Minutes body) {
        meetings.minutes(meetingId, body);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Close the meeting; the reporting forms are destroyed")
    @PostMapping("/meetings/{meetingId}/close")
    ResponseEntity<Void> closeMeeting(@PathVariable UUID meetingId) {
        meetings.close(meetingId);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Figures for the yearly evaluation, through the disclosure gate of the insights: counts rounded "
            + "to base 5, small and disclosive ones held back as \"x\"")
    @GetMapping("/figures")
    SignalFigures.Figures figures(@RequestParam(required = false) Integer year) {
        return figures.year(year == null ? LocalDate.now(Signals.ZONE).getYear() : Math.max(2000, Math.min(year, 2100)));
    }

    @Operation(summary = "Deadline profiles, the one on duty, radar, retention and agreements (coaches, administrators)")
    @GetMapping("/settings")
    SignalSettings.Overview settings() {
        return settings.overview();
    }

    @Operation(summary = "The deadline profile of one kind, with the version it was read at (profileVersions in the "
            + "settings; 0 for one not saved yet); 409 when it changed meanwhile (coaches, administrators)")
    @PutMapping("/settings/profiles")
    SignalSettings.Overview saveProfile(@Valid @RequestBody SignalSettings.SaveProfile body) {
        settings.saveProfile(body);
        return settings.overview();
    }

    @Operation(summary = "The deadline of one kind of concern in working days (weekends and Dutch public holidays "
            + "skipped): assess and act within so many working days of receipt; empty: none of its own; with the version it was "
            + "read at (concernDeadlineVersions; 0 for one not saved yet), 409 when it changed meanwhile (coaches, administrators)")
    @PutMapping("/settings/concern-deadlines")
    SignalSettings.Overview saveConcernDeadline(@Valid @RequestBody SignalSettings.SaveConcernDeadline body) {
        settings.saveConcernDeadline(body);
        return settings.overview();
    }

    /** Who is on duty for acute signals; no accountId: no one. */
    record OnDuty(UUID accountId) {
    }

    @Operation(summary = "Who of the organisation's professionals is on duty: acute signals alert them at once; without "
            + "accountId no one; someone who is no professional of the organisation: 422 naming accountId (coaches, administrators)")
    @PutMapping("/settings/on-duty")
    SignalSettings.Overview onDuty(@RequestBody OnDuty body) {
        settings.setOnDuty(body.accountId());
        return settings.overview();
    }

    @Operation(summary = "Map postcodes (\"7511\" or \"7512-7514\") to a neighbourhood of the area list kept under "
            + "/insights/settings (with its CBS codes): a signal with only an address gets its neighbourhood (coaches, administrators)")
    @PostMapping("/settings/postcode-areas")
    ResponseEntity<Map<String, UUID>> postcodeArea(@Valid @RequestBody SignalSettings.NewPostcodeArea body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", settings.addPostcodeArea(body)));
    }

    @Operation(summary = "Remove a postcode mapping read at ?version= (signals already in keep their neighbourhood); "
            + "409 when it changed meanwhile")
    @org.springframework.web.bind.annotation.DeleteMapping("/settings/postcode-areas/{postcodeAreaId}")
    ResponseEntity<Void> removePostcodeArea(@PathVariable UUID postcodeAreaId, @RequestParam(required = false) Integer version) {
        settings.removePostcodeArea(postcodeAreaId, version);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Change a postcode mapping read at its version; 409 when it changed meanwhile (coaches, administrators)")
    @PutMapping("/settings/postcode-areas/{postcodeAreaId}")
    SignalSettings.Overview changePostcodeArea(@PathVariable UUID postcodeAreaId,
                                               @Valid @RequestBody SignalSettings.ChangePostcodeArea body) {
        settings.changePostcodeArea(postcodeAreaId, body);
        return settings.overview();
    }

    @Operation(summary = "The partners of the network: core or shell, the covenant and privacy rules in force, who signed "
            + "them for each partner, when and which versions, and whether it may be invited to a meeting (staff, administrators)")
    @GetMapping("/partners")
    NetworkPartners.Overview partners() {
        return partners.overview();
    }

    @Operation(summary = "Put versions of the covenant and the privacy rules in force; partners that signed older ones cannot "
            + "be invited until they sign again (coaches, administrators; version for optimistic locking, 409 on a conflict)")
    @PutMapping("/partners/covenant")
    NetworkPartners.Overview covenant(@Valid @RequestBody NetworkPartners.SetCovenant body) {
        partners.setCovenant(body);
        return partners.overview();
    }

    @Operation(summary = "A partner is a core partner (every meeting) or a shell partner (asked when a case concerns it) "
            + "(coaches, administrators; 409 on a conflict)")
    @PutMapping("/partners/{agreementId}/membership")
    NetworkPartners.Overview membership(@PathVariable UUID agreementId, @Valid @RequestBody NetworkPartners.SetMembership body) {
        partners.setMembership(agreementId, body);
        return partners.overview();
    }

    @Operation(summary = "Record who signed the covenant and the privacy rules for a partner, when, and which versions "
            + "(coaches, administrators)")
    @PostMapping("/partners/{agreementId}/signatures")
    ResponseEntity<Map<String, UUID>> sign(@PathVariable UUID agreementId, @Valid @RequestBody NetworkPartners.Sign body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", partners.sign(agreementId, body)));
    }

    @PostMapping("/agreements")
    ResponseEntity<Map<String, UUID>> agreement(@Valid @RequestBody SignalSettings.NewAgreement body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", settings.addAgreement(body)));
    }

    /** A flood through one link: 429 in the reader's language, with when to try again. */
    @ExceptionHandler(Signals.Throttled.class)
    ResponseEntity<ProblemDetail> throttled(java.util.Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                org.samenkracht.common.web.MessageTexts.text(messages, "signals.throttled", null, locale));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header("Retry-After", "3600")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
