package org.samenkracht.community;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A person in the neighbourhood (their community part): the activities they signed up for or came to,
 * and what they offer others themselves (reciprocity: giving as well as receiving), each offer shown to
 * others only with the person's consent and until they withdraw it.
 */
public record PersonCommunity(List<Taking> activities, List<Giving> offers) {

    /** An activity the person signed up for or came to; {@code signedUpOn} null: they walked in. */
    public record Taking(UUID activityId, String activity, String place, DayOfWeek weekday, LocalTime startsAt,
                         LocalDate signedUpOn, boolean planStep, int timesThere, LocalDate lastThere) {
    }

    /** What the person offers others; shown at the place only with {@code consentOn} and no {@code withdrawnOn}. */
    public record Giving(UUID id, String what, String place, LocalDate consentOn, LocalDate withdrawnOn) {

        public boolean shown() {
            return consentOn != null && withdrawnOn == null;
        }
    }
}
