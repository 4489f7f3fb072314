package org.samenkracht.plan;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The support behind a step of the person's plan ended: a buddy match ended, the person left a support group.
 * Published by the module that provides that support (community), which does not write the plan's tables;
 * the plan marks the step ended with the reason and keeps it (the agreement on the plan stays: it is a fact,
 * not a change of what was agreed). {@code reasonKey} is a message key the plan shows (the provider's bundle).
 * The plan acts only when the one acting may write the person's plan as the person may (the person or their
 * team, through the gate); otherwise the step stays for the team.
 */
public record StepEnded(UUID personId, UUID stepId, LocalDate endedOn, String reasonKey) {
}
