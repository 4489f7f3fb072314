package org.samenkracht.community;

import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.common.domain.NotFound;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.community.internal.CommunityStore;
import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.samenkracht.network.Network;
import org.samenkracht.network.NetworkMember;
import org.samenkracht.vocabulary.Intensity;
import org.samenkracht.plan.PlanCommands;
import org.samenkracht.plan.PlanView;
import org.samenkracht.plan.Plans;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.CareTeam;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Buddy matching that starts inside (seed 2.5, 2.7): a request from a plan step at the volunteer layer
 * or from a professional; first who in the person's own network could do it without overload, and
 * where the network has a real gap; then the coordinator's home visit records what kind of volunteer
 * is needed; then screened, not overloaded volunteers with their reasons. Either side may decline; a
 * planned end (one year, at most two), the four-week check, supervision, rematch and the follow-up
 * asking the person. An active match becomes a step in the person's plan at the community layer.
 */
@Service
public class BuddyMatching {

    public static final int TOP = 10;
    static final int CANDIDATES = 50;

    public enum ContactKind { FOUR_WEEK_CHECK, SUPERVISION, FOLLOW_UP }

    public enum WithWhom { PERSON, VOLUNTEER, BOTH }

    /** What the coordinator may do next about volunteers for a request. */
    @com.fasterxml.jackson.annotation.JsonTypeInfo(use = com.fasterxml.jackson.annotation.JsonTypeInfo.Id.SIMPLE_NAME, property = "next")
    public sealed interface Suggestions {
        /** The network comes first: record what it can do (or its gap) before any volunteer. */
        record NetworkFirst(NetworkFirstPolicy.Check check) implements Suggestions {
        }

        /** The home visit comes next: what kind of volunteer is needed. */
        record HomeVisitFirst() implements Suggestions {
        }

        record Ranked(List<VolunteerMatchingPolicy.Suggestion> volunteers) implements Suggestions {
        }

        /** Already matched, or closed: nothing to suggest. */
        record NotOpen() implements Suggestions {
        }
    }

    private final CommunityStore store;
    private final PersonAccess access;
    private final Network network;
    private final Plans plans;
    private final CareTeam careTeam;
    private final Accounts accounts;
    private final MessageSource messages;

    private final CommunityEcogram ecogram;
    private final SupportEndings endings;

    BuddyMatching(CommunityStore store, PersonAccess access, Network network, Plans plans, CareTeam careTeam,
                  Accounts accounts, MessageSource messages, CommunityEcogram ecogram, SupportEndings endings) {
        this.ecogram = ecogram;
        this.endings = endings;
        this.store = store;
        this.access = access;
        this.network = network;
        this.plans = plans;
        this.careTeam = careTeam;
        this.accounts = accounts;
        this.messages = messages;
    }

    // ---- the request --------------------------------------------------------------------------------

    /**
     * A request from the care team. The named coordinator joins the care team as its volunteer
     * coordinator, so the gate lets them do the home visit and the match.
     */
    @Transactional
    public UUID request(UUID personId, CommunityCommands.RequestBuddy c) {
        access.write(personId, Part.COMMUNITY);
        CurrentUser user = CurrentUser.get();
        var coordinator = accounts.find(c.coordinatorId())
                .filter(a -> a.role() == Role.COORDINATOR && a.organisationId().equals(user.organisationId()))
                .orElseThrow(() -> new RuleViolation("coordinatorId", "community.coordinatorUnknown"));
        UUID goalId = c.goalId();
        if (c.stepId() != null) {
            PlanView.Step step = null;
            for (PlanView.Goal g : plans.current(personId).map(PlanView::goals).orElse(List.of())) {
                for (PlanView.Step s : g.steps()) {
                    if (s.id().equals(c.stepId())) {
                        step = s;
                        goalId = g.id();
                    }
                }
            }
            if (step == null) {
                throw new RuleViolation("stepId", "community.request.noSuchStep");
            }
            if (!CommunityLayer.isVolunteerLayer(step.layer())) {
                throw new RuleViolation("stepId", "community.request.notVolunteerLayer");
            }
            if (step.ended()) {
                throw new RuleViolation("stepId", "community.request.stepEnded");
            }
        }
        UUID id = store.createRequest(user.organisationId(), personId, user.id(),
                new CommunityCommands.RequestBuddy(goalId, c.stepId(), c.whatFor(), c.coordinatorId()));
        careTeam.join(personId, coordinator.id(), coordinator.organisationId(), CareTeam.TeamRole.VOLUNTEER, null);
        return id;
    }

    @Transactional
    public List<BuddyRequest> requestsOf(UUID personId) {
        access.read(personId, Part.COMMUNITY);
        return store.requestsOfPerson(personId);
    }

