package org.samenkracht.community.internal;

import org.samenkracht.community.NeighbourhoodCommands;
import org.samenkracht.community.PersonCommunity;
import org.samenkracht.community.Place;
import org.samenkracht.socialmap.OfferTerms;
import org.samenkracht.vocabulary.LifeDomain;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Persistence of neighbourhood places, activities, sign-ups, attendance and what people offer (JdbcClient). */
@Repository
public class PlaceStore {

    private final JdbcClient jdbc;

    PlaceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record PlaceHead(UUID id, UUID organisationId, String name, String neighbourhood, String address, String hostName,
                            List<OfferTerms.Accessibility> accessibility, String volunteering, int version) {
    }

    public record ActivityHead(UUID id, UUID organisationId, UUID placeId, String placeName, String neighbourhood,
                               String address, List<OfferTerms.Accessibility> accessibility, String name, DayOfWeek weekday,
                               LocalTime startsAt, LocalTime endsAt, String hostName, Integer capacity, LifeDomain lifeDomain,
                               String description, UUID offerId, int version) {
    }

    // ---- places ----

    public List<Place.Summary> list(UUID organisationId) {
        return jdbc.sql("""
                select p.id, p.name, p.neighbourhood, p.host_name,
                  coalesce((select array_agg(a.name order by a.weekday, a.starts_at) from community_activity a where a.place_id = p.id), '{}')
                from community_place p where p.organisation_id = ? order by p.neighbourhood, p.name""")
                .param(organisationId).query((rs, i) -> new Place.Summary(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getString(4), strings(rs.getArray(5)))).list();
    }

    public Optional<PlaceHead> head(UUID placeId) {
        return jdbc.sql("select * from community_place where id = ?").param(placeId)
                .query((rs, i) -> new PlaceHead(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
                        rs.getString("name"), rs.getString("neighbourhood"), rs.getString("address"), rs.getString("host_name"),
                        accessibility(rs.getArray("accessibility")), rs.getString("volunteering"), rs.getInt("version")))
                .optional();
    }

    public boolean nameTaken(UUID organisationId, String name, UUID except) {
        return jdbc.sql("select count(*) from community_place where organisation_id = ? and lower(name) = lower(?) and id <> coalesce(?, gen_random_uuid())")
                .params(organisationId, name.trim(), except).query(Integer.class).single() > 0;
    }

