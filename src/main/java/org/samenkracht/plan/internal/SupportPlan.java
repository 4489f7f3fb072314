package org.samenkracht.plan.internal;

import org.samenkracht.common.web.RuleViolation;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The support plan aggregate: goals in the person's own words, each with steps that say who does
 * what. Saved as a whole and optimistically locked, so two editors never overwrite each other.
 */
@Table("support_plan")
class SupportPlan {

    enum Status { DRAFT, AGREED, ENDED }

    @Id
    UUID id;
    UUID organisationId;
    UUID personId;
    Status status;
    LocalDate evaluationDate;
    UUID createdBy;
    Instant createdAt;
    Instant updatedAt;
    @Version
    Integer version;

    @MappedCollection(idColumn = "support_plan", keyColumn = "position")
    List<Goal> goals = new ArrayList<>();

    static SupportPlan start(UUID organisationId, UUID personId, UUID by) {
        SupportPlan p = new SupportPlan();
        p.id = UUID.randomUUID();
        p.organisationId = organisationId;
        p.personId = personId;
        p.status = Status.DRAFT;
        p.createdBy = by;
        p.createdAt = Instant.now();
        p.updatedAt = p.createdAt;
        return p;
    }

    UUID addGoal(String ownWords) {
        Goal g = new Goal();
        g.id = UUID.randomUUID();
        g.ownWords = ownWords.trim();
        goals.add(g);
        touch();
        return g.id;
    }

    UUID addStep(UUID goalId, String description, Step.Taker taker, UUID networkMemberId, UUID professionalId) {
        Goal goal = goals.stream().filter(g -> g.id.equals(goalId)).findFirst()
                .orElseThrow(() -> new RuleViolation("goalId", "plan.goal.unknown"));
        if (taker == Step.Taker.NETWORK && networkMemberId == null) {
            throw new RuleViolation("networkMemberId", "plan.step.networkMemberRequired");
        }
        if (taker == Step.Taker.PROFESSIONAL && professionalId == null) {
            throw new RuleViolation("professionalId", "plan.step.professionalRequired");
        }
        Step s = new Step();
        s.id = UUID.randomUUID();
        s.description = description.trim();
        s.taker = taker;
        s.networkMemberId = taker == Step.Taker.NETWORK ? networkMemberId : null;
        s.professionalId = taker == Step.Taker.PROFESSIONAL ? professionalId : null;
        goal.steps.add(s);
        touch();
        return s.id;
    }

    void evaluateOn(LocalDate date, LocalDate today) {
        if (!date.isAfter(today)) {
            throw new RuleViolation("evaluationDate", "plan.evaluationDate.future");
        }
        evaluationDate = date;
        touch();
    }

    void expectVersion(int expected) {
        if (version != expected) {
            throw new org.springframework.dao.OptimisticLockingFailureException(
                    "plan " + id + " is at version " + version + ", not " + expected);
        }
    }

    private void touch() {
        updatedAt = Instant.now();
    }

    @Table("plan_goal")
    static class Goal {
        @Id
        UUID id;
        String ownWords;
        @MappedCollection(idColumn = "plan_goal", keyColumn = "position")
        List<Step> steps = new ArrayList<>();
    }

    @Table("plan_step")
    static class Step {
        enum Taker { PERSON, NETWORK, GENERAL_FACILITY, PROFESSIONAL }

        @Id
        UUID id;
        String description;
        Taker taker;
        UUID networkMemberId;
        UUID professionalId;
    }
}
