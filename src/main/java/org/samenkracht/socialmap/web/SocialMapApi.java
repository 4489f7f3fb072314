package org.samenkracht.socialmap.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.samenkracht.socialmap.Matching;
import org.samenkracht.socialmap.Offer;
import org.samenkracht.socialmap.OfferImports;
import org.samenkracht.socialmap.OfferTerms;
import org.samenkracht.socialmap.SearchResult;
import org.samenkracht.socialmap.SocialMap;
import org.samenkracht.socialmap.internal.OfferFiles;
import org.samenkracht.vocabulary.Intensity;
import org.samenkracht.vocabulary.Layer;
import org.samenkracht.vocabulary.LifeDomain;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.DayOfWeek;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Social map", description = "Offers, search, matching a goal, import and export")
class SocialMapApi {

    private final SocialMap socialMap;
    private final Matching matching;
    private final OfferImports imports;
    private final MessageSource messages;
    private final ReasonTexts reasons;

    SocialMapApi(SocialMap socialMap, Matching matching, OfferImports imports, MessageSource messages, ReasonTexts reasons) {
        this.reasons = reasons;
        this.socialMap = socialMap;
        this.matching = matching;
        this.imports = imports;
        this.messages = messages;
    }

    @GetMapping("/offers")
    @Operation(summary = "Search offers: Dutch full text (accents ignored, last word may be unfinished), facets, distance from a place, open at a day and time")
    SearchResult search(@ModelAttribute SearchForm form) {
        double[] at = socialMap.place(form.place()).orElse(null);
        if (form.place() != null && !form.place().isBlank() && at == null) {
            throw new org.samenkracht.common.domain.RuleViolation("place", "socialmap.search.placeUnknown");
        }
        return socialMap.search(form.query(at));
    }

    @GetMapping("/offers/{id}")
    Offer offer(@PathVariable UUID id) {
        return socialMap.offer(id);
    }

    @PostMapping("/offers")
    @Operation(summary = "Add an offer (administrators); the body has the fields of the JSON import format")
    ResponseEntity<Offer> create(@RequestBody JsonNode body) {
        UUID id = socialMap.create(OfferFiles.fieldsOf(body));
        return ResponseEntity.created(URI.create("/api/v1/offers/" + id)).body(socialMap.offer(id));
    }

    @PutMapping("/offers/{id}")
    @Operation(summary = "Change an offer (administrators); version is the one you read (a stale one gives 409)")
    Offer update(@PathVariable UUID id, @RequestParam int version, @RequestBody JsonNode body) {
        socialMap.update(id, version, OfferFiles.fieldsOf(body));
        return socialMap.offer(id);
    }

    @PostMapping("/offers/{id}/checked")
    Offer checked(@PathVariable UUID id) {
        socialMap.markChecked(id);
        return socialMap.offer(id);
    }

    record ReportBody(String reason) {
    }

    @PostMapping("/offers/{id}/reports")
    @Operation(summary = "Report a fiche as wrong")
    ResponseEntity<Map<String, UUID>> report(@PathVariable UUID id, @RequestBody ReportBody body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", socialMap.report(id, body.reason())));
    }

