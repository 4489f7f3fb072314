package org.samenkracht.plan;

import org.samenkracht.vocabulary.Intensity;
import org.samenkracht.vocabulary.Layer;
import org.samenkracht.vocabulary.LifeDomain;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One version of a plan as pages, the API and the printable plan show it, with the names of who
 * takes each step. {@code versionNo} is the plan's version (a new one after every change after
 * sign-off); {@code version} is the edit token to send back with a change (409 when it moved on).
 */
public record PlanView(UUID id, UUID personId, String status, int versionNo, LocalDate evaluationDate, int version,
                       List<Goal> goals, Agreement personAgreement, Agreement professionalAgreement,
                       String personRemark, String professionalRemark,
                       List<Refusal> refusals, List<FamilyView> familyViews) {

    /** Whether the person refused this step (the page marks it). */
    public boolean refused(UUID stepId) {
        return refusals.stream().anyMatch(r -> stepId.equals(r.stepId()));
    }

    public record Goal(UUID id, int number, UUID wishId, String ownWords, String meaning, String intendedResult,
                       String term, String reachedWhen, List<LifeDomain> domains, Map<Layer, String> answers,
                       List<Option> options, List<Step> steps) {

        /** The circles the steps sit in (a volunteer step counts as general and collective, see {@link Layer#circleHead()}). */
        public List<Layer> stepLayers() {
            return steps.stream().map(s -> s.layer().circleHead()).toList();
        }

        /** The inside-out check of this goal, layer by layer. */
        public Map<Layer, InsideOutPolicy.Considered> considered() {
            return InsideOutPolicy.considered(stepLayers(), answers);
        }

        public List<InsideOutPolicy.Gap> gaps() {
            return InsideOutPolicy.gaps(number, stepLayers(), answers);
        }

        public List<Step> stepsIn(Layer layer) {
            return steps.stream().filter(s -> s.layer().circleHead() == layer.circleHead()).toList();
        }
    }

    public record Option(UUID id, int number, String description, String advantages, String disadvantages,
                         String choice) {
    }

    public record Step(UUID id, String description, String taker, Layer layer, Intensity intensity, String ownPart,
                       UUID networkMemberId, UUID professionalId, String provider, String takerName,
                       String loadReason, LocalDate endedOn, String endedReason) {

        /** Whether the support behind the step has ended ({@code endedReason}: a message key saying why). */
        public boolean ended() {
            return endedOn != null;
        }
    }

    /** An agreement to the plan; {@code onBehalf} names a representative, or says it was signed on paper. */
    public record Agreement(Instant at, UUID by, String onBehalf) {
        public LocalDate on() {
            return at.atZone(java.time.ZoneId.systemDefault()).toLocalDate();
        }
    }

    public record Refusal(UUID stepId, String reason, String alternatives, LocalDate talkAgainOn, Instant at) {
    }

    public record FamilyView(String who, String disagreement, String agreements, LocalDate meetingOn) {
    }

    public boolean agreed() {
        return "AGREED".equals(status);
    }

    /** Steps the person takes themself, over all goals. */
    public List<Step> ownSteps() {
        return goals.stream().flatMap(g -> g.steps().stream()).filter(s -> s.layer() == Layer.OWN_STRENGTH).toList();
    }

    public int stepCount() {
        return goals.stream().mapToInt(g -> g.steps().size()).sum();
    }
}
