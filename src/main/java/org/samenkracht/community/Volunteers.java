package org.samenkracht.community;

import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.common.domain.NotFound;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.community.internal.CommunityStore;
import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Volunteers and their backing: profile, screening with dates, coordinator, hours, recognition, and
 * how heavy it is in their own words. Coordinators (and administrators) of the organisation keep
 * volunteers; a volunteer sees and reports only their own. A volunteer who stops puts their matches
 * back on the coordinator's list.
 */
@Service
public class Volunteers {

    /** A volunteer's own page: their profile, hours, recognition and matches. */
    public record Mine(Volunteer volunteer, List<MyMatch> matches, List<CommunityStore.Hours> hours,
                       List<CommunityStore.Recognition> recognitions, List<CommunityStore.Training> trainings,
                       List<CommunityStore.Feedback> feedback) {
    }

    /** The coordinator's view of one volunteer. */
    public record Detail(Volunteer volunteer, List<CommunityStore.Hours> hours, List<CommunityStore.Recognition> recognitions,
                         List<CommunityStore.Training> trainings, List<CommunityStore.Feedback> feedback) {
    }

    private final CommunityStore store;
    private final Accounts accounts;
    private final PersonAccess access;
    private final SupportEndings endings;

    Volunteers(CommunityStore store, Accounts accounts, PersonAccess access, SupportEndings endings) {
        this.endings = endings;
        this.store = store;
        this.accounts = accounts;
        this.access = access;
    }

    public static boolean coordinates(CurrentUser user) {
        return user.is(Role.COORDINATOR) || user.is(Role.ADMINISTRATOR);
    }

    private CurrentUser coordinator() {
        CurrentUser user = CurrentUser.get();
        if (!coordinates(user)) {
            throw new AccessRefused("community.refused.coordinatorsOnly");
        }
        return user;
    }

    @Transactional(readOnly = true)
    public List<Volunteer> list() {
        return store.volunteers(coordinator().organisationId());
    }

    @Transactional(readOnly = true)
    public Detail get(UUID id) {
        CurrentUser user = coordinator();
        Volunteer v = store.volunteer(user.organisationId(), id).orElseThrow(() -> new NotFound("volunteer"));
        return new Detail(v, store.hours(id), store.recognitions(id), store.trainings(id), store.feedback(id));
    }

    @Transactional
    public UUID register(CommunityCommands.SaveVolunteer c) {
        return register(UUID.randomUUID(), null, c);
    }

    /** Registers a volunteer, with an account of their own when {@code accountId} is given. */
    @Transactional
    public UUID register(UUID id, UUID accountId, CommunityCommands.SaveVolunteer c) {
        CurrentUser user = coordinator();
        checkCoordinator(user, c.coordinatorId());
        return store.createVolunteer(id, user.organisationId(), accountId,
                c.coordinatorId() == null && user.is(Role.COORDINATOR) ? withCoordinator(c, user.id()) : c);
    }

    @Transactional
    public void change(UUID id, CommunityCommands.SaveVolunteer c) {
        CurrentUser user = coordinator();
        store.volunteer(user.organisationId(), id).orElseThrow(() -> new NotFound("volunteer"));
        checkCoordinator(user, c.coordinatorId());
        store.updateVolunteer(user.organisationId(), id, c);
    }

    @Transactional
    public void recordScreening(UUID id, CommunityCommands.RecordScreening c) {
        CurrentUser user = coordinator();
        store.volunteer(user.organisationId(), id).orElseThrow(() -> new NotFound("volunteer"));
        if (c.on().isAfter(LocalDate.now())) {
            throw new RuleViolation("on", "community.screening.future");
        }
        store.recordScreening(id, c.step(), c.on());
    }

    @Transactional
    public void recognise(UUID id, CommunityCommands.Recognise c) {
        CurrentUser user = coordinator();
        store.volunteer(user.organisationId(), id).orElseThrow(() -> new NotFound("volunteer"));
        store.recognise(user.organisationId(), id, c);
    }

    /** A training the volunteer followed, recorded by the coordinator (the volunteer sees it on their own page). */
    @Transactional
    public void recordTraining(UUID id, CommunityCommands.RecordTraining c) {
        CurrentUser user = coordinator();
        store.volunteer(user.organisationId(), id).orElseThrow(() -> new NotFound("volunteer"));
        if (c.followedOn().isAfter(LocalDate.now())) {
            throw new RuleViolation("followedOn", "community.training.future");
        }
        store.recordTraining(user.organisationId(), id, c, user.id());
    }

