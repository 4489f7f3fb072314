package org.samenkracht.plan.internal;

import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.vocabulary.Intensity;
import org.samenkracht.vocabulary.Layer;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The support plan aggregate: goals in the person's own words, each with its options and its steps
 * that say who does what, the answers of the inside-out check, the agreements of both sides, the
 * person's refusals and the family's views. Saved as a whole and optimistically locked, so two
 * editors never overwrite each other. A change after sign-off opens the next version; the signed one
 * is kept as it was (in plan_version).
 */
@Table("support_plan")
class SupportPlan {

    enum Status { DRAFT, AGREED, ENDED }

    @Id
    UUID id;
    UUID organisationId;
    UUID personId;
    Status status;
    Integer versionNo;
    LocalDate evaluationDate;
    UUID createdBy;
    Instant createdAt;
    Instant updatedAt;
    Instant personAgreedAt;
    UUID personAgreedBy;
    String personAgreedOnBehalf;
    String personRemark;
    Instant professionalAgreedAt;
    UUID professionalAgreedBy;
    String professionalRemark;
    @Version
    Integer version;

    @MappedCollection(idColumn = "support_plan", keyColumn = "position")
    List<Goal> goals = new ArrayList<>();
    @MappedCollection(idColumn = "support_plan", keyColumn = "position")
    List<Refusal> refusals = new ArrayList<>();
    @MappedCollection(idColumn = "support_plan", keyColumn = "position")
    List<FamilyView> familyViews = new ArrayList<>();

    static SupportPlan start(UUID organisationId, UUID personId, UUID by) {
        SupportPlan p = new SupportPlan();
        p.id = UUID.randomUUID();
        p.organisationId = organisationId;
        p.personId = personId;
        p.status = Status.DRAFT;
        p.versionNo = 1;
        p.createdBy = by;
        p.createdAt = Instant.now();
        p.updatedAt = p.createdAt;
        return p;
    }

    UUID addGoal(UUID wishId, String ownWords, String meaning, String intendedResult, String term,
                 String reachedWhen, List<String> domains) {
        change();
        Goal g = new Goal();
        g.id = UUID.randomUUID();
        g.wishId = wishId;
        g.ownWords = ownWords.trim();
        g.meaning = trim(meaning);
        g.intendedResult = trim(intendedResult);
        g.term = term;
        g.reachedWhen = trim(reachedWhen);
        g.domains = domains == null ? new String[0] : domains.toArray(String[]::new);
        goals.add(g);
        return g.id;
    }

    UUID addOption(UUID goalId, String description, String advantages, String disadvantages) {
        change();
        Option o = new Option();
        o.id = UUID.randomUUID();
        o.description = description.trim();
        o.advantages = trim(advantages);
        o.disadvantages = trim(disadvantages);
        goal(goalId).options.add(o);
        return o.id;
    }

    void chooseOptions(UUID goalId, UUID best, UUID second) {
        Goal goal = goal(goalId);
        if (best != null && best.equals(second)) {
            throw new RuleViolation("secondId", "plan.option.sameTwice");
        }
        for (UUID id : new UUID[] {best, second}) {
            if (id != null && goal.options.stream().noneMatch(o -> o.id.equals(id))) {
                throw new RuleViolation(id == best ? "bestId" : "secondId", "plan.option.unknown");
            }
        }
        change();
        for (Option o : goal.options) {
            o.choice = o.id.equals(best) ? "BEST" : o.id.equals(second) ? "SECOND" : null;
        }
    }

    void answerLayer(UUID goalId, Layer layer, String answer) {
        Goal goal = goal(goalId);
        change();
        String a = trim(answer);
        switch (layer) {
            case OWN_STRENGTH -> goal.ownStrengthAnswer = a;
            case NETWORK -> goal.networkAnswer = a;
            case GENERAL_COLLECTIVE, VOLUNTEER -> goal.generalAnswer = a;
            case INDIVIDUAL_PROFESSIONAL -> throw new RuleViolation("layer", "plan.layer.noAnswerForTop");
        }
    }

    UUID addStep(UUID goalId, StepContent content) {
        Goal goal = goal(goalId);
        content.check();
        change();
        Step s = new Step();
        s.id = UUID.randomUUID();
        content.applyTo(s);
        goal.steps.add(s);
        return s.id;
    }

