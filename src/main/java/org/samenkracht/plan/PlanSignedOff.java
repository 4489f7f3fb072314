package org.samenkracht.plan;

import java.util.UUID;

/** A plan version was agreed to by both the person (or representative) and the professional. */
public record PlanSignedOff(UUID planId, UUID personId, int versionNo) {
}
