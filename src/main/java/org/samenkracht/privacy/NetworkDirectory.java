package org.samenkracht.privacy;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What privacy needs to know of a person's network: which members there are (to give one of them a
 * consent), their names, and which member entries an account speaks for (a consent given to a
 * member opens the file to that member's account). The network module implements this hook; privacy
 * never reads the network's tables.
 */
public interface NetworkDirectory {

    record MemberName(UUID id, String name, UUID accountId) {
    }

    /** The person's current members, by name. */
    List<MemberName> members(UUID personId);

    /** Names of these member entries (removed ones included: a consent keeps its recipient's name). */
    Map<UUID, String> names(Collection<UUID> memberIds);

    /** The current member entries, in any person's network, linked to this account. */
    Set<UUID> membersOfAccount(UUID accountId);
}
