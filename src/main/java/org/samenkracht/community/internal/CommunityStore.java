package org.samenkracht.community.internal;

import org.samenkracht.community.BuddyMatching;
import org.samenkracht.community.BuddyRequest;
import org.samenkracht.community.CommunityCommands;
import org.samenkracht.community.MyMatch;
import org.samenkracht.community.Screening;
import org.samenkracht.community.Volunteer;
import org.samenkracht.community.VolunteerMatchingPolicy;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.samenkracht.community.VolunteerMatchingPolicy.*;

/** Persistence of the community module: volunteers, requests, matches and contacts (JdbcClient). */
@Repository
public class CommunityStore {

    private final JdbcClient jdbc;

    CommunityStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- volunteers ---------------------------------------------------------------------------

    private static final String VOLUNTEER_SELECT = """
            select v.*, u.display_name as coordinator_name, v.open_matches as active_matches,
                   coalesce((select sum(h.hours) from volunteer_hours h where h.volunteer_id = v.id
                              and h.worked_on >= current_date - 28), 0) as hours4
            from volunteer v
            left join app_user u on u.id = v.coordinator_id
            """;

    public List<Volunteer> volunteers(UUID organisationId) {
        return jdbc.sql(VOLUNTEER_SELECT + " where v.organisation_id = ? order by v.status, v.name")
                .param(organisationId).query(this::volunteer).list();
    }

    public Optional<Volunteer> volunteer(UUID organisationId, UUID id) {
        return jdbc.sql(VOLUNTEER_SELECT + " where v.organisation_id = ? and v.id = ?")
                .params(organisationId, id).query(this::volunteer).optional();
    }

    public Optional<Volunteer> volunteerOfAccount(UUID accountId) {
        return jdbc.sql(VOLUNTEER_SELECT + " where v.account_id = ?").param(accountId).query(this::volunteer).optional();
    }

    public UUID createVolunteer(UUID id, UUID organisationId, UUID accountId, CommunityCommands.SaveVolunteer c) {
        jdbc.sql("""
                insert into volunteer (id, organisation_id, account_id, coordinator_id, name, phone, skills, languages,
                  availability, areas, interests, kinds_of_work, motive, came_in_via, hours_per_week, max_matches)
                values (:id, :org, :acc, :coord, :name, :phone, :skills, :langs, :avail, :areas, :interests, :kinds,
                  :motive, :via, :hours, :max)""")
                .param("id", id).param("org", organisationId).param("acc", accountId)
                .param("coord", c.coordinatorId()).param("name", c.name().trim()).param("phone", blank(c.phone()))
                .param("skills", norm(c.skills())).param("langs", norm(c.languages())).param("avail", upper(c.availability()))
                .param("areas", norm(c.areas())).param("interests", norm(c.interests()))
                .param("kinds", names(c.kindsOfWork())).param("motive", blank(c.motive()))
                .param("via", c.cameInVia() == null ? null : c.cameInVia().name())
                .param("hours", c.hoursPerWeek()).param("max", c.maxMatches()).update();
        return id;
    }

