package org.samenkracht.plan.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.samenkracht.common.web.NotFound;
import org.samenkracht.plan.PlanCommands;
import org.samenkracht.plan.PlanView;
import org.samenkracht.plan.Plans;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

@RestController
@RequestMapping("/api/v1/persons/{personId}/plan")
@Tag(name = "Plan", description = "The person's support plan: goals in their own words and who does what")
class PlanApi {

    private final Plans plans;

    PlanApi(Plans plans) {
        this.plans = plans;
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
    @Operation(summary = "Add a goal; send the plan version you read (409 when it changed)")
    PlanView addGoal(@PathVariable UUID personId, @Valid @RequestBody PlanCommands.AddGoal body) {
        plans.addGoal(personId, body);
        return current(personId);
    }

    @PostMapping("/steps")
    @ResponseStatus(HttpStatus.CREATED)
    PlanView addStep(@PathVariable UUID personId, @Valid @RequestBody PlanCommands.AddStep body) {
        plans.addStep(personId, body);
        return current(personId);
    }

    @PutMapping("/evaluation-date")
    PlanView evaluationDate(@PathVariable UUID personId, @Valid @RequestBody PlanCommands.SetEvaluationDate body) {
        plans.setEvaluationDate(personId, body);
        return current(personId);
    }
}
