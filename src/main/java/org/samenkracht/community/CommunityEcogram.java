package org.samenkracht.community;

import org.samenkracht.network.AddNetworkMember;
import org.samenkracht.network.Network;
import org.samenkracht.network.NetworkMember;
import org.samenkracht.network.NetworkMemberRemoved;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.samenkracht.vocabulary.Layer;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A buddy, a group or an activity taken up in the plan also shows in the person's ecogram: an entry in
 * their network at the community layers (issue 20, item 5). Added once (by name), and only when the one
 * acting may write the person's network (their team); a person answering for themselves or a coordinator
 * outside the team leaves the ecogram to the team.
 */
@Component
class CommunityEcogram {

    private final Network network;
    private final PersonAccess access;

    CommunityEcogram(Network network, PersonAccess access) {
        this.network = network;
        this.access = access;
    }

    /**
     * Shows the entry; its id when this call added it (to take it out again when the support ends), empty when it
     * was there already (someone else's entry, left alone) or the one acting may not write the network.
     */
    Optional<UUID> show(UUID personId, String name, NetworkMember.Relation relation, Layer layer, NetworkMember.SupportKind kind) {
        if (!access.may(personId, Part.NETWORK, AccessKind.WRITE)) {
            return Optional.empty();
        }
        String shown = name.length() > 200 ? name.substring(0, 200) : name;
        if (network.members(personId).stream().noneMatch(m -> m.name().equalsIgnoreCase(shown))) {
            return Optional.of(network.add(personId, new AddNetworkMember(shown, relation, layer, Set.of(kind))));
        }
        return Optional.empty();
    }

    /**
     * The support ended: the entry this module added leaves the person's current network through the network's own
     * removal, so the ecogram no longer shows it and the network's history keeps it as a former member (the
     * network on an earlier day still has it). Only when the one acting may draw the person's network (the person
     * or their team) and the entry is still there (the team may have taken it out already). Whether it was removed.
     */
    boolean end(UUID personId, UUID memberId) {
        if (memberId == null || !access.may(personId, Part.NETWORK, AccessKind.WRITE_AS_PERSON)) {
            return false;
        }
        if (network.members(personId).stream().noneMatch(m -> m.id().equals(memberId))) {
            return false;
        }
        // a community entry carries no plan tasks; should the team have given it one, the task stays to divide again
        network.remove(personId, memberId, NetworkMemberRemoved.TaskHandling.REDIVIDE, null);
        return true;
    }
}
