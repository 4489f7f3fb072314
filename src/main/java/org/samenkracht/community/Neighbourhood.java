package org.samenkracht.community;

import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.common.domain.NotFound;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.community.internal.PlaceStore;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.samenkracht.network.NetworkMember;
import org.samenkracht.plan.PlanCommands;
import org.samenkracht.plan.PlanView;
import org.samenkracht.plan.Plans;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.samenkracht.socialmap.SocialMap;
import org.samenkracht.vocabulary.Intensity;
import org.samenkracht.vocabulary.LifeDomain;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Neighbourhood places and their activities (kwartiermaken): coordinators keep the places (hosts,
 * accessibility, what people can do there as volunteers) and their activities; staff who support people
 * look them up. A person signs up (themselves, or through their team) and comes; with a goal the activity
 * becomes a step of their plan at the community layer and the place a member of their network at that
 * layer, so it shows in the plan and the ecogram. What a person offers others (reciprocity) is shown at
 * the place only with their consent and without their name. An administrator publishes an activity to
 * the social map, where matching finds it. Sign-ups, attendance and offers are the person's community
 * part and pass the gate; who came shows only for people the reader may read.
 */
@Service
public class Neighbourhood {

    private static final Set<Role> KEEP = Set.of(Role.COORDINATOR, Role.ADMINISTRATOR);

    private final PlaceStore store;
    private final PersonAccess access;
    private final Plans plans;
    private final CommunityEcogram ecogram;
    private final SocialMap socialMap;
    private final MessageSource messages;
    private final SupportEndings endings;

    Neighbourhood(PlaceStore store, PersonAccess access, Plans plans, CommunityEcogram ecogram, SocialMap socialMap,
                  MessageSource messages, SupportEndings endings) {
        this.endings = endings;
        this.store = store;
        this.access = access;
        this.plans = plans;
        this.ecogram = ecogram;
        this.socialMap = socialMap;
        this.messages = messages;
    }

    /** Whether the user looks places up (staff who support people) or keeps them (coordinators, administrators). */
    public static boolean looks(CurrentUser user) {
        return user.role().supportsPeople() || KEEP.contains(user.role());
    }

    public static boolean keeps(CurrentUser user) {
        return KEEP.contains(user.role());
    }

    @Transactional(readOnly = true)
    public List<Place.Summary> list() {
        return store.list(looker().organisationId());
    }

    /** A place with its activities; who signed up or came only as far as the reader may read them. */
    @Transactional
    public Place get(UUID placeId) {
        looker();
        PlaceStore.PlaceHead h = place(placeId);
        List<UUID> ids = store.participantIds(placeId);
        Set<UUID> readable = ids.isEmpty() ? Set.of() : new LinkedHashSet<>(access.readable(ids, Part.COMMUNITY));
        return store.view(h, readable);
    }

    @Transactional
    public UUID create(NeighbourhoodCommands.SavePlace c) {
        CurrentUser user = keeper();
        if (store.nameTaken(user.organisationId(), c.name(), null)) {
            throw new RuleViolation("name", "community.place.nameTaken");
        }
        return store.insertPlace(user.organisationId(), c);
    }

    /** A change with the version the editor saw; someone else's change in between: 409. */
    @Transactional
    public void change(UUID placeId, NeighbourhoodCommands.SavePlace c) {
        CurrentUser user = keeper();
        place(placeId);
        if (store.nameTaken(user.organisationId(), c.name(), placeId)) {
            throw new RuleViolation("name", "community.place.nameTaken");
        }
        store.updatePlace(placeId, c);
    }

    @Transactional
    public UUID addActivity(UUID placeId, NeighbourhoodCommands.AddActivity c) {
        CurrentUser user = keeper();
        place(placeId);
        if (c.endsAt() != null && !c.endsAt().isAfter(c.startsAt())) {
            throw new RuleViolation("endsAt", "community.activity.endsBeforeStart");
        }
        return store.insertActivity(user.organisationId(), placeId, c);
    }

