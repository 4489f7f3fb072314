package org.samenkracht.privacy.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.privacy.ConcernRoute;
import org.samenkracht.privacy.Concerns;
import org.samenkracht.privacy.SharingDecisions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/**
 * The twin of {@link ConcernRoutePages}: the concern route along the five steps of the reporting code, each
 * step one call, with the same checks (the route's order, the recorded reason to skip the conversation, the
 * five questions of the assessment framework) and the same access gate.
 */
@RestController
@RequestMapping("/api/v1/persons/{id}/concerns/{concernId}")
@Tag(name = "Privacy", description = "Care team, consent, sharing decisions, concerns, emergency access, audit, rights")
class ConcernRouteApi {

    /** A concern with where it stands on the reporting code and what the assessment framework advises. */
    record RouteView(Concerns.ConcernView concern, ConcernRoute.Stage stage, ConcernRoute.Step currentStep,
                     ConcernRoute.Advice advice, boolean reportStillDue) {
        static RouteView of(Concerns.ConcernView c) {
            return new RouteView(c, c.stage(), c.currentStep(), c.advice(), c.reportStillDue());
        }
    }

    record Consultation(Integer version, String note, Boolean adviceLine) {
    }

    record Note(Integer version, String note) {
    }

    record Skip(Integer version, String reason) {
    }

    record Assessment(Integer version, Boolean suspicion, ConcernRoute.Danger danger, Boolean canHelp, Boolean helpAccepted,
                      Boolean resultInTime, String weighing) {
    }

    record Report(Integer version, String recipient, String information, String justification) {
    }

    private final Concerns concerns;

    ConcernRouteApi(Concerns concerns) {
        this.concerns = concerns;
    }

    @GetMapping
    @Operation(summary = "One concern: its steps on the reporting code, the step to take next, the framework's advice")
    RouteView get(@PathVariable UUID id, @PathVariable UUID concernId) {
        return RouteView.of(concerns.one(id, concernId));
    }

    @PostMapping("/consultation")
    @Operation(summary = "Step 2: a colleague (and, if so, the advice line Veilig Thuis) was consulted")
    RouteView consult(@PathVariable UUID id, @PathVariable UUID concernId, @RequestBody Consultation body) {
        concerns.consult(id, concernId, version(body.version()), body.note(), Boolean.TRUE.equals(body.adviceLine()));
        return get(id, concernId);
    }

    @PostMapping("/conversation")
    @Operation(summary = "Step 3: the concern was discussed with the person or family")
    RouteView talk(@PathVariable UUID id, @PathVariable UUID concernId, @RequestBody Note body) {
        concerns.shareWithFamily(id, concernId, version(body.version()), body.note());
        return get(id, concernId);
    }

    @PostMapping("/conversation-skipped")
    @Operation(summary = "Step 3 skipped: only with a recorded reason (for example that telling would endanger someone)")
    RouteView skip(@PathVariable UUID id, @PathVariable UUID concernId, @RequestBody Skip body) {
        concerns.skipFamily(id, concernId, version(body.version()), body.reason());
        return get(id, concernId);
    }

    @PostMapping("/assessment")
    @Operation(summary = "Step 4: the five questions of the assessment framework, answered as far as they lead, and a note")
    RouteView assess(@PathVariable UUID id, @PathVariable UUID concernId, @RequestBody Assessment body) {
        concerns.assess(id, concernId, version(body.version()), new ConcernRoute.Assessment(body.suspicion(), body.danger(),
                body.canHelp(), body.helpAccepted(), body.resultInTime()), body.weighing());
        return get(id, concernId);
    }

    @PostMapping("/help")
    @Operation(summary = "Step 5: help was organised (beside a report, or instead of one when the framework advises help)")
    RouteView help(@PathVariable UUID id, @PathVariable UUID concernId, @RequestBody Note body) {
        concerns.organiseHelp(id, concernId, version(body.version()), body.note());
        return get(id, concernId);
    }

    @PostMapping("/report")
    @Operation(summary = "Step 5: the report (the step outside), kept as a sharing decision on the grounds of the concern route")
    SharingDecisions.DecisionView report(@PathVariable UUID id, @PathVariable UUID concernId, @RequestBody Report body) {
        return concerns.stepOutside(id, concernId, version(body.version()), body.recipient(), body.information(),
                body.justification());
    }

    private static int version(Integer version) {
        if (version == null) {
            throw new RuleViolation("version", "validation.required");
        }
        return version;
    }
}