    /** Another taker for a step (replacing a resource), the step itself staying the same. */
    void reassignStep(UUID stepId, StepContent content) {
        Step step = step(stepId);
        content.check();
        change();
        String description = step.description;
        String ownPart = step.ownPart;
        Intensity intensity = step.intensity;
        content.applyTo(step);
        step.description = content.description() == null || content.description().isBlank() ? description : step.description;
        step.ownPart = step.ownPart == null ? ownPart : step.ownPart;
        step.intensity = content.intensity() == null ? intensity : step.intensity;
    }

    /**
     * The support behind a step ended (a buddy match, a group, an activity): the step stays in the plan, marked
     * ended with the reason. It is a fact, not a change of what was agreed: the agreement stays. False when the
     * step was already ended.
     */
    boolean endStep(UUID stepId, java.time.LocalDate on, String reason) {
        requireOpen();
        Step step = step(stepId);
        if (step.endedOn != null) {
            return false;
        }
        step.endedOn = on;
        step.endedReason = reason;
        touch();
        return true;
    }

    void removeStep(UUID stepId) {
        step(stepId);
        change();
        goals.forEach(g -> g.steps.removeIf(s -> s.id.equals(stepId)));
    }

    void evaluateOn(LocalDate date, LocalDate today) {
        if (!date.isAfter(today)) {
            throw new RuleViolation("evaluationDate", "plan.evaluationDate.future");
        }
        change();
        evaluationDate = date;
    }

    /** The next evaluation date set by an evaluation: the evaluation cycle, not a change of the plan's content. */
    void nextEvaluation(LocalDate date, boolean end) {
        requireOpen();
        evaluationDate = date;
        if (end) {
            status = Status.ENDED;
        }
        touch();
    }

    /** The person (or their representative) agrees. Returns true when the plan became final. */
    boolean agreeAsPerson(UUID by, String onBehalf, String remark, Instant now) {
        requireOpen();
        personAgreedAt = now;
        personAgreedBy = by;
        personAgreedOnBehalf = trim(onBehalf);
        if (remark != null && !remark.isBlank()) {
            personRemark = remark.trim();
        }
        return finaliseWhenBoth();
    }

    /** The professional agrees. Returns true when the plan became final. */
    boolean agreeAsProfessional(UUID by, String remark, Instant now) {
        requireOpen();
        professionalAgreedAt = now;
        professionalAgreedBy = by;
        if (remark != null && !remark.isBlank()) {
            professionalRemark = remark.trim();
        }
        return finaliseWhenBoth();
    }

    void remark(boolean byPerson, String remark) {
        requireOpen();
        if (byPerson) {
            personRemark = remark.trim();
        } else {
            professionalRemark = remark.trim();
        }
        touch();
    }

    void refuse(UUID stepId, String reason, String alternatives, LocalDate talkAgainOn, UUID by, Instant now,
                LocalDate today) {
        if (stepId != null) {
            step(stepId);
        }
        if (talkAgainOn != null && !talkAgainOn.isAfter(today)) {
            throw new RuleViolation("talkAgainOn", "plan.refusal.talkAgainFuture");
        }
        change();
        Refusal r = new Refusal();
        r.id = UUID.randomUUID();
        r.stepId = stepId;
        r.reason = reason.trim();
        r.alternatives = trim(alternatives);
        r.talkAgainOn = talkAgainOn;
        r.recordedBy = by;
        r.recordedAt = now;
        refusals.add(r);
    }

    void recordFamilyView(String who, String disagreement, String agreements, LocalDate meetingOn) {
        change();
        FamilyView f = new FamilyView();
        f.id = UUID.randomUUID();
        f.who = who.trim();
        f.disagreement = disagreement.trim();
        f.agreements = trim(agreements);
        f.meetingOn = meetingOn;
        familyViews.add(f);
    }

    void expectVersion(int expected) {
        if (version != expected) {
            throw new OptimisticLockingFailureException("plan " + id + " is at version " + version + ", not " + expected);
        }
    }

    /**
     * Every change of content passes here: an ended plan is closed, a signed plan opens its next
     * version, and agreements given to the earlier content no longer hold.
     */
    private void change() {
        requireOpen();
        if (status == Status.AGREED) {
            status = Status.DRAFT;
            versionNo = versionNo + 1;
        }
        personAgreedAt = null;
        personAgreedBy = null;
        personAgreedOnBehalf = null;
        professionalAgreedAt = null;
        professionalAgreedBy = null;
        touch();
    }

