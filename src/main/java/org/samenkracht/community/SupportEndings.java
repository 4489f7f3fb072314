package org.samenkracht.community;

import org.samenkracht.plan.StepEnded;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.UUID;

/**
 * When a buddy match ends or a person leaves a group, what it added to the person's plan and network ends with it
 * (issue 20, item 5): the plan step is marked ended with the reason, through the plan's event {@link StepEnded}
 * (the plan writes its own tables), and the ecogram entry this module added leaves the current network through the
 * network's removal (its history keeps it as a former member). Both pass the gate as the one acting: the person or
 * their team. Reasons are message keys {@code community.ended.*}.
 */
@Component
class SupportEndings {

    private final ApplicationEventPublisher events;
    private final CommunityEcogram ecogram;

    SupportEndings(ApplicationEventPublisher events, CommunityEcogram ecogram) {
        this.events = events;
        this.ecogram = ecogram;
    }

    void ended(UUID personId, UUID planStepId, UUID networkMemberId, LocalDate on, String reason) {
        if (planStepId != null) {
            events.publishEvent(new StepEnded(personId, planStepId, on, "community.ended." + reason));
        }
        ecogram.end(personId, networkMemberId);
    }
}