    /**
     * An administrator (who keeps the social map) publishes the activity as an offer at the general and
     * collective layer, so the map's search and matching find it; published before: the offer is brought
     * up to date. An activity needs an end time to have opening hours.
     */
    @Transactional
    public UUID publish(UUID activityId) {
        CurrentUser user = CurrentUser.get();
        if (!user.is(Role.ADMINISTRATOR)) {
            throw new AccessRefused("community.place.publishAdminOnly");
        }
        PlaceStore.ActivityHead a = activity(activityId);
        if (a.endsAt() == null) {
            throw new RuleViolation("endsAt", "community.activity.noEndForMap");
        }
        Map<String, String> fields = offerFields(a);
        if (a.offerId() != null) {
            socialMap.update(a.offerId(), socialMap.offer(a.offerId()).version(), fields);
            return a.offerId();
        }
        UUID offer = socialMap.create(fields);
        store.published(activityId, offer);
        return offer;
    }

    /** The place an activity is held at (for the way back to its page). */
    @Transactional(readOnly = true)
    public UUID placeOf(UUID activityId) {
        return activity(activityId).placeId();
    }

    /** The places where a person may offer something (on their tab), for someone who may write their community part. */
    @Transactional(readOnly = true)
    public List<Place.Summary> placesFor(UUID personId) {
        return access.may(personId, Part.COMMUNITY, AccessKind.WRITE_AS_PERSON)
                ? store.list(CurrentUser.get().organisationId()) : List.of();
    }

    /** Activities a person may be signed up for (on their tab), for someone who may write their community part. */
    @Transactional(readOnly = true)
    public List<Place.Choice> choicesFor(UUID personId) {
        return access.may(personId, Part.COMMUNITY, AccessKind.WRITE_AS_PERSON)
                ? store.choices(CurrentUser.get().organisationId()) : List.of();
    }

    /**
     * A person signs up (the person themselves, or their team). Full: refused. With a goal (their team):
     * a step of their plan at the community layer, and the place in their network at that layer (the ecogram).
     */
    @Transactional
    public void signUp(UUID personId, NeighbourhoodCommands.SignUp c) {
        access.require(personId, Part.COMMUNITY, AccessKind.WRITE_AS_PERSON);
        UUID activityId = c.activityId();
        PlaceStore.ActivityHead a = activity(activityId);
        if (store.signedUp(activityId, personId)) {
            throw new RuleViolation("personId", "community.activity.alreadySignedUp");
        }
        if (a.capacity() != null && store.signUps(activityId) >= a.capacity()) {
            throw new RuleViolation("activityId", "community.activity.full");
        }
        store.signUp(activityId, a.organisationId(), personId, LocalDate.now());
        if (c.goalId() != null) {
            PlanView plan = plans.current(personId)
                    .filter(p -> p.goals().stream().anyMatch(g -> g.id().equals(c.goalId())))
                    .orElseThrow(() -> new RuleViolation("goalId", "community.group.noSuchGoal"));
            Locale locale = LocaleContextHolder.getLocale();
            String day = messages.getMessage("socialmap.day." + a.weekday().name(), null, a.weekday().name(), locale);
            String what = messages.getMessage("community.activity.step", new Object[]{a.name(), a.placeName(), day,
                    a.startsAt().format(DateTimeFormatter.ofPattern("HH:mm"))}, a.name(), locale);
            UUID step = plans.addStep(personId, new PlanCommands.AddStep(c.goalId(), what, CommunityLayer.TAKER, null, null,
                    a.placeName(), Intensity.SUPPORT, null, null, plan.version()));
            store.linkStep(activityId, personId, step);
            ecogram.show(personId, a.name() + " (" + a.placeName() + ")", NetworkMember.Relation.SERVICE, CommunityLayer.LAYER,
                    NetworkMember.SupportKind.COMPANY).ifPresent(entry -> store.linkNetworkEntry(activityId, personId, entry));
        }
    }

    /**
     * The person stops going (signs off: themselves or their team). The sign-up goes (the days they came stay); the
     * plan step it became ends with the reason and the place leaves their current network (issue 20, item 5).
     */
    @Transactional
    public void signOff(UUID personId, UUID activityId) {
        access.require(personId, Part.COMMUNITY, AccessKind.WRITE_AS_PERSON);
        activity(activityId);
        PlaceStore.SignUp s = store.signOff(activityId, personId)
                .orElseThrow(() -> new RuleViolation("activityId", "community.activity.notSignedUp"));
        endings.ended(personId, s.planStepId(), s.networkMemberId(), LocalDate.now(), "SIGNED_OFF");
    }

