package org.samenkracht.community;

import org.samenkracht.socialmap.OfferTerms;
import org.samenkracht.vocabulary.LifeDomain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * A neighbourhood place (kwartiermaken, seed part b 3.1): a living room, a community centre, a library,
 * with its hosts, how accessible it is, what people can do there as volunteers, its activities, and what
 * people of the neighbourhood offer there (only offers given with consent, without a name). Who signed
 * up for or came to an activity shows only as far as the reader may read that person's community part.
 */
public record Place(UUID id, String name, String neighbourhood, String address, String hostName,
                    List<OfferTerms.Accessibility> accessibility, String volunteering, List<Activity> activities,
                    List<String> offers, int version) {

    /**
     * An activity at the place: a coffee morning, a course, a walk-in. {@code full} says only that no
     * place is left (never how many signed up); {@code offerId}: published to the social map as this offer.
     */
    public record Activity(UUID id, String name, DayOfWeek weekday, LocalTime startsAt, LocalTime endsAt, String hostName,
                           Integer capacity, boolean full, LifeDomain lifeDomain, String description, UUID offerId,
                           List<Participant> participants, int version) {
    }

    /** Someone the reader may read: signed up (or walked in), how often they came, the last time. */
    public record Participant(UUID personId, String name, boolean signedUp, int timesThere, LocalDate lastThere) {
    }

    /** A line in the list of places. */
    public record Summary(UUID id, String name, String neighbourhood, String hostName, List<String> activities) {
    }

    /** An activity to choose from (the person's tab). */
    public record Choice(UUID id, String activity, String place, DayOfWeek weekday, LocalTime startsAt) {
    }
}
