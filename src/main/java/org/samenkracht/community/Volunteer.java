package org.samenkracht.community;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * A volunteer as the coordinator sees them: profile, screening, what they carry now (active matches,
 * hours they gave to them, how heavy they say it is) and their status.
 */
public record Volunteer(UUID id, UUID organisationId, UUID accountId, UUID coordinatorId, String coordinatorName,
                        String name, String phone, Set<String> skills, Set<String> languages, Set<String> availability,
                        Set<String> areas, Set<String> interests, Set<KindOfWork> kindsOfWork, String motive, CameInVia cameInVia,
                        BigDecimal hoursPerWeek, int maxMatches, Integer reportedLoad, Screening screening, Status status,
                        LocalDate stoppedOn, int activeMatches, BigDecimal committedHours, BigDecimal hoursLast4Weeks,
                        int version) {

    public enum Status { ACTIVE, PAUSED, STOPPED }

    public enum CameInVia { OWN_INITIATIVE, FRIEND, CAMPAIGN, FORMER_PARTICIPANT, EMPLOYER, OTHER }

    /** The kinds of volunteer work the coordinator matches on. */
    public enum KindOfWork { BUDDY, PRACTICAL_HELP, LANGUAGE_BUDDY, ADMINISTRATION_HELP, WALKING, HOST }

    /** Availability is a set of day parts, e.g. MONDAY_MORNING; these are the ones a form offers. */
    public static final java.util.List<String> DAY_PARTS = java.util.Arrays.stream(java.time.DayOfWeek.values())
            .flatMap(d -> java.util.stream.Stream.of(d + "_MORNING", d + "_AFTERNOON", d + "_EVENING")).toList();

    /** What the matching rules need of this volunteer. */
    public VolunteerMatchingPolicy.Candidate candidate() {
        return new VolunteerMatchingPolicy.Candidate(id, name, screening.complete(), status == Status.ACTIVE,
                activeMatches, maxMatches, committedHours.doubleValue(), hoursPerWeek.doubleValue(), reportedLoad,
                languages, areas, availability, interests, kindsOfWork);
    }
}
