package org.samenkracht.community;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A request for a volunteer for one person, with the network check, the home visit and its matches. */
public record BuddyRequest(UUID id, UUID personId, String personName, String neighbourhood, UUID goalId, UUID stepId,
                           String requestedByName, UUID coordinatorId, String coordinatorName, String whatFor,
                           String networkGap, Instant networkCheckedAt, LocalDate visitedOn,
                           Volunteer.KindOfWork kindOfWork, Set<String> languages, Set<String> availability,
                           Set<String> areas, Set<String> interests, BigDecimal hoursPerWeek, String visitNotes,
                           Status status, int version, List<Match> matches) {

    public enum Status { OPEN, MATCHED, NETWORK, CLOSED }

    public boolean networkChecked() {
        return networkCheckedAt != null;
    }

    public boolean visited() {
        return visitedOn != null;
    }

    /** Open for a (new) match: checked, visited, and no proposed or active match. */
    public boolean needsMatch() {
        return status == Status.OPEN && matches.stream().allMatch(m -> m.status() == Match.Status.ENDED);
    }

    /** Whether a match ended and the request came back (rematch, a volunteer who stopped, a decline). */
    public boolean cameBack() {
        return needsMatch() && !matches.isEmpty();
    }

    public VolunteerMatchingPolicy.Need need() {
        return new VolunteerMatchingPolicy.Need(languages, areas, availability, interests, kindOfWork,
                hoursPerWeek == null ? 2 : hoursPerWeek.doubleValue(),
                matches.stream().map(Match::volunteerId).collect(java.util.stream.Collectors.toSet()));
    }

    /** A match between this request and a volunteer, with its contacts. */
    public record Match(UUID id, UUID requestId, UUID personId, UUID volunteerId, String volunteerName, String sharedGoal,
                        String practical, BigDecimal hoursPerWeek, LocalDate proposedOn, Boolean personAccepted,
                        Boolean volunteerAccepted, LocalDate startedOn, LocalDate plannedEnd, LocalDate endedOn,
                        String endReason, Status status, UUID planStepId, int version, List<Contact> contacts,
                        UUID networkMemberId, Overload overload) {

        public enum Status { PROPOSED, ACTIVE, ENDED }

        /** The step this match added to the plan (not the step the request came from, which outlives a rematch). */
        public UUID ownStepId(BuddyRequest r) {
            return planStepId == null || planStepId.equals(r.stepId()) ? null : planStepId;
        }

        /** Four weeks after the start: how is it going, with both. */
        public LocalDate fourWeekCheckDue() {
            return startedOn == null ? null : startedOn.plusWeeks(4);
        }

        public boolean has(BuddyMatching.ContactKind kind) {
            return contacts.stream().anyMatch(c -> c.kind() == kind);
        }

        public boolean fourWeekCheckOpen(LocalDate today) {
            return status == Status.ACTIVE && !has(BuddyMatching.ContactKind.FOUR_WEEK_CHECK) && !today.isBefore(fourWeekCheckDue());
        }
    }

    /** The coordinator proposed the match although it overloads the volunteer: the figures they saw, who, when. */
    public record Overload(VolunteerMatchingPolicy.Load load, String confirmedByName, Instant confirmedAt) {
    }

    public record Contact(UUID id, BuddyMatching.ContactKind kind, LocalDate heldOn, BuddyMatching.WithWhom withWhom,
                          Integer howItGoes, String notes, String recordedByName) {
    }
}
