package org.samenkracht.network;

import org.samenkracht.vocabulary.Layer;

import java.util.Set;
import java.util.UUID;

/** Someone in the person's support system, as other modules may see them; {@code layer} is one of {@link Layer#forNetworkMembers()}. */
public record NetworkMember(UUID id, UUID personId, String name, Relation relation, Layer layer,
                            Set<SupportKind> supportKinds, int version) {

    /** How someone relates to the person. */
    public enum Relation { PARTNER, FAMILY, FRIEND, NEIGHBOUR, COLLEAGUE, PEER, VOLUNTEER, PROFESSIONAL, SERVICE, OTHER }

    /** Kinds of support given or received. */
    public enum SupportKind { PRACTICAL, COMPANY, ADVICE, EMOTIONAL }
}
