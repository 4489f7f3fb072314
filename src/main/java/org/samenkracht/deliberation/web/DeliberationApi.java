package org.samenkracht.deliberation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.samenkracht.deliberation.DeliberationCommands;
import org.samenkracht.deliberation.DeliberationView;
import org.samenkracht.deliberation.Deliberations;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@Tag(name = "Deliberation", description = "Ethical deliberation about a person's support: gps, dilemma method, Socratic conversation")
class DeliberationApi {

    private final Deliberations deliberations;

    DeliberationApi(Deliberations deliberations) {
        this.deliberations = deliberations;
    }

    record Created(UUID id) {
    }

    @GetMapping("/api/v1/persons/{id}/deliberations")
    @Operation(summary = "The person's deliberations (team only)")
    List<Deliberations.Summary> list(@PathVariable UUID id) {
        return deliberations.of(id);
    }

    @PostMapping("/api/v1/persons/{id}/deliberations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a deliberation with a method the facilitator chooses (GPS, DILEMMA_METHOD, SOCRATIC)")
    Created start(@PathVariable UUID id, @Valid @RequestBody DeliberationCommands.Start body) {
        return new Created(deliberations.start(id, body));
    }

    @GetMapping("/api/v1/persons/{id}/deliberations/{did}")
    @Operation(summary = "One deliberation: answers per question, values table, person's perspective, decision, actions")
    DeliberationView get(@PathVariable UUID id, @PathVariable UUID did) {
        return deliberations.get(id, did);
    }

    @PutMapping("/api/v1/persons/{id}/deliberations/{did}/answers")
    @Operation(summary = "Answer questions of the method by key (a blank answer clears it); 409 when the version moved on")
    DeliberationView answer(@PathVariable UUID id, @PathVariable UUID did, @Valid @RequestBody DeliberationCommands.Answer body) {
        deliberations.answer(id, did, body);
        return deliberations.get(id, did);
    }

    @PostMapping("/api/v1/persons/{id}/deliberations/{did}/values")
    @Operation(summary = "Add a row to the depth: a perspective, the value it holds, the norm")
    DeliberationView value(@PathVariable UUID id, @PathVariable UUID did, @Valid @RequestBody DeliberationCommands.AddValue body) {
        deliberations.addValue(id, did, body);
        return deliberations.get(id, did);
    }

    @PostMapping("/api/v1/persons/{id}/deliberations/{did}/perspective")
    @Operation(summary = "Fill the person's perspective from their own words (own story, four questions, remark on the plan)")
    DeliberationView perspective(@PathVariable UUID id, @PathVariable UUID did, @Valid @RequestBody DeliberationCommands.Version body) {
        deliberations.fillPersonPerspective(id, did, body.version());
        return deliberations.get(id, did);
    }

    @PostMapping("/api/v1/persons/{id}/deliberations/{did}/decision")
    @Operation(summary = "Cut the knot: the decision (refused for a Socratic conversation, or before the steps are done)")
    DeliberationView decide(@PathVariable UUID id, @PathVariable UUID did, @Valid @RequestBody DeliberationCommands.Decide body) {
        deliberations.decide(id, did, body);
        return deliberations.get(id, did);
    }

    @PostMapping("/api/v1/persons/{id}/deliberations/{did}/actions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "An action with its evaluation date; with a goalId it becomes a step of that goal in the plan")
    Map<String, UUID> action(@PathVariable UUID id, @PathVariable UUID did, @Valid @RequestBody DeliberationCommands.AddAction body) {
        return Map.of("id", deliberations.addAction(id, did, body));
    }

    @PostMapping("/api/v1/persons/{id}/deliberations/{did}/concern")
    @Operation(summary = "Make the decision the weighing step of a concern (privacy's concern route)")
    DeliberationView concern(@PathVariable UUID id, @PathVariable UUID did, @Valid @RequestBody DeliberationCommands.LinkConcern body) {
        deliberations.linkConcern(id, did, body);
        return deliberations.get(id, did);
    }

    @PostMapping("/api/v1/persons/{id}/deliberations/{did}/close")
    @Operation(summary = "Close the deliberation (the dilemma method needs its session evaluation)")
    DeliberationView close(@PathVariable UUID id, @PathVariable UUID did, @Valid @RequestBody DeliberationCommands.Version body) {
        deliberations.close(id, did, body.version());
        return deliberations.get(id, did);
    }
}
