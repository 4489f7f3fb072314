package org.samenkracht.team.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.samenkracht.team.Caseloads;
import org.samenkracht.team.HandoverRules;
import org.samenkracht.team.Handovers;
import org.samenkracht.team.Reviews;
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
@Tag(name = "Team", description = "Caseload as bandwidth, warm handover, reviews of the trajectory")
class TeamApi {

    private final Caseloads caseloads;
    private final Handovers handovers;
    private final Reviews reviews;

    TeamApi(Caseloads caseloads, Handovers handovers, Reviews reviews) {
        this.caseloads = caseloads;
        this.handovers = handovers;
        this.reviews = reviews;
    }

    record Stage(HandoverRules.Stage stage) {
    }

    @GetMapping("/api/v1/team/caseload")
    @Operation(summary = "The signed-in worker's caseload weighed person by person, against the team's bandwidth")
    Caseloads.Mine mine() {
        return caseloads.mine();
    }

    @GetMapping("/api/v1/team/bandwidth")
    @Operation(summary = "The team's load per professional against the agreed bandwidth (coach, administrator; no names of persons)")
    Caseloads.Team team() {
        return caseloads.team();
    }

    @PutMapping("/api/v1/team/bandwidth")
    @Operation(summary = "The coach records the bandwidth the team agreed (points per professional)")
    Caseloads.Team agree(@Valid @RequestBody Caseloads.Agree body) {
        caseloads.agree(body);
        return caseloads.team();
    }

    @GetMapping("/api/v1/team/handovers/waiting")
    @Operation(summary = "Handovers waiting for the signed-in worker to accept")
    List<Handovers.HandoverView> waiting() {
        return handovers.waitingForMe();
    }

    @GetMapping("/api/v1/persons/{id}/handovers")
    @Operation(summary = "The person's warm handovers")
    List<Handovers.HandoverView> list(@PathVariable UUID id) {
        return handovers.of(id);
    }

    @PostMapping("/api/v1/persons/{id}/handovers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Propose a warm handover to a colleague (who joins the care team for the three-way conversation)")
    Map<String, UUID> propose(@PathVariable UUID id, @Valid @RequestBody Handovers.Propose body) {
        return Map.of("id", handovers.propose(id, body));
    }

    @PostMapping("/api/v1/persons/{id}/handovers/{hid}/conversation")
    @Operation(summary = "Record the three-way conversation")
    Stage conversation(@PathVariable UUID id, @PathVariable UUID hid, @Valid @RequestBody Handovers.Conversation body) {
        handovers.recordConversation(id, hid, body);
        return new Stage(HandoverRules.Stage.AWAITING_BOTH);
    }

    @PostMapping("/api/v1/persons/{id}/handovers/{hid}/accept")
    @Operation(summary = "The receiving worker accepts; when the person signed already, the old worker's part ends")
    Stage accept(@PathVariable UUID id, @PathVariable UUID hid, @Valid @RequestBody Handovers.Sign body) {
        return new Stage(handovers.accept(id, hid, body));
    }

    @PostMapping("/api/v1/persons/{id}/handovers/{hid}/sign")
    @Operation(summary = "The person co-signs (or the team for a representative, with onBehalf); when accepted, the old worker's part ends")
    Stage sign(@PathVariable UUID id, @PathVariable UUID hid, @Valid @RequestBody Handovers.Sign body) {
        return new Stage(handovers.signAsPerson(id, hid, body));
    }

    @PostMapping("/api/v1/persons/{id}/handovers/{hid}/withdraw")
    @Operation(summary = "Withdraw a handover that has not completed")
    Stage withdraw(@PathVariable UUID id, @PathVariable UUID hid, @Valid @RequestBody Handovers.Sign body) {
        handovers.withdraw(id, hid, body.version());
        return new Stage(HandoverRules.Stage.WITHDRAWN);
    }

    @GetMapping("/api/v1/persons/{id}/reviews")
    @Operation(summary = "Reviews of the trajectory from several viewpoints")
    List<Reviews.ReviewView> reviews(@PathVariable UUID id) {
        return reviews.of(id);
    }

    @PostMapping("/api/v1/persons/{id}/reviews")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a review: views with proposals, who decides when they differ, a phase-out plan")
    Map<String, UUID> review(@PathVariable UUID id, @Valid @RequestBody Reviews.Record body) {
        return Map.of("id", reviews.record(id, body));
    }
}
