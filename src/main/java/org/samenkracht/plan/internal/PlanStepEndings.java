package org.samenkracht.plan.internal;

import org.samenkracht.plan.StepEnded;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The plan's side of {@link StepEnded}: the step is marked ended with the reason, in the same transaction as
 * the ending that caused it, when the one acting may write the person's plan (the person or their team).
 */
@Component
class PlanStepEndings {

    private final PlanStore store;
    private final PersonAccess access;

    PlanStepEndings(PlanStore store, PersonAccess access) {
        this.store = store;
        this.access = access;
    }

    @EventListener
    void onEnded(StepEnded ended) {
        if (ended.stepId() == null || !access.may(ended.personId(), Part.PLAN, AccessKind.WRITE_AS_PERSON)) {
            return;
        }
        access.require(ended.personId(), Part.PLAN, AccessKind.WRITE_AS_PERSON);
        store.endStep(ended.personId(), ended.stepId(), ended.endedOn(), ended.reasonKey());
    }
}
