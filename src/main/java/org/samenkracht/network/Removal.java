package org.samenkracht.network;

import java.util.List;

/** The outcome of asking to remove a member: done, or first decide what happens to their tasks. */
public sealed interface Removal {

    record Removed() implements Removal {
    }

    /** The member carries these tasks; ask the user what happens to them and try again with the answer. */
    record TasksNeedDecision(List<String> tasks) implements Removal {
    }
}
