package org.samenkracht.plan.internal;

import org.samenkracht.common.web.NotFound;
import org.samenkracht.plan.PlanCommands;
import org.samenkracht.plan.PlanView;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Loads, changes and saves the plan aggregate; builds the view pages and the API show. */
@Component
public class PlanStore {

    private final SupportPlanRepository plans;

    PlanStore(SupportPlanRepository plans) {
        this.plans = plans;
    }

    /** The current plan as a view; names of step takers are looked up through the given functions. */
    public Optional<PlanView> current(UUID personId, Function<UUID, String> memberName,
                                      Function<UUID, String> professionalName) {
        return plans.findCurrent(personId).map(p -> view(p, memberName, professionalName));
    }

    public Optional<UUID> currentId(UUID personId) {
        return plans.findCurrent(personId).map(p -> p.id);
    }

    public UUID start(UUID organisationId, UUID personId, UUID by) {
        return plans.save(SupportPlan.start(organisationId, personId, by)).id;
    }

    public UUID addGoal(UUID personId, int version, String ownWords) {
        SupportPlan plan = loadForChange(personId, version);
        UUID id = plan.addGoal(ownWords);
        plans.save(plan);
        return id;
    }

    public UUID addStep(UUID personId, int version, PlanCommands.AddStep c) {
        SupportPlan plan = loadForChange(personId, version);
        UUID id = plan.addStep(c.goalId(), c.description(), SupportPlan.Step.Taker.valueOf(c.taker()),
                c.networkMemberId(), c.professionalId());
        plans.save(plan);
        return id;
    }

    public void setEvaluationDate(UUID personId, int version, LocalDate date, LocalDate today) {
        SupportPlan plan = loadForChange(personId, version);
        plan.evaluateOn(date, today);
        plans.save(plan);
    }

    private SupportPlan loadForChange(UUID personId, int version) {
        SupportPlan plan = plans.findCurrent(personId).orElseThrow(() -> new NotFound("plan"));
        plan.expectVersion(version);
        return plan;
    }

    private static PlanView view(SupportPlan plan, Function<UUID, String> memberName,
                                 Function<UUID, String> professionalName) {
        List<PlanView.Goal> goals = new ArrayList<>();
        int n = 1;
        for (SupportPlan.Goal g : plan.goals) {
            List<PlanView.Step> steps = g.steps.stream().map(s -> new PlanView.Step(s.id, s.description, s.taker.name(),
                    s.networkMemberId, s.professionalId,
                    s.networkMemberId != null ? memberName.apply(s.networkMemberId)
                            : s.professionalId != null ? professionalName.apply(s.professionalId) : null)).toList();
            goals.add(new PlanView.Goal(g.id, n++, g.ownWords, steps));
        }
        return new PlanView(plan.id, plan.personId, plan.status.name(), plan.evaluationDate, plan.version, goals);
    }
}
