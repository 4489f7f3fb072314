package org.samenkracht.community;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A support group of peers (seed 2.8): about six members, a coach, a rhythm, topics the members chose,
 * agreements on mutual support, a small plan per member whose next step is reviewed at every meeting.
 * Members (and their progress) appear only when the reader may read that person's community part.
 */
public record SupportGroup(UUID id, String name, UUID coachId, String coachName, String rhythm, String agreements,
                           int maxMembers, List<Member> members, List<Topic> topics, List<Meeting> meetings, int version) {

    public record Member(UUID personId, String name, LocalDate joinedOn, String ownPlan, String lastNextStep) {
    }

    public record Topic(String topic, String chosenBy) {
    }

    public record Meeting(UUID id, LocalDate heldOn, String topic, List<Progress> progress) {
    }

    /** One member at one meeting: present or not; progress and a next step only when present. */
    public record Progress(UUID personId, String name, boolean present, String progress, String nextStep) {
    }

    /** A line in the list of groups. */
    public record Summary(UUID id, String name, String coachName, String rhythm) {
    }
}