    private boolean finaliseWhenBoth() {
        touch();
        if (personAgreedAt != null && professionalAgreedAt != null) {
            status = Status.AGREED;
            return true;
        }
        return false;
    }

    private void requireOpen() {
        if (status == Status.ENDED) {
            throw new RuleViolation("plan", "plan.ended");
        }
    }

    private Goal goal(UUID goalId) {
        return goals.stream().filter(g -> g.id.equals(goalId)).findFirst()
                .orElseThrow(() -> new RuleViolation("goalId", "plan.goal.unknown"));
    }

    private Step step(UUID stepId) {
        return goals.stream().flatMap(g -> g.steps.stream()).filter(s -> s.id.equals(stepId)).findFirst()
                .orElseThrow(() -> new RuleViolation("stepId", "plan.step.unknown"));
    }

    private void touch() {
        updatedAt = Instant.now();
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** What a step says and who takes it, checked before it enters the plan. */
    record StepContent(String description, String taker, Layer layer, Intensity intensity, String ownPart,
                       UUID networkMemberId, UUID professionalId, String provider, String loadReason) {
        void check() {
            switch (taker) {
                case "NETWORK" -> {
                    if (networkMemberId == null) {
                        throw new RuleViolation("networkMemberId", "plan.step.networkMemberRequired");
                    }
                }
                case "PROFESSIONAL" -> {
                    if (professionalId == null) {
                        throw new RuleViolation("professionalId", "plan.step.professionalRequired");
                    }
                }
                case "GENERAL_FACILITY" -> {
                    if (provider == null || provider.isBlank()) {
                        throw new RuleViolation("provider", "plan.step.providerRequired");
                    }
                }
                case "PERSON" -> {
                }
                default -> throw new RuleViolation("taker", "validation.choice");
            }
        }

        void applyTo(Step s) {
            if (description != null && !description.isBlank()) {
                s.description = description.trim();
            }
            s.taker = Step.Taker.valueOf(taker);
            s.layer = Objects.requireNonNull(layer);
            if (intensity != null) {
                s.intensity = intensity;
            } else if (s.intensity == null) {
                s.intensity = Intensity.SUPPORT;
            }
            if (ownPart != null && !ownPart.isBlank()) {
                s.ownPart = ownPart.trim();
            }
            s.networkMemberId = "NETWORK".equals(taker) ? networkMemberId : null;
            s.professionalId = "PROFESSIONAL".equals(taker) ? professionalId : null;
            s.provider = "GENERAL_FACILITY".equals(taker) ? provider.trim() : null;
            s.loadReason = trim(loadReason);
        }
    }

    @Table("plan_goal")
    static class Goal {
        @Id
        UUID id;
        UUID wishId;
        String ownWords;
        String meaning;
        String intendedResult;
        String term;
        String reachedWhen;
        String[] domains = new String[0];
        String ownStrengthAnswer;
        String networkAnswer;
        String generalAnswer;
        @MappedCollection(idColumn = "plan_goal", keyColumn = "position")
        List<Option> options = new ArrayList<>();
        @MappedCollection(idColumn = "plan_goal", keyColumn = "position")
        List<Step> steps = new ArrayList<>();
    }

    @Table("plan_option")
    static class Option {
        @Id
        UUID id;
        String description;
        String advantages;
        String disadvantages;
        String choice;
    }

    @Table("plan_step")
    static class Step {
        enum Taker { PERSON, NETWORK, GENERAL_FACILITY, PROFESSIONAL }

        @Id
        UUID id;
        String description;
        Taker taker;
        Layer layer;
        Intensity intensity;
        String ownPart;
        UUID networkMemberId;
        UUID professionalId;
        String provider;
        String loadReason;
        /** The support behind the step ended (its provider said so), and why: a message key. Null while it runs. */
        java.time.LocalDate endedOn;
        String endedReason;
    }

    @Table("plan_refusal")
    static class Refusal {
        @Id
        UUID id;
        UUID stepId;
        String reason;
        String alternatives;
        LocalDate talkAgainOn;
        UUID recordedBy;
        Instant recordedAt;
    }

    @Table("plan_family_view")
    static class FamilyView {
        @Id
        UUID id;
        String who;
        String disagreement;
        String agreements;
        LocalDate meetingOn;
    }
}