    /** The coordinator's list: their open requests (new, or come back after a decline, rematch or a volunteer who stopped). */
    @Transactional
    public List<BuddyRequest> worklist() {
        CurrentUser user = CurrentUser.get();
        List<UUID> readable = access.readable(store.openRequestPersons(user.id()), Part.COMMUNITY);
        return readable.isEmpty() ? List.of() : store.requestsOfCoordinator(user.id(), readable);
    }

    @Transactional
    public BuddyRequest get(UUID requestId) {
        UUID personId = personOfRequest(requestId);
        access.read(personId, Part.COMMUNITY);
        return store.request(requestId).orElseThrow(() -> new NotFound("buddy request"));
    }

    /** Who in the person's network could do it without overload, and who not now (read through the network module). */
    @Transactional
    public NetworkFirstPolicy.Check networkCheck(UUID requestId) {
        BuddyRequest r = get(requestId);
        return NetworkFirstPolicy.check(network.profiles(r.personId()), NetworkMember.SupportKind.COMPANY);
    }

    @Transactional
    public void recordNetworkCheck(UUID requestId, CommunityCommands.RecordNetworkCheck c) {
        UUID personId = personOfRequest(requestId);
        access.write(personId, Part.COMMUNITY);
        NetworkFirstPolicy.Check check = NetworkFirstPolicy.check(network.profiles(personId), NetworkMember.SupportKind.COMPANY);
        boolean networkDoesIt = Boolean.TRUE.equals(c.networkCanDoIt());
        if (!networkDoesIt && !NetworkFirstPolicy.mayLookForVolunteers(check, c.networkGap())) {
            throw new RuleViolation("networkGap", "community.networkGap.required");
        }
        store.recordNetworkCheck(requestId, c.version(), c.networkGap(), networkDoesIt);
    }

    @Transactional
    public void recordHomeVisit(UUID requestId, CommunityCommands.RecordHomeVisit c) {
        UUID personId = personOfRequest(requestId);
        access.write(personId, Part.COMMUNITY);
        BuddyRequest r = store.request(requestId).orElseThrow();
        if (!r.networkChecked()) {
            throw new RuleViolation("visitedOn", "community.visit.networkFirst");
        }
        if (c.visitedOn().isAfter(LocalDate.now())) {
            throw new RuleViolation("visitedOn", "community.visit.future");
        }
        store.recordHomeVisit(requestId, c);
    }

    // ---- suggestions and the match ------------------------------------------------------------------

    @Transactional
    public Suggestions suggestions(UUID requestId) {
        BuddyRequest r = get(requestId);
        if (!r.networkChecked()) {
            return new Suggestions.NetworkFirst(NetworkFirstPolicy.check(network.profiles(r.personId()), NetworkMember.SupportKind.COMPANY));
        }
        if (!r.visited()) {
            return new Suggestions.HomeVisitFirst();
        }
        if (!r.needsMatch()) {
            return new Suggestions.NotOpen();
        }
        return new Suggestions.Ranked(suggest(CurrentUser.get().organisationId(), r.need()));
    }

    /** The best volunteers for a need: SQL picks the candidates by the policy's weights, the policy checks and explains them. */
    public List<VolunteerMatchingPolicy.Suggestion> suggest(UUID organisationId, VolunteerMatchingPolicy.Need need) {
        return VolunteerMatchingPolicy.rank(need, store.candidates(new CommunityStore.CandidateQuery(organisationId, need, CANDIDATES)))
                .stream().limit(TOP).toList();
    }

