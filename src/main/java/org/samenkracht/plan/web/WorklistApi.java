package org.samenkracht.plan.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.samenkracht.plan.Evaluations;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@Tag(name = "Plan")
class WorklistApi {

    private final Evaluations evaluations;

    WorklistApi(Evaluations evaluations) {
        this.evaluations = evaluations;
    }

    @GetMapping("/api/v1/plan/worklist")
    @Operation(summary = "Evaluations due or overdue for the persons in the signed-in user's care teams")
    List<Evaluations.Due> worklist() {
        return evaluations.worklist();
    }
}