    public void updateVolunteer(UUID organisationId, UUID id, CommunityCommands.SaveVolunteer c) {
        int n = jdbc.sql("""
                update volunteer set coordinator_id = :coord, name = :name, phone = :phone, skills = :skills,
                  languages = :langs, availability = :avail, areas = :areas, interests = :interests, kinds_of_work = :kinds,
                  motive = :motive, came_in_via = :via, hours_per_week = :hours, max_matches = :max, version = version + 1
                where id = :id and organisation_id = :org and version = :version""")
                .param("id", id).param("org", organisationId).param("version", c.version() == null ? -1 : c.version())
                .param("coord", c.coordinatorId()).param("name", c.name().trim()).param("phone", blank(c.phone()))
                .param("skills", norm(c.skills())).param("langs", norm(c.languages())).param("avail", upper(c.availability()))
                .param("areas", norm(c.areas())).param("interests", norm(c.interests()))
                .param("kinds", names(c.kindsOfWork())).param("motive", blank(c.motive()))
                .param("via", c.cameInVia() == null ? null : c.cameInVia().name())
                .param("hours", c.hoursPerWeek()).param("max", c.maxMatches()).update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("volunteer " + id);
        }
    }

    public void recordScreening(UUID id, Screening.Step step, LocalDate on) {
        String column = switch (step) {
            case CONDUCT_CERTIFICATE -> "conduct_certificate_on";
            case INTAKE -> "intake_on";
            case TRAINING -> "training_on";
            case AGREEMENT -> "agreement_on";
        };
        jdbc.sql("update volunteer set " + column + " = ?, version = version + 1 where id = ?").params(on, id).update();
    }

    public void logHours(UUID organisationId, UUID volunteerId, CommunityCommands.LogHours c) {
        jdbc.sql("insert into volunteer_hours (id, organisation_id, volunteer_id, worked_on, hours, what) values (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), organisationId, volunteerId, c.workedOn(), c.hours(), blank(c.what())).update();
    }

    public void recognise(UUID organisationId, UUID volunteerId, CommunityCommands.Recognise c) {
        jdbc.sql("insert into volunteer_recognition (id, organisation_id, volunteer_id, given_on, what) values (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), organisationId, volunteerId, c.givenOn(), c.what().trim()).update();
    }

    public record Recognition(LocalDate givenOn, String what) {
    }

    public record Hours(LocalDate workedOn, BigDecimal hours, String what) {
    }

    public List<Recognition> recognitions(UUID volunteerId) {
        return jdbc.sql("select given_on, what from volunteer_recognition where volunteer_id = ? order by given_on desc")
                .param(volunteerId).query((rs, i) -> new Recognition(rs.getObject(1, LocalDate.class), rs.getString(2))).list();
    }

    public record Training(UUID id, String course, LocalDate followedOn, String givenBy) {
    }

    /** Feedback from a volunteer; {@code about}: the shared goal of the match it is about (never the person). */
    public record Feedback(UUID id, LocalDate givenOn, Integer howItGoes, String what, UUID matchId, String about,
                           String reply, String repliedBy, LocalDate repliedOn, int version) {
    }

    public void recordTraining(UUID organisationId, UUID volunteerId, CommunityCommands.RecordTraining c, UUID recordedBy) {
        jdbc.sql("""
                insert into volunteer_training (id, organisation_id, volunteer_id, course, followed_on, given_by, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), organisationId, volunteerId, c.course().trim(), c.followedOn(), c.givenBy().trim(), recordedBy)
                .update();
    }

    public List<Training> trainings(UUID volunteerId) {
        return jdbc.sql("select id, course, followed_on, given_by from volunteer_training where volunteer_id = ? order by followed_on desc, course")
                .param(volunteerId).query((rs, i) -> new Training(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getString(4))).list();
    }

    public UUID giveFeedback(UUID organisationId, UUID volunteerId, CommunityCommands.GiveFeedback c, LocalDate on) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into volunteer_feedback (id, organisation_id, volunteer_id, match_id, given_on, how_it_goes, what)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, organisationId, volunteerId, c.matchId(), on, c.howItGoes(), c.what().trim()).update();
        return id;
    }

    public List<Feedback> feedback(UUID volunteerId) {
        return jdbc.sql("""
                select f.id, f.given_on, f.how_it_goes, f.what, f.match_id, m.shared_goal, f.reply, u.display_name, f.replied_on, f.version
                from volunteer_feedback f left join buddy_match m on m.id = f.match_id left join app_user u on u.id = f.replied_by
                where f.volunteer_id = ? order by f.given_on desc, f.id""")
                .param(volunteerId).query((rs, i) -> new Feedback(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        (Integer) rs.getObject(3), rs.getString(4), rs.getObject(5, UUID.class), rs.getString(6), rs.getString(7),
                        rs.getString(8), rs.getObject(9, LocalDate.class), rs.getInt(10))).list();
    }

    /** Whether this feedback is of this volunteer (so a coordinator answers it on the right volunteer's page). */
    public boolean feedbackOf(UUID volunteerId, UUID feedbackId) {
        return jdbc.sql("select count(*) from volunteer_feedback where id = ? and volunteer_id = ?").params(feedbackId, volunteerId)
                .query(Integer.class).single() > 0;
    }

    public void reply(UUID feedbackId, CommunityCommands.ReplyToFeedback c, UUID by, LocalDate on) {
        int n = jdbc.sql("""
                update volunteer_feedback set reply = ?, replied_by = ?, replied_on = ?, version = version + 1
                where id = ? and version = ?""").params(c.reply().trim(), by, on, feedbackId, c.version()).update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("volunteer feedback " + feedbackId);
        }
    }

    public List<Hours> hours(UUID volunteerId) {
        return jdbc.sql("select worked_on, hours, what from volunteer_hours where volunteer_id = ? order by worked_on desc limit 20")
                .param(volunteerId).query((rs, i) -> new Hours(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2), rs.getString(3))).list();
    }

    public void reportLoad(UUID volunteerId, int load) {
        jdbc.sql("update volunteer set reported_load = ? where id = ?").params(load, volunteerId).update();
    }

    public void stop(UUID volunteerId, LocalDate on) {
        jdbc.sql("update volunteer set status = 'STOPPED', stopped_on = ?, version = version + 1 where id = ?")
                .params(on, volunteerId).update();
    }

    // ---- candidates: the policy's score in SQL, so the database hands over only the best ------------

    public record CandidateQuery(UUID organisationId, VolunteerMatchingPolicy.Need need, int limit) {
    }

    /**
     * Screened, active, not overloaded, not matched to this request before; best first by the policy's
     * weights. It looks first at the volunteers who share the request's language and neighbourhood, then at
     * those who share either, and only then at all: a narrower look is kept only when it found {@code limit}
     * volunteers and the last of them scores above the best any volunteer outside it could score
     * ({@link #outsideBound}), so the answer is always the same as scoring every volunteer.
     */
    public List<VolunteerMatchingPolicy.Candidate> candidates(CandidateQuery q) {
        var n = q.need();
        String[] langs = norm(n.languages());
        String[] areas = norm(n.areas());
        for (Narrowing narrowing : Narrowing.values()) {
            if (!narrowing.applies(langs, areas)) {
                continue;
            }
            List<VolunteerMatchingPolicy.Candidate> found = candidates(q, narrowing);
            if (narrowing == Narrowing.ALL || (found.size() == q.limit()
                    && score(found.get(found.size() - 1), n) > outsideBound(narrowing, n))) {
                return found;
            }
        }
        throw new IllegalStateException("unreachable: the last narrowing is all volunteers");
    }

    /** How far the candidates query looks. */
    public enum Narrowing {
        /** Volunteers sharing a language and a neighbourhood with the request. */
        LANGUAGE_AND_AREA("v.languages && :langs::text[] and v.areas && :areas::text[]"),
        /** Volunteers sharing a language or a neighbourhood. */
        LANGUAGE_OR_AREA("(v.languages && :langs::text[] or v.areas && :areas::text[])"),
        /** Everyone. */
        ALL("true");

        final String condition;

        Narrowing(String condition) {
            this.condition = condition;
        }

        boolean applies(String[] langs, String[] areas) {
            return switch (this) {
                case LANGUAGE_AND_AREA -> langs.length > 0 && areas.length > 0;
                case LANGUAGE_OR_AREA -> langs.length > 0 || areas.length > 0;
                case ALL -> true;
            };
        }
    }

    /** The highest score a volunteer outside the narrowing could get for this need (the policy's weights). */
    public static double outsideBound(Narrowing narrowing, VolunteerMatchingPolicy.Need n) {
        double rest = PER_SHARED_DAY_PART * Math.min(DAY_PARTS_CAP, n.availability().size())
                + PER_SHARED_INTEREST * Math.min(INTERESTS_CAP, n.interests().size())
                + (n.kindOfWork() == null ? 0 : KIND_OF_WORK) + FIRST_MATCH;
        boolean asksLanguage = !n.languages().isEmpty();
        boolean asksArea = !n.areas().isEmpty();
        double language = asksLanguage ? SHARED_LANGUAGE : 0;
        double noLanguage = asksLanguage ? NO_SHARED_LANGUAGE : 0;
        return switch (narrowing) {
            // outside: shares at most one of the two
            case LANGUAGE_AND_AREA -> rest + Math.max(language, noLanguage + (asksArea ? SAME_AREA : 0));
            // outside: shares neither
            case LANGUAGE_OR_AREA -> rest + noLanguage;
            case ALL -> Double.POSITIVE_INFINITY;
        };
    }

    private static double score(VolunteerMatchingPolicy.Candidate c, VolunteerMatchingPolicy.Need n) {
        return VolunteerMatchingPolicy.score(c, n).score();
    }

    /**
     * The candidates query for one narrowing; also what the benchmark runs as its raw SQL. The inner query
     * scores narrow rows (id, name, score) and keeps the best; only those are read in full for the policy.
     */
    public static String candidatesSql(Narrowing narrowing, int dayParts, int interests) {
        return """
                select v.id, v.name, v.open_matches, v.max_matches, v.committed_hours, v.hours_per_week, v.reported_load,
                       v.languages, v.areas, v.availability, v.interests, v.kinds_of_work, v.status,
                       (v.conduct_certificate_on is not null and v.intake_on is not null and v.training_on is not null
                        and v.agreement_on is not null) as screened
                from (select v.id, v.name,
                       (case when cardinality(:langs::text[]) = 0 then 0
                             when v.languages && :langs::text[] then :sharedLanguage else :noSharedLanguage end)
                     + (case when v.areas && :areas::text[] then :sameArea else 0 end)
                     + :perDay * least(:dayCap, %s)
                     + :perInterest * least(:interestCap, %s)
                     + (case when :kind::text is not null and :kind::text = any(v.kinds_of_work) then :kindPoints else 0 end)
                     + (case when v.open_matches = 0 then :firstMatch else 0 end) as score
                      from volunteer v
                      where v.organisation_id = :org and v.status = 'ACTIVE' and %s
                        and v.conduct_certificate_on is not null and v.intake_on is not null
                        and v.training_on is not null and v.agreement_on is not null
                        and v.open_matches < v.max_matches
                        and v.committed_hours + :hours <= v.hours_per_week
                        and (v.reported_load is null or v.reported_load < :heavy)
                        and not (v.id = any(:excluded::uuid[]))
                      order by score desc, v.name, v.id
                      limit :limit) best
                join volunteer v on v.id = best.id
                order by best.score desc, best.name, best.id""".formatted(countShared("v.availability", "avail", dayParts),
                countShared("v.interests", "interest", interests), narrowing.condition);
    }

    /** How many of the request's values the column holds, as a sum of membership tests (no subquery per row). */
    private static String countShared(String column, String param, int size) {
        if (size == 0) {
            return "0";
        }
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            terms.add("(case when :" + param + i + "::text = any(" + column + ") then 1 else 0 end)");
        }
        return "(" + String.join(" + ", terms) + ")";
    }

    public List<VolunteerMatchingPolicy.Candidate> candidates(CandidateQuery q, Narrowing narrowing) {
        var n = q.need();
        String[] avail = upper(n.availability());
        String[] interests = norm(n.interests());
        var spec = jdbc.sql(candidatesSql(narrowing, avail.length, interests.length))
                .param("org", q.organisationId()).param("langs", norm(n.languages())).param("areas", norm(n.areas()))
                .param("kind", n.kindOfWork() == null ? null : n.kindOfWork().name()).param("hours", BigDecimal.valueOf(n.hoursPerWeek()))
                .param("excluded", n.excluded().toArray(new UUID[0])).param("limit", q.limit())
                .param("sharedLanguage", SHARED_LANGUAGE).param("noSharedLanguage", NO_SHARED_LANGUAGE)
                .param("sameArea", SAME_AREA).param("perDay", PER_SHARED_DAY_PART).param("dayCap", DAY_PARTS_CAP)
                .param("perInterest", PER_SHARED_INTEREST).param("interestCap", INTERESTS_CAP)
                .param("kindPoints", KIND_OF_WORK).param("firstMatch", FIRST_MATCH).param("heavy", HEAVY);
        for (int i = 0; i < avail.length; i++) {
            spec = spec.param("avail" + i, avail[i]);
        }
        for (int i = 0; i < interests.length; i++) {
            spec = spec.param("interest" + i, interests[i]);
        }
        return spec.query(this::candidate).list();
    }

    private VolunteerMatchingPolicy.Candidate candidate(ResultSet rs, int i) throws SQLException {
        return new VolunteerMatchingPolicy.Candidate(rs.getObject("id", UUID.class), rs.getString("name"), rs.getBoolean("screened"),
                "ACTIVE".equals(rs.getString("status")), rs.getInt("open_matches"), rs.getInt("max_matches"),
                rs.getBigDecimal("committed_hours").doubleValue(), rs.getBigDecimal("hours_per_week").doubleValue(),
                (Integer) rs.getObject("reported_load"), set(rs.getArray("languages")), set(rs.getArray("areas")),
                set(rs.getArray("availability")), set(rs.getArray("interests")),
                set(rs.getArray("kinds_of_work")).stream().map(Volunteer.KindOfWork::valueOf).collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    // ---- requests and matches -----------------------------------------------------------------------

    public UUID createRequest(UUID organisationId, UUID personId, UUID requestedBy, CommunityCommands.RequestBuddy c) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into buddy_request (id, organisation_id, person_id, goal_id, step_id, requested_by, coordinator_id, what_for)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, organisationId, personId, c.goalId(), c.stepId(), requestedBy, c.coordinatorId(), c.whatFor().trim())
                .update();
        return id;
    }

    public void recordNetworkCheck(UUID requestId, int version, String gap, boolean networkCanDoIt) {
        requireUpdated(jdbc.sql("""
                update buddy_request set network_gap = ?, network_checked_at = now(),
                  status = case when ? then 'NETWORK' else status end, version = version + 1
                where id = ? and version = ?""").params(blank(gap), networkCanDoIt, requestId, version).update(), requestId);
    }

    public void recordHomeVisit(UUID requestId, CommunityCommands.RecordHomeVisit c) {
        requireUpdated(jdbc.sql("""
                update buddy_request set visited_on = :on, kind_of_work = :kind, languages = :langs, availability = :avail,
                  areas = :areas, interests = :interests, hours_per_week = :hours, visit_notes = :notes, version = version + 1
                where id = :id and version = :version""")
                .param("on", c.visitedOn()).param("kind", c.kindOfWork().name()).param("langs", norm(c.languages()))
                .param("avail", upper(c.availability())).param("areas", norm(c.areas())).param("interests", norm(c.interests()))
                .param("hours", c.hoursPerWeek()).param("notes", blank(c.notes())).param("id", requestId)
                .param("version", c.version()).update(), requestId);
    }

    public void setRequestStatus(UUID requestId, BuddyRequest.Status status) {
        jdbc.sql("update buddy_request set status = ?, version = version + 1 where id = ?").params(status.name(), requestId).update();
    }

    private static final String REQUEST_SELECT = """
            select r.*, p.given_name || ' ' || p.family_name as person_name, p.neighbourhood,
                   rb.display_name as requested_by_name, co.display_name as coordinator_name
            from buddy_request r join person p on p.id = r.person_id
            join app_user rb on rb.id = r.requested_by join app_user co on co.id = r.coordinator_id
            """;

    public Optional<BuddyRequest> request(UUID requestId) {
        return requests(jdbc.sql(REQUEST_SELECT + " where r.id = ?").param(requestId)).stream().findFirst();
    }

    public Optional<UUID> personOfRequest(UUID requestId) {
        return jdbc.sql("select person_id from buddy_request where id = ?").param(requestId).query(UUID.class).optional();
    }

    public Optional<UUID> personOfMatch(UUID matchId) {
        return jdbc.sql("select person_id from buddy_match where id = ?").param(matchId).query(UUID.class).optional();
    }

    public List<BuddyRequest> requestsOfPerson(UUID personId) {
        return requests(jdbc.sql(REQUEST_SELECT + " where r.person_id = ? order by r.created_at desc").param(personId));
    }

    /** The coordinator's list: the person ids of requests that are theirs and still open (or came back). */
    public List<UUID> openRequestPersons(UUID coordinatorId) {
        return jdbc.sql("select distinct person_id from buddy_request where coordinator_id = ? and status in ('OPEN', 'MATCHED')")
                .param(coordinatorId).query(UUID.class).list();
    }

    public List<BuddyRequest> requestsOfCoordinator(UUID coordinatorId, List<UUID> readablePersons) {
        return requests(jdbc.sql(REQUEST_SELECT + """
                 where r.coordinator_id = ? and r.status in ('OPEN', 'MATCHED') and r.person_id = any(?::uuid[])
                 order by r.created_at""").params(coordinatorId, readablePersons.toArray(new UUID[0])));
    }

    private List<BuddyRequest> requests(JdbcClient.StatementSpec spec) {
        List<BuddyRequest> base = spec.query((org.springframework.jdbc.core.RowMapper<BuddyRequest>) this::request).list();
        if (base.isEmpty()) {
            return base;
        }
        UUID[] ids = base.stream().map(BuddyRequest::id).toArray(UUID[]::new);
        Map<UUID, List<BuddyRequest.Contact>> contacts = new LinkedHashMap<>();
        jdbc.sql("""
                select c.*, u.display_name from buddy_contact c join app_user u on u.id = c.recorded_by
                join buddy_match m on m.id = c.match_id where m.request_id = any(?::uuid[]) order by c.held_on""")
                .param(ids).query((rs, i) -> {
                    contacts.computeIfAbsent(rs.getObject("match_id", UUID.class), k -> new ArrayList<>()).add(
                            new BuddyRequest.Contact(rs.getObject("id", UUID.class), BuddyMatching.ContactKind.valueOf(rs.getString("kind")),
                                    rs.getObject("held_on", LocalDate.class), BuddyMatching.WithWhom.valueOf(rs.getString("with_whom")),
                                    (Integer) rs.getObject("how_it_goes"), rs.getString("notes"), rs.getString("display_name")));
                    return null;
                }).list();
        Map<UUID, List<BuddyRequest.Match>> matches = new LinkedHashMap<>();
        jdbc.sql("""
                select m.*, v.name as volunteer_name, o.display_name as overload_confirmed_by_name
                from buddy_match m join volunteer v on v.id = m.volunteer_id
                left join app_user o on o.id = m.overload_confirmed_by
                where m.request_id = any(?::uuid[]) order by m.proposed_on, m.id""").param(ids).query((rs, i) -> {
            UUID id = rs.getObject("id", UUID.class);
            matches.computeIfAbsent(rs.getObject("request_id", UUID.class), k -> new ArrayList<>()).add(new BuddyRequest.Match(
                    id, rs.getObject("request_id", UUID.class), rs.getObject("person_id", UUID.class),
                    rs.getObject("volunteer_id", UUID.class), rs.getString("volunteer_name"), rs.getString("shared_goal"),
                    rs.getString("practical"), rs.getBigDecimal("hours_per_week"), rs.getObject("proposed_on", LocalDate.class),
                    (Boolean) rs.getObject("person_accepted"), (Boolean) rs.getObject("volunteer_accepted"),
                    rs.getObject("started_on", LocalDate.class), rs.getObject("planned_end", LocalDate.class),
                    rs.getObject("ended_on", LocalDate.class), rs.getString("end_reason"),
                    BuddyRequest.Match.Status.valueOf(rs.getString("status")), rs.getObject("plan_step_id", UUID.class),
                    rs.getInt("version"), List.copyOf(contacts.getOrDefault(id, List.of())),
                    rs.getObject("network_member_id", UUID.class), overload(rs)));
            return null;
        }).list();
        return base.stream().map(r -> new BuddyRequest(r.id(), r.personId(), r.personName(), r.neighbourhood(), r.goalId(),
                r.stepId(), r.requestedByName(), r.coordinatorId(), r.coordinatorName(), r.whatFor(), r.networkGap(),
                r.networkCheckedAt(), r.visitedOn(), r.kindOfWork(), r.languages(), r.availability(), r.areas(), r.interests(),
                r.hoursPerWeek(), r.visitNotes(), r.status(), r.version(), List.copyOf(matches.getOrDefault(r.id(), List.of()))))
                .toList();
    }

    public UUID proposeMatch(UUID organisationId, BuddyRequest r, CommunityCommands.ProposeMatch c, BigDecimal hours,
                             LocalDate today, LocalDate plannedEnd) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into buddy_match (id, organisation_id, request_id, person_id, volunteer_id, shared_goal, practical,
                  hours_per_week, proposed_on, planned_end) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, organisationId, r.id(), r.personId(), c.volunteerId(), c.sharedGoal().trim(), blank(c.practical()),
                        hours, today, plannedEnd).update();
        return id;
    }

    public Optional<BuddyRequest.Match> match(UUID matchId) {
        return personOfMatch(matchId).flatMap(p -> jdbc.sql("select request_id from buddy_match where id = ?").param(matchId)
                .query(UUID.class).optional()).flatMap(this::request)
                .flatMap(r -> r.matches().stream().filter(m -> m.id().equals(matchId)).findFirst());
    }

    public void answer(UUID matchId, boolean byPerson, boolean accept) {
        jdbc.sql("update buddy_match set " + (byPerson ? "person_accepted" : "volunteer_accepted") + " = ?, version = version + 1 where id = ?")
                .params(accept, matchId).update();
    }

    public void start(UUID matchId, LocalDate on, LocalDate plannedEnd) {
        jdbc.sql("update buddy_match set status = 'ACTIVE', started_on = ?, planned_end = ?, version = version + 1 where id = ?")
                .params(on, plannedEnd, matchId).update();
    }

    public void linkStep(UUID matchId, UUID stepId) {
        jdbc.sql("update buddy_match set plan_step_id = ? where id = ?").params(stepId, matchId).update();
    }

    private static BuddyRequest.Overload overload(ResultSet rs) throws SQLException {
        if (rs.getObject("overload_confirmed_by") == null) {
            return null;
        }
        return new BuddyRequest.Overload(new VolunteerMatchingPolicy.Load(rs.getInt("overload_open_matches"),
                rs.getInt("overload_max_matches"), rs.getBigDecimal("overload_hours").doubleValue(),
                rs.getBigDecimal("overload_offered_hours").doubleValue(), (Integer) rs.getObject("overload_reported_load")),
                rs.getString("overload_confirmed_by_name"), rs.getTimestamp("overload_confirmed_at").toInstant());
    }

    /** The coordinator proposed this match despite the overload: the figures they were shown, and who confirmed. */
    public void recordOverload(UUID matchId, UUID by, VolunteerMatchingPolicy.Load load) {
        jdbc.sql("update buddy_match set overload_confirmed_by = ?, overload_confirmed_at = now(), overload_open_matches = ?,"
                        + " overload_max_matches = ?, overload_hours = ?, overload_offered_hours = ?, overload_reported_load = ? where id = ?")
                .params(by, load.openMatches(), load.maxMatches(), BigDecimal.valueOf(load.hoursWithThis()),
                        BigDecimal.valueOf(load.offeredHours()), load.reportedLoad(), matchId).update();
    }

    /** The entry a started match added to the person's network (the ecogram), to take out when it ends. */
    public void linkNetworkEntry(UUID matchId, UUID memberId) {
        jdbc.sql("update buddy_match set network_member_id = ? where id = ?").params(memberId, matchId).update();
    }

    public void end(UUID matchId, LocalDate on, String reason) {
        jdbc.sql("update buddy_match set status = 'ENDED', ended_on = ?, end_reason = ?, version = version + 1 where id = ? and status <> 'ENDED'")
                .params(on, reason, matchId).update();
    }

    /** The open matches of a volunteer, with their request, for when the volunteer stops. */
    public List<UUID[]> openMatchesOf(UUID volunteerId) {
        return jdbc.sql("select id, request_id from buddy_match where volunteer_id = ? and status <> 'ENDED'")
                .param(volunteerId).query((rs, i) -> new UUID[]{rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)}).list();
    }

    public void addContact(UUID organisationId, UUID matchId, CommunityCommands.RecordContact c, UUID by) {
        jdbc.sql("""
                insert into buddy_contact (id, organisation_id, match_id, kind, held_on, with_whom, how_it_goes, notes, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), organisationId, matchId, c.kind().name(), c.heldOn(), c.withWhom().name(),
                        c.howItGoes(), blank(c.notes()), by).update();
    }

    public List<MyMatch> myMatches(UUID volunteerId) {
        return jdbc.sql("""
                select m.id, p.given_name, m.shared_goal, m.practical, m.proposed_on, m.started_on, m.planned_end, m.status,
                       m.volunteer_accepted
                from buddy_match m join person p on p.id = m.person_id
                where m.volunteer_id = ? and (m.status <> 'ENDED' or m.ended_on > current_date - 90)
                order by m.proposed_on desc""").param(volunteerId)
                .query((rs, i) -> new MyMatch(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
                        BuddyRequest.Match.Status.valueOf(rs.getString(8)), (Boolean) rs.getObject(9))).list();
    }

    public Optional<UUID> volunteerOfMatch(UUID matchId) {
        return jdbc.sql("select volunteer_id from buddy_match where id = ?").param(matchId).query(UUID.class).optional();
    }

    // ---- mapping ------------------------------------------------------------------------------------

    private BuddyRequest request(ResultSet rs, int i) throws SQLException {
        OffsetDateTime checked = rs.getObject("network_checked_at", OffsetDateTime.class);
        String kind = rs.getString("kind_of_work");
        return new BuddyRequest(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                rs.getString("person_name"), rs.getString("neighbourhood"), rs.getObject("goal_id", UUID.class),
                rs.getObject("step_id", UUID.class), rs.getString("requested_by_name"), rs.getObject("coordinator_id", UUID.class),
                rs.getString("coordinator_name"), rs.getString("what_for"), rs.getString("network_gap"),
                checked == null ? null : checked.toInstant(), rs.getObject("visited_on", LocalDate.class),
                kind == null ? null : Volunteer.KindOfWork.valueOf(kind), set(rs.getArray("languages")),
                set(rs.getArray("availability")), set(rs.getArray("areas")), set(rs.getArray("interests")),
                rs.getBigDecimal("hours_per_week"), rs.getString("visit_notes"),
                BuddyRequest.Status.valueOf(rs.getString("status")), rs.getInt("version"), List.of());
    }

    private Volunteer volunteer(ResultSet rs, int i) throws SQLException {
        String via = rs.getString("came_in_via");
        return new Volunteer(rs.getObject("id", UUID.class), rs.getObject("organisation_id", UUID.class),
                rs.getObject("account_id", UUID.class), rs.getObject("coordinator_id", UUID.class), rs.getString("coordinator_name"),
                rs.getString("name"), rs.getString("phone"), set(rs.getArray("skills")), set(rs.getArray("languages")),
                set(rs.getArray("availability")), set(rs.getArray("areas")), set(rs.getArray("interests")),
                set(rs.getArray("kinds_of_work")).stream().map(Volunteer.KindOfWork::valueOf).collect(Collectors.toCollection(LinkedHashSet::new)),
                rs.getString("motive"), via == null ? null : Volunteer.CameInVia.valueOf(via), rs.getBigDecimal("hours_per_week"),
                rs.getInt("max_matches"), (Integer) rs.getObject("reported_load"),
                new Screening(rs.getObject("conduct_certificate_on", LocalDate.class), rs.getObject("intake_on", LocalDate.class),
                        rs.getObject("training_on", LocalDate.class), rs.getObject("agreement_on", LocalDate.class)),
                Volunteer.Status.valueOf(rs.getString("status")), rs.getObject("stopped_on", LocalDate.class),
                rs.getInt("active_matches"), rs.getBigDecimal("committed_hours"), rs.getBigDecimal("hours4"), rs.getInt("version"));
    }

    private static Set<String> set(Array a) throws SQLException {
        return a == null ? Set.of() : new LinkedHashSet<>(Arrays.asList((String[]) a.getArray()));
    }

    /** Lists are kept in lower case, so "Arabisch" and "arabisch" are the same language in SQL and in the policy. */
    public static String[] norm(Set<String> values) {
        return values == null ? new String[0] : values.stream().filter(v -> v != null && !v.isBlank())
                .map(v -> v.trim().toLowerCase(Locale.ROOT)).distinct().sorted().toArray(String[]::new);
    }

    static String[] upper(Set<String> values) {
        return values == null ? new String[0] : values.stream().filter(v -> v != null && !v.isBlank())
                .map(v -> v.trim().toUpperCase(Locale.ROOT)).distinct().sorted().toArray(String[]::new);
    }

    private static String[] names(Set<? extends Enum<?>> values) {
        return values == null ? new String[0] : values.stream().map(Enum::name).sorted().toArray(String[]::new);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static void requireUpdated(int n, UUID id) {
        if (n == 0) {
            throw new OptimisticLockingFailureException("buddy request " + id);
        }
    }
}
