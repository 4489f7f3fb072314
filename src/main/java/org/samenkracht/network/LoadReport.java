package org.samenkracht.network;

import java.time.LocalDate;
import java.util.UUID;

/**
 * How heavy it is for an informal carer on a date: hours per week, tasks, their own carrying
 * capacity (draagkracht) and burden (draaglast) on a scale of 1 (light / little) to 5 (heavy / a
 * lot), and who reported it.
 */
public record LoadReport(UUID id, UUID memberId, LocalDate reportedOn, double hoursPerWeek, String tasks,
                         int capacity, int burden, Source source) {

    /** Who reported it: the member themself (with an account), the person, or the professional. */
    public enum Source { MEMBER_SELF, PERSON, PROFESSIONAL }
}