    @PostMapping("/offers/{id}/invitations")
    @Operation(summary = "Invite the provider to update its fiche; the link is returned once")
    ResponseEntity<Map<String, String>> invite(@PathVariable UUID id) {
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("path", "/socialmap/fiche/" + socialMap.invite(id)));
    }

    @GetMapping("/offers/attention")
    SocialMap.Attention attention() {
        return socialMap.attention();
    }

    @PostMapping("/offer-reports/{id}/resolved")
    @Operation(summary = "A report that a fiche is wrong has been dealt with: it leaves the attention list (administrators; "
            + "a report of another organisation or one resolved already: 404)")
    ResponseEntity<Void> resolveReport(@PathVariable UUID id) {
        socialMap.resolveReport(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/offers/export")
    @Operation(summary = "Export every offer as CSV, JSON or HSDS (the import formats)",
            description = "format=csv or json: our own columns. format=hsds: the Open Referral HSDS 3 shape, a page of "
                    + "services (contents, total_items …) with organization, service_at_locations (location, addresses), "
                    + "schedules, service_areas, languages, phones, cost_options and capacities; life domains, layer, "
                    + "intensity and the other fields HSDS lacks are attributes with terms of the taxonomies "
                    + "samenkracht-life-domain, samenkracht-layer, samenkracht-intensity, samenkracht-target-group, "
                    + "samenkracht-provider-kind, samenkracht-access-route, samenkracht-accessibility and "
                    + "samenkracht-offer-field (external_key, goals_served, waiting_weeks, reduction_possible as value). "
                    + "It imports again without loss.")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "json") String format) {
        OfferImports.Format f = OfferImports.Format.of(format, null);
        SocialMap.requireSearcher();  // before the body streams: a refusal must still be a 403
        var context = org.springframework.security.core.context.SecurityContextHolder.getContext();
        StreamingResponseBody body = out -> {
            var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
            org.springframework.security.core.context.SecurityContextHolder.setContext(context);
            try {
                imports.export(f, out);
            } finally {
                org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
            }
        };
        return ResponseEntity.ok().contentType(f == OfferImports.Format.CSV
                ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8) : MediaType.APPLICATION_JSON).body(body);
    }

    @PostMapping(path = "/offer-imports", consumes = {"text/csv", "application/json", "text/plain", "application/octet-stream"})
    @Operation(summary = "Import offers (CSV, JSON or HSDS body); answers 202 with the job to follow",
            description = "Every row is checked first. A file with bad rows imports nothing and answers 422 "
                    + "problem+json listing every bad row (line, field, reason, message in the reader's language), "
                    + "unless onlyGood=true: then the good rows are imported and the bad ones are still listed in the job. "
                    + "format=HSDS (or a JSON body that is an object): Open Referral HSDS 3 JSON, a page "
                    + "{\"contents\": [services]}, an array of services or an organization with its services; "
                    + "each service is checked by the same rules; a refusal's line is the record number (1-based) and "
                    + "its field a JSON pointer into the file (/contents/3/cost_options/0/amount). A service without "
                    + "our taxonomy terms gets provider kind ORGANISATION, target group EVERYONE and access FREE, and is "
                    + "refused for a missing life domain, layer or intensity (the taxonomy is named).")
    ResponseEntity<OfferImports.Job> startImport(@RequestParam(required = false) String format,
                                                 @RequestParam(required = false) String fileName,
                                                 @RequestParam(defaultValue = "false") boolean onlyGood,
                                                 @RequestBody byte[] body,
                                                 @org.springframework.web.bind.annotation.RequestHeader(name = "Content-Type", required = false) String type) {
        OfferImports.Format f = format != null ? OfferImports.Format.of(format, null)
                : type != null && type.startsWith("application/json") ? OfferImports.Format.of(null, "import.json", body)
                : OfferImports.Format.CSV;
        UUID id = imports.start(fileName, f, body, onlyGood);
        return ResponseEntity.accepted().location(URI.create("/api/v1/offer-imports/" + id)).body(imports.job(id));
    }

    /** A file with bad rows: 422 with every bad row by line and field; nothing was imported. */
    @ExceptionHandler(OfferImports.Refused.class)
    ProblemDetail refused(OfferImports.Refused e) {
        var job = e.job();
        var locale = LocaleContextHolder.getLocale();
        ProblemDetail p = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        p.setTitle(messages.getMessage("error.title.422", null, locale));
        p.setDetail(messages.getMessage("socialmap.import.refusedDetail",
                new Object[]{job.refused(), job.totalRows()}, locale));
        p.setProperty("job", job.id());
        p.setProperty("totalRows", job.totalRows());
        p.setProperty("refusedRows", job.refused());
        p.setProperty("rows", job.refusals());
        Map<String, String> fields = new LinkedHashMap<>();
        job.refusals().forEach(r -> fields.putIfAbsent(r.field().isEmpty() ? "file" : r.field(), r.message()));
        p.setProperty("fields", fields);
        return p;
    }

    @GetMapping("/offer-imports/{id}")
    OfferImports.Job job(@PathVariable UUID id) {
        return imports.job(id);
    }

    @GetMapping("/persons/{personId}/goals/{goalId}/matches")
    @Operation(summary = "Offers that fit a goal, ranked from the inside out, with reasons for and against in the reader's language",
            description = "By default the goal's own life domains and words, the person's neighbourhood and age group; "
                    + "domain (repeatable) narrows or widens the domains, words=false leaves the goal's words out. "
                    + "First what the person can do themself and who in the network could help (with load warnings), "
                    + "then offers from the lower layers up.")
    MatchesView matches(@PathVariable UUID personId, @PathVariable UUID goalId,
                        @RequestParam(required = false) List<LifeDomain> domain,
                        @RequestParam(required = false) Boolean words,
                        @RequestParam(required = false) List<OfferTerms.TargetGroup> group,
                        @RequestParam(required = false) String language,
                        @RequestParam(required = false) List<DayOfWeek> day,
                        @RequestParam(required = false) List<Layer> refuseLayer,
                        @RequestParam(required = false) List<Intensity> refuseIntensity,
                        @RequestParam(required = false) String place) {
        Matching.Result r = matching.forGoal(personId, goalId, new Matching.Preferences(
                domain == null ? null : new java.util.HashSet<>(domain), words, set(group), language, set(day),
                set(refuseLayer), set(refuseIntensity), place));
        return MatchesView.of(r, reasons, messages, LocaleContextHolder.getLocale());
    }

    record AddToPlan(@NotNull UUID offerId, @NotNull Integer version) {
    }

    @PostMapping("/persons/{personId}/goals/{goalId}/steps")
    @Operation(summary = "Put an offer into the plan as a step of this goal")
    ResponseEntity<Map<String, UUID>> addToPlan(@PathVariable UUID personId, @PathVariable UUID goalId,
                                                @Valid @RequestBody AddToPlan body) {
        UUID step = matching.addToPlan(personId, goalId, body.offerId(), body.version());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("stepId", step));
    }

    /** Every field's problem at once, named as in the import formats. */
    @ExceptionHandler(SocialMap.InvalidOffer.class)
    ProblemDetail invalid(SocialMap.InvalidOffer e) {
        ProblemDetail p = ProblemDetail.forStatus(HttpStatus.UNPROCESSABLE_CONTENT);
        var locale = LocaleContextHolder.getLocale();
        p.setTitle(messages.getMessage("error.title.422", null, locale));
        p.setDetail(messages.getMessage("error.invalid", null, locale));
        Map<String, String> fields = new LinkedHashMap<>();
        e.problems().forEach(problem -> fields.putIfAbsent(problem.field(),
                messages.getMessage("socialmap.invalid." + problem.reason(), new Object[]{problem.value()}, locale)));
        p.setProperty("fields", fields);
        return p;
    }

    private static <T> java.util.Set<T> set(List<T> list) {
        return list == null ? null : new HashSet<>(list);
    }
}
