package org.samenkracht.network;

import java.util.Set;
import java.util.UUID;

/** Someone in the person's support system, as other modules may see them. */
public record NetworkMember(UUID id, UUID personId, String name, Relation relation, Layer layer,
                            Set<SupportKind> supportKinds, int version) {

    /** How someone relates to the person. */
    public enum Relation { PARTNER, FAMILY, FRIEND, NEIGHBOUR, COLLEAGUE, PEER, VOLUNTEER, PROFESSIONAL, SERVICE, OTHER }

    /** The layers of support, from the inside out; the person themself is the centre. */
    public enum Layer { NATURAL, COMMUNITY, PROFESSIONAL }

    /** Kinds of support given or received. */
    public enum SupportKind { PRACTICAL, COMPANY, ADVICE, EMOTIONAL }
}