    @Transactional
    public UUID propose(UUID requestId, CommunityCommands.ProposeMatch c) {
        UUID personId = personOfRequest(requestId);
        access.write(personId, Part.COMMUNITY);
        CurrentUser user = CurrentUser.get();
        BuddyRequest r = store.request(requestId).orElseThrow();
        if (!r.networkChecked() || !r.visited()) {
            throw new RuleViolation("volunteerId", "community.match.visitFirst");
        }
        if (!r.needsMatch()) {
            throw new RuleViolation("volunteerId", "community.match.notOpen");
        }
        Volunteer v = store.volunteer(user.organisationId(), c.volunteerId())
                .orElseThrow(() -> new RuleViolation("volunteerId", "community.volunteerUnknown"));
        VolunteerMatchingPolicy.Proposal proposal = VolunteerMatchingPolicy.proposal(v.candidate(), r.need());
        if (proposal instanceof VolunteerMatchingPolicy.Proposal.Refused refused) {
            throw new RuleViolation("volunteerId", refused.reasonKey());
        }
        VolunteerMatchingPolicy.Load overload = null;
        if (proposal instanceof VolunteerMatchingPolicy.Proposal.Overloaded o) {
            if (!Boolean.TRUE.equals(c.confirmOverload())) {
                throw new OverloadWarning(v.name(), o.load(), o.reasonKeys());
            }
            overload = o.load();
        }
        LocalDate today = LocalDate.now();
        LocalDate end = c.plannedEnd() == null ? today.plusYears(1) : c.plannedEnd();
        if (end.isAfter(today.plusYears(2))) {
            throw new RuleViolation("plannedEnd", "community.match.atMostTwoYears");
        }
        if (!end.isAfter(today)) {
            throw new RuleViolation("plannedEnd", "community.match.endInFuture");
        }
        BigDecimal hours = r.hoursPerWeek() == null ? BigDecimal.valueOf(2) : r.hoursPerWeek();
        UUID id = store.proposeMatch(user.organisationId(), r, c, hours, today, end);
        if (overload != null) {
            store.recordOverload(id, user.id(), overload);
        }
        store.setRequestStatus(requestId, BuddyRequest.Status.MATCHED);
        return id;
    }

    /** The person's answer (the person themself, or the team with them). A no sends the request back to the coordinator. */
    @Transactional
    public void answerAsPerson(UUID matchId, CommunityCommands.Answer a) {
        UUID personId = personOfMatch(matchId);
        access.require(personId, Part.COMMUNITY, AccessKind.WRITE_AS_PERSON);
        BuddyRequest.Match m = proposed(matchId);
        store.answer(matchId, true, a.accept());
        if (!a.accept()) {
            decline(m, "DECLINED_BY_PERSON");
        } else if (Boolean.TRUE.equals(m.volunteerAccepted())) {
            startInCoordinatorsName(m);
        }
    }

    /** The volunteer's own answer, from their page. Only the volunteer of this match may give it. */
    @Transactional
    public void answerAsVolunteer(UUID matchId, CommunityCommands.Answer a, Volunteers volunteers) {
        Volunteer own = volunteers.own();
        if (!store.volunteerOfMatch(matchId).map(own.id()::equals).orElse(false)) {
            throw new AccessRefused("community.refused.notYourMatch");
        }
        BuddyRequest.Match m = store.match(matchId).orElseThrow();
        if (m.status() != BuddyRequest.Match.Status.PROPOSED) {
            throw new RuleViolation("accept", "community.match.notProposed");
        }
        store.answer(matchId, false, a.accept());
        UUID coordinator = store.request(m.requestId()).orElseThrow().coordinatorId();
        if (!a.accept()) {
            accounts.onBehalfOf(coordinator, () -> {
                access.write(m.personId(), Part.COMMUNITY);
                decline(m, "DECLINED_BY_VOLUNTEER");
            });
        } else if (Boolean.TRUE.equals(m.personAccepted())) {
            startInCoordinatorsName(m);
        }
    }

    /**
     * The second yes starts the match, whoever gives it. The start writes the person's plan and ecogram,
     * which the person (answering for themself) or the volunteer may not write: it is done in the name of
     * the request's coordinator, who is in the person's team, so every started match gets its plan step
     * and its ecogram entry, and the gate audits it as the coordinator's.
     */
    private void startInCoordinatorsName(BuddyRequest.Match m) {
        UUID coordinator = store.request(m.requestId()).orElseThrow().coordinatorId();
        if (CurrentUser.get().id().equals(coordinator)) {
            start(m);
            return;
        }
        accounts.onBehalfOf(coordinator, () -> {
            access.write(m.personId(), Part.COMMUNITY);
            start(m);
        });
    }

    @Transactional
    public void recordContact(UUID matchId, CommunityCommands.RecordContact c) {
        UUID personId = personOfMatch(matchId);
        access.write(personId, Part.COMMUNITY);
        BuddyRequest.Match m = store.match(matchId).orElseThrow();
        if (m.status() == BuddyRequest.Match.Status.PROPOSED) {
            throw new RuleViolation("kind", "community.contact.notStarted");
        }
        if (c.heldOn().isAfter(LocalDate.now())) {
            throw new RuleViolation("heldOn", "community.contact.future");
        }
        if (c.kind() == ContactKind.FOLLOW_UP && c.withWhom() == WithWhom.VOLUNTEER) {
            throw new RuleViolation("withWhom", "community.contact.followUpAsksPerson");
        }
        store.addContact(CurrentUser.get().organisationId(), matchId, c, CurrentUser.get().id());
    }

