package org.samenkracht.community;

import org.samenkracht.network.AddNetworkMember;
import org.samenkracht.network.Network;
import org.samenkracht.network.NetworkMember;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.samenkracht.vocabulary.Layer;
import org.springframework.stereotype.Component;

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

    /** Whether the entry is (now) in the network. */
    boolean show(UUID personId, String name, NetworkMember.Relation relation, Layer layer, NetworkMember.SupportKind kind) {
        if (!access.may(personId, Part.NETWORK, AccessKind.WRITE)) {
            return false;
        }
        String shown = name.length() > 200 ? name.substring(0, 200) : name;
        if (network.members(personId).stream().noneMatch(m -> m.name().equalsIgnoreCase(shown))) {
            network.add(personId, new AddNetworkMember(shown, relation, layer, Set.of(kind)));
        }
        return true;
    }
}
