package org.samenkracht.network;

import java.util.List;
import java.util.UUID;

/**
 * Hook for the module that divides tasks (the plan): which open tasks a network member carries.
 * The network cannot call the plan (the plan depends on the network), so the plan implements this
 * interface as a bean. Without an implementation no member carries tasks.
 * <p>
 * Used (1) before removing a member: when they carry tasks, the network asks what happens to those
 * tasks first and then publishes {@link NetworkMemberRemoved} with the answer, for the plan to act
 * on; (2) on a network member's own page ({@code /network/mine}) to show them their own tasks.
 */
@FunctionalInterface
public interface MemberTasks {

    /** Texts of the open tasks this member carries in the person's plan, readable by a person. */
    List<String> openTasks(UUID personId, UUID memberId);

    MemberTasks NONE = (personId, memberId) -> List.of();
}
