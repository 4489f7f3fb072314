package org.samenkracht.network;

import java.util.List;
import java.util.UUID;

/** The outcome of adding a member: added, or first look at who may be the same person. */
public sealed interface Addition {

    record Added(UUID id) implements Addition {
    }

    /** Someone with (nearly) the same name is already in the network: merge, or add anyway. */
    record PossibleDuplicate(List<MemberProfile> candidates) implements Addition {
    }
}
