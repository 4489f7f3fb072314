package org.samenkracht.community;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a volunteer sees of their own match: the person's first name, the shared goal and the practical
 * details agreed for them, and the dates. Never anything else of the person's file.
 */
public record MyMatch(UUID matchId, String personGivenName, String sharedGoal, String practical, LocalDate proposedOn,
                      LocalDate startedOn, LocalDate plannedEnd, BuddyRequest.Match.Status status, Boolean volunteerAccepted) {
}