    /** Ends a match so the coordinator finds another volunteer; this volunteer is not suggested again for the request. */
    @Transactional
    public void rematch(UUID matchId) {
        UUID personId = personOfMatch(matchId);
        access.write(personId, Part.COMMUNITY);
        BuddyRequest.Match m = store.match(matchId).orElseThrow();
        if (m.status() == BuddyRequest.Match.Status.ENDED) {
            throw new RuleViolation("matchId", "community.match.ended");
        }
        store.end(matchId, LocalDate.now(), "REMATCH");
        store.setRequestStatus(m.requestId(), BuddyRequest.Status.OPEN);
        // the match's own step and ecogram entry end; a step the request came from stays for the next volunteer
        BuddyRequest r = store.request(m.requestId()).orElseThrow();
        endings.ended(personId, m.ownStepId(r), m.networkMemberId(), LocalDate.now(), "REMATCH");
    }

    /** Ends a match as planned: the request is done. */
    @Transactional
    public void complete(UUID matchId) {
        UUID personId = personOfMatch(matchId);
        access.write(personId, Part.COMMUNITY);
        BuddyRequest.Match m = store.match(matchId).orElseThrow();
        if (m.status() != BuddyRequest.Match.Status.ACTIVE) {
            throw new RuleViolation("matchId", "community.match.notActive");
        }
        store.end(matchId, LocalDate.now(), "COMPLETED");
        store.setRequestStatus(m.requestId(), BuddyRequest.Status.CLOSED);
        // done: the step (its own, or the one it was requested from) ends with it, and so does the ecogram entry
        endings.ended(personId, m.planStepId(), m.networkMemberId(), LocalDate.now(), "COMPLETED");
    }

    // ---- inside -------------------------------------------------------------------------------------------

    private void decline(BuddyRequest.Match m, String reason) {
        store.end(m.id(), LocalDate.now(), reason);
        store.setRequestStatus(m.requestId(), BuddyRequest.Status.OPEN);
    }

    /**
     * Both said yes: the match starts (planned end kept within two years of the start) and becomes a
     * step in the person's plan at the community layer, or is linked to the step it was requested from.
     */
    private void start(BuddyRequest.Match m) {
        LocalDate today = LocalDate.now();
        LocalDate end = m.plannedEnd().isAfter(today.plusYears(2)) ? today.plusYears(2) : m.plannedEnd();
        store.start(m.id(), today, end);
        BuddyRequest r = store.request(m.requestId()).orElseThrow();
        Optional<PlanView> plan = plans.current(r.personId());
        if (r.stepId() != null) {
            store.linkStep(m.id(), r.stepId());
        } else if (r.goalId() != null && plan.isPresent()
                && plan.get().goals().stream().anyMatch(g -> g.id().equals(r.goalId()))) {
            String provider = messages.getMessage("community.plan.provider", new Object[]{m.volunteerName()},
                    LocaleContextHolder.getLocale());
            UUID step = plans.addStep(r.personId(), new PlanCommands.AddStep(r.goalId(), m.sharedGoal(),
                    CommunityLayer.TAKER, null, null, provider, Intensity.SUPPORT, null, null, plan.get().version()));
            store.linkStep(m.id(), step);
        }
        // a name in the person's network is data, written once in the organisation's language (Dutch), not the reader's
        ecogram.show(r.personId(), messages.getMessage("community.ecogram.buddy", new Object[]{m.volunteerName().split(" ")[0]},
                        java.util.Locale.forLanguageTag("nl")), org.samenkracht.network.NetworkMember.Relation.VOLUNTEER,
                org.samenkracht.vocabulary.Layer.VOLUNTEER, org.samenkracht.network.NetworkMember.SupportKind.COMPANY).ifPresent(entry -> store.linkNetworkEntry(m.id(), entry));
    }

    private BuddyRequest.Match proposed(UUID matchId) {
        BuddyRequest.Match m = store.match(matchId).orElseThrow(() -> new NotFound("match"));
        if (m.status() != BuddyRequest.Match.Status.PROPOSED) {
            throw new RuleViolation("accept", "community.match.notProposed");
        }
        return m;
    }

    /** The request a match belongs to (for returning to its page); the match's person must be readable. */
    @Transactional
    public UUID requestOfMatch(UUID matchId) {
        access.read(personOfMatch(matchId), Part.COMMUNITY);
        return store.match(matchId).orElseThrow(() -> new NotFound("match")).requestId();
    }

    private UUID personOfRequest(UUID requestId) {
        return store.personOfRequest(requestId).orElseThrow(() -> new NotFound("buddy request"));
    }

    private UUID personOfMatch(UUID matchId) {
        return store.personOfMatch(matchId).orElseThrow(() -> new NotFound("match"));
    }
}
