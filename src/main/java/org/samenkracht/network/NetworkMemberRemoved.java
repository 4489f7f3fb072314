package org.samenkracht.network;

import java.util.UUID;

/**
 * A member left the person's network. {@code tasks} says what the person and professional decided
 * for the tasks the member carried (see {@link MemberTasks}); the plan acts on it.
 */
public record NetworkMemberRemoved(UUID personId, UUID memberId, TaskHandling tasks) {

    /** What happens to the removed member's tasks. */
    public enum TaskHandling {
        /** No tasks were carried. */
        NONE,
        /** The tasks go back on the table, to be divided again with the person. */
        REDIVIDE,
        /** The tasks end with the member. */
        END
    }
}
