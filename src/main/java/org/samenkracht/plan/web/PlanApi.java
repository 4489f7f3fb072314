package org.samenkracht.plan.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.samenkracht.common.domain.NotFound;
import org.samenkracht.plan.DualSignOff;
import org.samenkracht.plan.Evaluations;
import org.samenkracht.plan.PlanCommands;
import org.samenkracht.plan.PlanVersions;
import org.samenkracht.plan.PlanView;
import org.samenkracht.plan.Plans;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/persons/{personId}/plan")
@Tag(name = "Plan", description = "The person's support plan: goals from wishes, inside-out steps, sign-off by both, versions, evaluation")
class PlanApi {

    /** Where the plan stands for sign-off, with what is missing in the reader's language. */
    record SignOffState(String state, List<String> missing) {
    }

    private final Plans plans;
    private final Evaluations evaluations;

    PlanApi(Plans plans, Evaluations evaluations) {
        this.plans = plans;
        this.evaluations = evaluations;
    }

    @GetMapping
    PlanView current(@PathVariable UUID personId) {
        return plans.current(personId).orElseThrow(() -> new NotFound("plan"));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a plan (returns the current one when there is one)")
    PlanView start(@PathVariable UUID personId) {
        plans.start(personId);
        return current(personId);
    }

    @PostMapping("/goals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a goal from one of the person's prioritised wishes; send the plan version you read (409 when it changed)")
    PlanView addGoal(@PathVariable UUID personId, @Valid @RequestBody PlanCommands.AddGoal body) {
        plans.addGoal(personId, body);
        return current(personId);
    }

    @PostMapping("/options")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an option to a goal's options worksheet")
    PlanView addOption(@PathVariable UUID personId, @Valid @RequestBody PlanCommands.AddOption body) {
        plans.addOption(personId, body);
        return current(personId);
    }

    @PutMapping("/options/choice")
    @Operation(summary = "Choose the best and the second-best option of a goal")
    PlanView chooseOptions(@PathVariable UUID personId, @Valid @RequestBody PlanCommands.ChooseOptions body) {
        plans.chooseOptions(personId, body);
        return current(personId);
    }

    @PutMapping("/layers")
    @Operation(summary = "Record how a lower layer was considered for a goal (inside-out check)")
    PlanView answerLayer(@PathVariable UUID personId, @Valid @RequestBody PlanCommands.AnswerLayer body) {
        plans.answerLayer(personId, body);
        return current(personId);
    }

    @PostMapping("/steps")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a step; a network member with a load signal needs loadReason (422 names it otherwise)")
    PlanView addStep(@PathVariable UUID personId, @Valid @RequestBody PlanCommands.AddStep body) {
        plans.addStep(personId, body);
        return current(personId);
    }

    @PutMapping("/steps/taker")
    @Operation(summary = "Give a step to someone else (replace a resource)")
    PlanView reassignStep(@PathVariable UUID personId, @Valid @RequestBody PlanCommands.ReassignStep body) {
        plans.reassignStep(personId, body);
        return current(personId);
    }

    @DeleteMapping("/steps/{stepId}")
    PlanView removeStep(@PathVariable UUID personId, @PathVariable UUID stepId, @RequestParam int version) {
        plans.removeStep(personId, stepId, version);
        return current(personId);
    }

    @PutMapping("/evaluation-date")
    PlanView evaluationDate(@PathVariable UUID personId, @Valid @RequestBody PlanCommands.SetEvaluationDate body) {
        plans.setEvaluationDate(personId, body);
        return current(personId);
    }

    @GetMapping("/sign-off")
    @Operation(summary = "Where the plan stands for sign-off, and what is still missing")
    SignOffState signOffState(@PathVariable UUID personId) {
        return state(plans.signOffState(personId));
    }

    @PostMapping("/sign-off/person")
    @Operation(summary = "The person agrees (own account), or the team records a representative's or paper agreement (onBehalf)")
    SignOffState agreeAsPerson(@PathVariable UUID personId, @Valid @RequestBody PlanCommands.Agree body) {
        return state(plans.agreeAsPerson(personId, body));
    }

    @PostMapping("/sign-off/professional")
    @Operation(summary = "The professional agrees")
    SignOffState agreeAsProfessional(@PathVariable UUID personId, @Valid @RequestBody PlanCommands.Agree body) {
        return state(plans.agreeAsProfessional(personId, body));
    }

    @PostMapping("/remarks")
    PlanView remark(@PathVariable UUID personId, @Valid @RequestBody PlanCommands.Remark body) {
        plans.remark(personId, body);
        return current(personId);
    }

    @PostMapping("/refusals")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The person refuses the plan or a step, with the reason, alternatives and a date to talk again")
    PlanView refuse(@PathVariable UUID personId, @Valid @RequestBody PlanCommands.Refuse body) {
        plans.refuse(personId, body);
        return current(personId);
    }

    @PostMapping("/family-views")
    @ResponseStatus(HttpStatus.CREATED)
    PlanView familyView(@PathVariable UUID personId, @Valid @RequestBody PlanCommands.RecordFamilyView body) {
        plans.recordFamilyView(personId, body);
        return current(personId);
    }

    @GetMapping("/versions")
    List<PlanVersions.Entry> versions(@PathVariable UUID personId) {
        return plans.versions(personId);
    }

    @GetMapping("/versions/{versionNo}")
    PlanView version(@PathVariable UUID personId, @PathVariable int versionNo) {
        return plans.version(personId, versionNo);
    }

    @GetMapping("/versions/compare")
    @Operation(summary = "Two versions side by side")
    PlanVersions.Comparison compare(@PathVariable UUID personId, @RequestParam int left, @RequestParam int right) {
        return plans.compare(personId, left, right);
    }

    @GetMapping("/evaluations")
    List<Evaluations.Evaluation> evaluations(@PathVariable UUID personId) {
        return evaluations.of(personId);
    }

    @PostMapping("/evaluations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an evaluation: experience, per goal process and result, checks, signals, decision")
    List<Evaluations.Evaluation> evaluate(@PathVariable UUID personId,
                                          @Valid @RequestBody PlanCommands.RecordEvaluation body) {
        evaluations.record(personId, body);
        return evaluations.of(personId);
    }

    @GetMapping("/timeline")
    @Operation(summary = "Days from first contact to the first agreed plan and to the first support")
    Evaluations.Timeline timeline(@PathVariable UUID personId) {
        return evaluations.timeline(personId);
    }

    @PutMapping("/timeline/first-support")
    Evaluations.Timeline supportStarted(@PathVariable UUID personId, @Valid @RequestBody PlanCommands.SupportStarted body) {
        evaluations.supportStarted(personId, body);
        return evaluations.timeline(personId);
    }

    @GetMapping(value = "/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The current plan as a printable PDF")
    ResponseEntity<byte[]> pdf(@PathVariable UUID personId) {
        return PlanPages.pdfResponse(plans.printable(personId));
    }

    private SignOffState state(DualSignOff.Outcome outcome) {
        if (outcome instanceof DualSignOff.Outcome.Incomplete i) {
            return new SignOffState("INCOMPLETE", i.missing().stream().map(plans::describe).toList());
        }
        String state = outcome instanceof DualSignOff.Outcome.Final ? "FINAL"
                : outcome instanceof DualSignOff.Outcome.AwaitingPerson ? "AWAITING_PERSON"
                : outcome instanceof DualSignOff.Outcome.AwaitingProfessional ? "AWAITING_PROFESSIONAL"
                : "AWAITING_BOTH";
        return new SignOffState(state, List.of());
    }
}