    /**
     * The volunteer's own feedback on their work, or on one of their own matches: never on another's. It names
     * the match, not the person; the coordinator reads it on the volunteer's page and answers it.
     */
    @Transactional
    public UUID giveFeedback(CommunityCommands.GiveFeedback c) {
        Volunteer v = own();
        if (c.matchId() != null && !store.volunteerOfMatch(c.matchId()).map(v.id()::equals).orElse(false)) {
            throw new RuleViolation("matchId", "community.feedback.notYourMatch");
        }
        return store.giveFeedback(v.organisationId(), v.id(), c, LocalDate.now());
    }

    /** The coordinator answers a volunteer's feedback (with the version read: a second answer at the same time is refused, 409). */
    @Transactional
    public void replyToFeedback(UUID id, UUID feedbackId, CommunityCommands.ReplyToFeedback c) {
        CurrentUser user = coordinator();
        store.volunteer(user.organisationId(), id).orElseThrow(() -> new NotFound("volunteer"));
        if (!store.feedbackOf(id, feedbackId)) {
            throw new NotFound("feedback");
        }
        store.reply(feedbackId, c, user.id(), LocalDate.now());
    }

    /** Hours, logged by the coordinator for a volunteer ({@code id}) or by the volunteer ({@code id} null: their own). */
    @Transactional
    public void logHours(UUID id, CommunityCommands.LogHours c) {
        Volunteer v = id == null ? own() : get(id).volunteer();
        if (c.workedOn().isAfter(LocalDate.now())) {
            throw new RuleViolation("workedOn", "community.hours.future");
        }
        store.logHours(v.organisationId(), v.id(), c);
    }

    /** How heavy it is, from the volunteer themself; from 4 on they get no new match. */
    @Transactional
    public void reportOwnLoad(CommunityCommands.ReportLoad c) {
        store.reportLoad(own().id(), c.load());
    }

    @Transactional(readOnly = true)
    public Mine mine() {
        Volunteer v = own();
        return new Mine(v, store.myMatches(v.id()), store.hours(v.id()), store.recognitions(v.id()), store.trainings(v.id()),
                store.feedback(v.id()));
    }

    /**
     * A volunteer stops (they say so, or the coordinator records it): their open matches end and the
     * requests return to the coordinator's list, done in the coordinator's name so the gate audits it.
     */
    @Transactional
    public void stop(UUID id, CommunityCommands.StopVolunteer c) {
        CurrentUser user = CurrentUser.get();
        Volunteer v = id == null ? own() : get(id).volunteer();
        if (v.status() == Volunteer.Status.STOPPED) {
            throw new RuleViolation("on", "community.volunteer.alreadyStopped");
        }
        store.stop(v.id(), c.on());
        for (UUID[] open : store.openMatchesOf(v.id())) {
            UUID matchId = open[0];
            BuddyRequest r = store.request(open[1]).orElseThrow();
            BuddyRequest.Match m = r.matches().stream().filter(x -> x.id().equals(matchId)).findFirst().orElseThrow();
            Runnable back = () -> {
                access.write(r.personId(), Part.COMMUNITY);
                store.end(matchId, c.on(), "VOLUNTEER_STOPPED");
                store.setRequestStatus(r.id(), BuddyRequest.Status.OPEN);
                // the match's own plan step and ecogram entry end; the request's own step waits for the next volunteer
                endings.ended(r.personId(), m.ownStepId(r), m.networkMemberId(), c.on(), "VOLUNTEER_STOPPED");
            };
            if (user.id().equals(r.coordinatorId())) {
                back.run();
            } else {
                accounts.onBehalfOf(r.coordinatorId(), back);
            }
        }
    }

    Volunteer own() {
        CurrentUser user = CurrentUser.get();
        if (!user.is(Role.VOLUNTEER)) {
            throw new AccessRefused("community.refused.volunteersOnly");
        }
        return store.volunteerOfAccount(user.id()).orElseThrow(() -> new NotFound("volunteer"));
    }

    private void checkCoordinator(CurrentUser user, UUID coordinatorId) {
        if (coordinatorId != null && accounts.find(coordinatorId)
                .filter(a -> a.role() == Role.COORDINATOR && a.organisationId().equals(user.organisationId())).isEmpty()) {
            throw new RuleViolation("coordinatorId", "community.coordinatorUnknown");
        }
    }

    private static CommunityCommands.SaveVolunteer withCoordinator(CommunityCommands.SaveVolunteer c, UUID coordinatorId) {
        return new CommunityCommands.SaveVolunteer(c.name(), c.phone(), c.skills(), c.languages(), c.availability(), c.areas(),
                c.interests(), c.kindsOfWork(), c.motive(), c.cameInVia(), c.hoursPerWeek(), c.maxMatches(), coordinatorId, c.version());
    }
}