    public UUID insertPlace(UUID organisationId, NeighbourhoodCommands.SavePlace c) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into community_place (id, organisation_id, name, neighbourhood, address, host_name, accessibility, volunteering)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, organisationId, c.name().trim(), c.neighbourhood().trim(), blank(c.address()), blank(c.hostName()),
                        names(c.accessibility()), blank(c.volunteering())).update();
        return id;
    }

    public void updatePlace(UUID placeId, NeighbourhoodCommands.SavePlace c) {
        int n = jdbc.sql("""
                update community_place set name = ?, neighbourhood = ?, address = ?, host_name = ?, accessibility = ?,
                  volunteering = ?, version = version + 1
                where id = ? and version = ?""")
                .params(c.name().trim(), c.neighbourhood().trim(), blank(c.address()), blank(c.hostName()), names(c.accessibility()),
                        blank(c.volunteering()), placeId, c.version() == null ? -1 : c.version()).update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("community place " + placeId);
        }
    }

    /** Everyone who signed up for or came to an activity of the place: the caller keeps only whom the reader may read. */
    public List<UUID> participantIds(UUID placeId) {
        return jdbc.sql("""
                select person_id from activity_signup s join community_activity a on a.id = s.activity_id where a.place_id = ?
                union
                select person_id from activity_attendance t join community_activity a on a.id = t.activity_id where a.place_id = ?""")
                .params(placeId, placeId).query(UUID.class).list();
    }

    /** The place with only the participants in {@code readable}; offers only with consent and not withdrawn, without a name. */
    public Place view(PlaceHead h, Set<UUID> readable) {
        UUID[] ids = readable.toArray(new UUID[0]);
        Map<UUID, List<Place.Participant>> participants = new HashMap<>();
        jdbc.sql("""
                select x.activity_id, x.person_id, p.given_name || ' ' || p.family_name,
                  exists (select 1 from activity_signup s where s.activity_id = x.activity_id and s.person_id = x.person_id),
                  (select count(*) from activity_attendance t where t.activity_id = x.activity_id and t.person_id = x.person_id),
                  (select max(attended_on) from activity_attendance t where t.activity_id = x.activity_id and t.person_id = x.person_id)
                from (select activity_id, person_id from activity_signup union select activity_id, person_id from activity_attendance) x
                join community_activity a on a.id = x.activity_id join person p on p.id = x.person_id
                where a.place_id = ? and x.person_id = any(?::uuid[]) order by p.given_name, p.family_name""")
                .params(h.id(), ids).query((rs, i) -> participants.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new Place.Participant(rs.getObject(2, UUID.class), rs.getString(3), rs.getBoolean(4), rs.getInt(5),
                                rs.getObject(6, LocalDate.class)))).list();
        List<Place.Activity> activities = jdbc.sql("""
                select a.*, a.capacity is not null and (select count(*) from activity_signup s where s.activity_id = a.id) >= a.capacity as full
                from community_activity a where a.place_id = ?
                order by array_position(array['MONDAY','TUESDAY','WEDNESDAY','THURSDAY','FRIDAY','SATURDAY','SUNDAY'], a.weekday), a.starts_at""")
                .param(h.id()).query((rs, i) -> new Place.Activity(rs.getObject("id", UUID.class), rs.getString("name"),
                        DayOfWeek.valueOf(rs.getString("weekday")), rs.getObject("starts_at", LocalTime.class),
                        rs.getObject("ends_at", LocalTime.class), rs.getString("host_name"), (Integer) rs.getObject("capacity"),
                        rs.getBoolean("full"), domain(rs.getString("life_domain")), rs.getString("description"),
                        rs.getObject("offer_id", UUID.class),
                        List.copyOf(participants.getOrDefault(rs.getObject("id", UUID.class), List.of())), rs.getInt("version"))).list();
        List<String> offers = jdbc.sql("""
                select what from strength_offer where place_id = ? and consent_on is not null and withdrawn_on is null order by what""")
                .param(h.id()).query(String.class).list();
        return new Place(h.id(), h.name(), h.neighbourhood(), h.address(), h.hostName(), h.accessibility(), h.volunteering(),
                activities, offers, h.version());
    }

    // ---- activities ----

    public UUID insertActivity(UUID organisationId, UUID placeId, NeighbourhoodCommands.AddActivity c) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into community_activity (id, organisation_id, place_id, name, weekday, starts_at, ends_at, host_name,
                  capacity, life_domain, description) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, organisationId, placeId, c.name().trim(), c.weekday().name(), c.startsAt(), c.endsAt(),
                        blank(c.hostName()), c.capacity(), c.lifeDomain() == null ? null : c.lifeDomain().name(),
                        blank(c.description())).update();
        return id;
    }

    public Optional<ActivityHead> activity(UUID activityId) {
        return jdbc.sql("""
                select a.*, p.name as place_name, p.neighbourhood, p.address, p.accessibility
                from community_activity a join community_place p on p.id = a.place_id where a.id = ?""")
                .param(activityId).query((rs, i) -> new ActivityHead(rs.getObject("id", UUID.class),
                        rs.getObject("organisation_id", UUID.class), rs.getObject("place_id", UUID.class), rs.getString("place_name"),
                        rs.getString("neighbourhood"), rs.getString("address"), accessibility(rs.getArray("accessibility")),
                        rs.getString("name"), DayOfWeek.valueOf(rs.getString("weekday")), rs.getObject("starts_at", LocalTime.class),
                        rs.getObject("ends_at", LocalTime.class), rs.getString("host_name"), (Integer) rs.getObject("capacity"),
                        domain(rs.getString("life_domain")), rs.getString("description"), rs.getObject("offer_id", UUID.class),
                        rs.getInt("version"))).optional();
    }

    public void published(UUID activityId, UUID offerId) {
        jdbc.sql("update community_activity set offer_id = ?, version = version + 1 where id = ?").params(offerId, activityId).update();
    }

    public List<Place.Choice> choices(UUID organisationId) {
        return jdbc.sql("""
                select a.id, a.name, p.name, a.weekday, a.starts_at from community_activity a join community_place p on p.id = a.place_id
                where a.organisation_id = ? order by p.name, a.name""")
                .param(organisationId).query((rs, i) -> new Place.Choice(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        DayOfWeek.valueOf(rs.getString(4)), rs.getObject(5, LocalTime.class))).list();
    }

    // ---- the person's part ----

    public boolean signedUp(UUID activityId, UUID personId) {
        return jdbc.sql("select count(*) from activity_signup where activity_id = ? and person_id = ?").params(activityId, personId)
                .query(Integer.class).single() > 0;
    }

    /** Locks the activity row, so two sign-ups for the last place cannot both get it. */
    public int signUps(UUID activityId) {
        jdbc.sql("select id from community_activity where id = ? for update").param(activityId).query(UUID.class).optional();
        return jdbc.sql("select count(*) from activity_signup where activity_id = ?").param(activityId).query(Integer.class).single();
    }

    public void signUp(UUID activityId, UUID organisationId, UUID personId, LocalDate on) {
        jdbc.sql("insert into activity_signup (activity_id, person_id, organisation_id, signed_up_on) values (?, ?, ?, ?)")
                .params(activityId, personId, organisationId, on).update();
    }

    public void linkStep(UUID activityId, UUID personId, UUID stepId) {
        jdbc.sql("update activity_signup set plan_step_id = ? where activity_id = ? and person_id = ?").params(stepId, activityId, personId).update();
    }

    public void linkNetworkEntry(UUID activityId, UUID personId, UUID memberId) {
        jdbc.sql("update activity_signup set network_member_id = ? where activity_id = ? and person_id = ?")
                .params(memberId, activityId, personId).update();
    }

    /** What a sign-up had added to the person's plan and network. */
    public record SignUp(UUID planStepId, UUID networkMemberId) {
    }

    /** Takes the sign-up away; what it had added, or empty when the person was not signed up. */
    public Optional<SignUp> signOff(UUID activityId, UUID personId) {
        return jdbc.sql("delete from activity_signup where activity_id = ? and person_id = ? returning plan_step_id, network_member_id")
                .params(activityId, personId).query((rs, i) -> new SignUp(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .optional();
    }

    public boolean attended(UUID activityId, UUID personId, LocalDate on) {
        return jdbc.sql("select count(*) from activity_attendance where activity_id = ? and person_id = ? and attended_on = ?")
                .params(activityId, personId, on).query(Integer.class).single() > 0;
    }

    public void attend(UUID activityId, UUID organisationId, UUID personId, LocalDate on) {
        jdbc.sql("insert into activity_attendance (activity_id, person_id, organisation_id, attended_on) values (?, ?, ?, ?)")
                .params(activityId, personId, organisationId, on).update();
    }

    public UUID offer(UUID organisationId, UUID personId, NeighbourhoodCommands.OfferStrength c, LocalDate consentOn) {
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into strength_offer (id, organisation_id, person_id, what, place_id, consent_on) values (?, ?, ?, ?, ?, ?)")
                .params(id, organisationId, personId, c.what().trim(), c.placeId(), consentOn).update();
        return id;
    }

    public boolean withdraw(UUID personId, UUID offerId, LocalDate on) {
        return jdbc.sql("update strength_offer set withdrawn_on = ? where id = ? and person_id = ? and withdrawn_on is null")
                .params(on, offerId, personId).update() > 0;
    }

    public PersonCommunity ofPerson(UUID personId) {
        List<PersonCommunity.Taking> taking = jdbc.sql("""
                select a.id, a.name, p.name, a.weekday, a.starts_at, s.signed_up_on, s.plan_step_id is not null,
                  (select count(*) from activity_attendance t where t.activity_id = a.id and t.person_id = x.person_id),
                  (select max(attended_on) from activity_attendance t where t.activity_id = a.id and t.person_id = x.person_id)
                from (select activity_id, person_id from activity_signup where person_id = ?
                      union select activity_id, person_id from activity_attendance where person_id = ?) x
                join community_activity a on a.id = x.activity_id join community_place p on p.id = a.place_id
                left join activity_signup s on s.activity_id = x.activity_id and s.person_id = x.person_id
                order by p.name, a.name""")
                .params(personId, personId).query((rs, i) -> new PersonCommunity.Taking(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), DayOfWeek.valueOf(rs.getString(4)), rs.getObject(5, LocalTime.class),
                        rs.getObject(6, LocalDate.class), rs.getBoolean(7), rs.getInt(8), rs.getObject(9, LocalDate.class))).list();
        List<PersonCommunity.Giving> giving = jdbc.sql("""
                select o.id, o.what, p.name, o.consent_on, o.withdrawn_on from strength_offer o
                left join community_place p on p.id = o.place_id where o.person_id = ? order by o.withdrawn_on nulls first, o.what""")
                .param(personId).query((rs, i) -> new PersonCommunity.Giving(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class))).list();
        return new PersonCommunity(taking, giving);
    }

    // ---- inside ----

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : Arrays.stream((Object[]) a.getArray()).map(String::valueOf).toList();
    }

    private static List<OfferTerms.Accessibility> accessibility(Array a) throws SQLException {
        return strings(a).stream().map(OfferTerms.Accessibility::valueOf).toList();
    }

    private static LifeDomain domain(String s) {
        return s == null ? null : LifeDomain.valueOf(s);
    }

    private static String[] names(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

}
