package org.samenkracht.team;

import java.util.Map;
import java.util.UUID;

/**
 * Extension point: something Samenkracht knows that makes a person's support weigh more on a worker's
 * bandwidth. A module implements it as a bean (the plan's complexity, the network's load warnings,
 * evaluations due are here; open signals will come from the signalling module). Called as the
 * signed-in worker for the persons of their own caseload, so reads go through the access gate.
 */
public interface CaseloadWeight {

    /** A message key naming the weight (shown beside its points). */
    String key();

    /** Points per person; a person left out weighs nothing here. */
    Map<UUID, Double> weigh(java.util.List<UUID> personIds);
}
