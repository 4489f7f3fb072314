package org.samenkracht.team;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A review of the trajectory from several viewpoints (seed 003, l.307–335): no fixed length; the
 * family, the worker and coach, the head of the service (organisation) and of the social service
 * (waiting families, continuity) each give a view and a proposal. Who decides when views keep differing
 * is named beforehand; a phase-out is preferred over an abrupt ending and needs a plan and an end date.
 */
public final class ReviewRules {

    private ReviewRules() {
    }

    public enum Viewpoint { FAMILY, WORKER, COACH, HEAD_OF_SERVICE, HEAD_OF_SOCIAL_SERVICE }

    public enum Outcome { CONTINUE, PHASE_OUT, END }

    public record View(Viewpoint viewpoint, String view, Outcome proposal) {
    }

    /** The outcome: what all propose, or when views differ the proposal of the viewpoint that decides. */
    public static Outcome outcome(List<View> views, Viewpoint decider) {
        boolean same = views.stream().map(View::proposal).distinct().count() == 1;
        if (same) {
            return views.get(0).proposal();
        }
        return views.stream().filter(v -> v.viewpoint() == decider).map(View::proposal).findFirst().orElseThrow();
    }

    public static boolean viewsDiffer(List<View> views) {
        return views.stream().map(View::proposal).distinct().count() > 1;
    }

    /** Refusal as {field, message key}. */
    public static Optional<String[]> check(List<View> views, Viewpoint decider, String phaseOutPlan, LocalDate phaseOutUntil,
                                           LocalDate today, String endingReason) {
        if (views == null || views.size() < 2) {
            return Optional.of(new String[] {"views", "review.refused.severalViews"});
        }
        if (views.stream().map(View::viewpoint).distinct().count() < views.size()) {
            return Optional.of(new String[] {"views", "review.refused.viewpointTwice"});
        }
        if (views.stream().noneMatch(v -> v.viewpoint() == Viewpoint.FAMILY)) {
            return Optional.of(new String[] {"views", "review.refused.familyView"});
        }
        if (decider == null) {
            return Optional.of(new String[] {"decider", "validation.required"});
        }
        if (viewsDiffer(views) && views.stream().noneMatch(v -> v.viewpoint() == decider)) {
            return Optional.of(new String[] {"decider", "review.refused.deciderWithoutView"});
        }
        Outcome outcome = outcome(views, decider);
        if (outcome == Outcome.PHASE_OUT) {
            if (phaseOutPlan == null || phaseOutPlan.isBlank()) {
                return Optional.of(new String[] {"phaseOutPlan", "review.refused.phaseOutPlan"});
            }
            if (phaseOutUntil == null || !phaseOutUntil.isAfter(today)) {
                return Optional.of(new String[] {"phaseOutUntil", "review.refused.phaseOutUntil"});
            }
        }
        if (outcome == Outcome.END && (endingReason == null || endingReason.isBlank())) {
            return Optional.of(new String[] {"phaseOutPlan", "review.refused.whyNotPhaseOut"});
        }
        return Optional.empty();
    }
}