    /** The person came (signed up or walked in); not in the future, once a day. */
    @Transactional
    public void attend(UUID personId, NeighbourhoodCommands.RecordAttendance c) {
        access.require(personId, Part.COMMUNITY, AccessKind.WRITE_AS_PERSON);
        UUID activityId = c.activityId();
        PlaceStore.ActivityHead a = activity(activityId);
        if (c.attendedOn().isAfter(LocalDate.now())) {
            throw new RuleViolation("attendedOn", "community.activity.attendedFuture");
        }
        if (store.attended(activityId, personId, c.attendedOn())) {
            throw new RuleViolation("attendedOn", "community.activity.alreadyThere");
        }
        store.attend(activityId, a.organisationId(), personId, c.attendedOn());
    }

    /** The person's part in the neighbourhood: what they take part in, what they offer. */
    @Transactional
    public PersonCommunity ofPerson(UUID personId) {
        access.read(personId, Part.COMMUNITY);
        return store.ofPerson(personId);
    }

    /** What the person offers others; shown at the place (without a name) only with their consent. */
    @Transactional
    public UUID offer(UUID personId, NeighbourhoodCommands.OfferStrength c) {
        access.require(personId, Part.COMMUNITY, AccessKind.WRITE_AS_PERSON);
        if (c.placeId() != null) {
            store.head(c.placeId()).filter(p -> p.organisationId().equals(CurrentUser.get().organisationId()))
                    .orElseThrow(() -> new RuleViolation("placeId", "community.place.unknown"));
        }
        return store.offer(CurrentUser.get().organisationId(), personId, c, Boolean.TRUE.equals(c.consent()) ? LocalDate.now() : null);
    }

    /** The person takes an offer back (or withdraws their consent): it is no longer shown. */
    @Transactional
    public void withdraw(UUID personId, UUID offerId) {
        access.require(personId, Part.COMMUNITY, AccessKind.WRITE_AS_PERSON);
        if (!store.withdraw(personId, offerId, LocalDate.now())) {
            throw new NotFound("offer");
        }
    }

    // ---- inside ----

    private Map<String, String> offerFields(PlaceStore.ActivityHead a) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("external_key", "community:" + a.id());
        f.put("provider", a.placeName());
        f.put("provider_kind", "INFORMAL_INITIATIVE");
        f.put("name", a.name());
        String where = a.address() == null ? a.placeName() : a.placeName() + ", " + a.address();
        f.put("description", (a.description() == null ? a.name() : a.description()) + " (" + where
                + (a.hostName() == null ? "" : "; " + a.hostName()) + ")");
        f.put("domains", (a.lifeDomain() == null ? LifeDomain.SOCIAL_INCLUSION : a.lifeDomain()).name());
        f.put("target_groups", "EVERYONE");
        f.put("layer", CommunityLayer.LAYER.name());
        f.put("intensity", Intensity.SUPPORT.name());
        f.put("working_area", a.neighbourhood());
        f.put("opening_hours", a.weekday().name().substring(0, 2) + " " + a.startsAt().format(DateTimeFormatter.ofPattern("HH:mm"))
                + "-" + a.endsAt().format(DateTimeFormatter.ofPattern("HH:mm")));
        f.put("access_route", "FREE");
        f.put("accessibility", a.accessibility().stream().map(Enum::name).collect(Collectors.joining("|")));
        f.put("last_checked", LocalDate.now().toString());
        return f;
    }

    private CurrentUser looker() {
        CurrentUser user = CurrentUser.get();
        if (!looks(user)) {
            throw new AccessRefused("community.place.refused");
        }
        return user;
    }

    private CurrentUser keeper() {
        CurrentUser user = CurrentUser.get();
        if (!keeps(user)) {
            throw new AccessRefused("community.refused.coordinatorsOnly");
        }
        return user;
    }

    private PlaceStore.PlaceHead place(UUID placeId) {
        PlaceStore.PlaceHead h = store.head(placeId).orElseThrow(() -> new NotFound("place"));
        if (!h.organisationId().equals(CurrentUser.get().organisationId())) {
            throw new AccessRefused("community.place.refused");
        }
        return h;
    }

    private PlaceStore.ActivityHead activity(UUID activityId) {
        PlaceStore.ActivityHead a = store.activity(activityId).orElseThrow(() -> new NotFound("activity"));
        if (!a.organisationId().equals(CurrentUser.get().organisationId())) {
            throw new AccessRefused("community.place.refused");
        }
        return a;
    }
}
