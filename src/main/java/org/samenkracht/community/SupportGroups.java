package org.samenkracht.community;

import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.common.domain.NotFound;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.community.internal.SupportGroupStore;
import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.samenkracht.plan.PlanCommands;
import org.samenkracht.plan.PlanView;
import org.samenkracht.plan.Plans;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.CareTeam;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.samenkracht.vocabulary.Intensity;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Support groups of peers (seed 2.8): coordinators start a group with a coach, a rhythm and agreements on
 * mutual support; a professional of the person's team adds them (with a small plan of their own, and
 * the group as a step of their plan at the community layer, and in their ecogram); the coach keeps the topics the members
 * chose and records each meeting with progress and a next step per member. Never a discussion of a
 * member without that member: progress is recorded only for a member who is there. Everything about a
 * member passes the gate; a member the reader may not read is left out of members, topics and meetings.
 */
@Service
public class SupportGroups {

    private static final Set<Role> MAY_LIST = Set.of(Role.COORDINATOR, Role.ADMINISTRATOR, Role.COACH, Role.PROFESSIONAL);
    private static final Set<Role> KEEP_GROUPS = Set.of(Role.COORDINATOR, Role.ADMINISTRATOR);
    private static final Set<Role> MAY_COACH = Set.of(Role.COORDINATOR, Role.COACH, Role.PROFESSIONAL);

    private final SupportGroupStore store;
    private final PersonAccess access;
    private final CareTeam careTeam;
    private final Accounts accounts;
    private final Plans plans;
    private final MessageSource messages;
    private final CommunityEcogram ecogram;
    private final SupportEndings endings;

    SupportGroups(SupportGroupStore store, PersonAccess access, CareTeam careTeam, Accounts accounts, Plans plans,
                  MessageSource messages, CommunityEcogram ecogram, SupportEndings endings) {
        this.ecogram = ecogram;
        this.endings = endings;
        this.store = store;
        this.access = access;
        this.careTeam = careTeam;
        this.accounts = accounts;
        this.plans = plans;
        this.messages = messages;
    }

    /** Coordinators see the groups of their organisation; a coach or professional the groups they lead. */
    @Transactional(readOnly = true)
    public List<SupportGroup.Summary> list() {
        CurrentUser user = CurrentUser.get();
        if (!MAY_LIST.contains(user.role())) {
            throw new AccessRefused("community.group.refused");
        }
        return store.list(user.organisationId(), KEEP_GROUPS.contains(user.role()) ? null : user.id());
    }

    /** The groups of the organisation a person may be added to (for staff on the person's community tab). */
    @Transactional(readOnly = true)
    public List<SupportGroup.Summary> joinable() {
        CurrentUser user = CurrentUser.get();
        return MAY_LIST.contains(user.role()) ? store.list(user.organisationId(), null) : List.of();
    }

    /** The groups a person is in (their community part). */
    @Transactional
    public List<SupportGroup.Summary> groupsOf(UUID personId) {
        access.read(personId, Part.COMMUNITY);
        return store.groupsOf(personId);
    }

    /** Whether the current user may start groups (the page shows the form only then). */
    public static boolean keepsGroups(CurrentUser user) {
        return KEEP_GROUPS.contains(user.role());
    }

    @Transactional
    public UUID create(SupportGroupCommands.CreateGroup c) {
        CurrentUser user = CurrentUser.get();
        if (!KEEP_GROUPS.contains(user.role())) {
            throw new AccessRefused("community.group.refused");
        }
        accounts.find(c.coachId()).filter(a -> a.organisationId().equals(user.organisationId()) && MAY_COACH.contains(a.role()))
                .orElseThrow(() -> new RuleViolation("coachId", "community.group.coachUnknown"));
        return store.create(user.organisationId(), c);
    }

    /** The group for its coach and the organisation's coordinators; members only as far as the gate allows. */
    @Transactional
    public SupportGroup get(UUID groupId) {
        SupportGroupStore.Head h = leadOrKeep(groupId);
        return view(h);
    }

    /**
     * A person joins. The caller must be allowed to write the person's community part (their team); the
     * coach gets the member's community part (and nothing else of the file) so they can record the
     * meetings, on the ground "coach of this group" (docs/decisions/0007); with a goal, the group becomes a
     * step under it at the community layer (so it shows in the plan and the ecogram).
     */
    @Transactional
    public void addMember(UUID groupId, SupportGroupCommands.AddMember c) {
        SupportGroupStore.Head h = inOrganisation(groupId);
        access.write(c.personId(), Part.COMMUNITY);
        if (store.memberIds(groupId).contains(c.personId())) {
            throw new RuleViolation("personId", "community.group.alreadyMember");
        }
        if (store.memberCount(groupId) >= h.maxMembers()) {
            throw new RuleViolation("personId", "community.group.full");
        }
        store.addMember(groupId, h.organisationId(), c.personId(), c.ownPlan(), LocalDate.now(), CurrentUser.get().id());
        // what the group needs, not the whole file (docs/decisions/0007): the member's community part only
        careTeam.grant(c.personId(), h.coachId(), h.organisationId(), ground(groupId), Set.of(Part.COMMUNITY));
        if (c.goalId() != null) {
            PlanView plan = plans.current(c.personId())
                    .filter(p -> p.goals().stream().anyMatch(g -> g.id().equals(c.goalId())))
                    .orElseThrow(() -> new RuleViolation("goalId", "community.group.noSuchGoal"));
            String what = messages.getMessage("community.group.step", new Object[]{h.name(), h.rhythm()}, h.name(),
                    LocaleContextHolder.getLocale());
            UUID step = plans.addStep(c.personId(), new PlanCommands.AddStep(c.goalId(), what, CommunityLayer.TAKER, null, null,
                    h.coachName(), Intensity.SUPPORT, null, null, plan.version()));
            store.linkStep(groupId, c.personId(), step);
            ecogram.show(c.personId(), h.name(), org.samenkracht.network.NetworkMember.Relation.PEER, CommunityLayer.LAYER,
                    org.samenkracht.network.NetworkMember.SupportKind.EMOTIONAL)
                    .ifPresent(entry -> store.linkNetworkEntry(groupId, c.personId(), entry));
        }
    }

    /**
     * A member leaves the group: the person themself, their team, or the group's coach ends it (anyone who may
     * write the member's community part as the person may). The coach's grant on the ground of this group ends
     * with it (docs/decisions/0007), so the coach no longer sees the member's community part, and the person sees
     * on their privacy page that it ended. Their progress of earlier meetings stays with the group's history.
     */
    @Transactional
    public void leave(UUID groupId, UUID personId) {
        SupportGroupStore.Head h = store.head(groupId).orElseThrow(() -> new NotFound("support group"));
        access.require(personId, Part.COMMUNITY, AccessKind.WRITE_AS_PERSON);
        if (!store.leave(groupId, personId, LocalDate.now())) {
            throw new RuleViolation("personId", "community.group.notAMember");
        }
        careTeam.endGrant(personId, h.coachId(), ground(groupId));
        // the group's step in the plan ends and its ecogram entry leaves the network; the person and their team may do
        // that, the coach (who sees only the community part) does it in the name of the one of the team who added them
        SupportGroupStore.Membership m = store.membership(groupId, personId).orElseThrow();
        LocalDate today = LocalDate.now();
        Runnable end = () -> endings.ended(personId, m.planStepId(), m.networkMemberId(), today, "LEFT_GROUP");
        if (access.may(personId, Part.PLAN, AccessKind.WRITE_AS_PERSON) || m.addedBy() == null
                || accounts.find(m.addedBy()).isEmpty()) {
            end.run();
        } else {
            accounts.onBehalfOf(m.addedBy(), end);
        }
    }

    /** The coach writes down a topic the members chose (optionally: which member chose it). */
    @Transactional
    public void addTopic(UUID groupId, SupportGroupCommands.AddTopic c) {
        SupportGroupStore.Head h = coach(groupId);
        if (c.chosenBy() != null) {
            if (!store.memberIds(groupId).contains(c.chosenBy())) {
                throw new RuleViolation("chosenBy", "community.group.notAMember");
            }
            access.write(c.chosenBy(), Part.COMMUNITY);
        }
        store.addTopic(groupId, h.organisationId(), c);
    }

    /**
     * The coach records a meeting: per member present or not, and for a member who is there their progress
     * on their last next step and a new one. Notes about a member who is not there are refused.
     */
    @Transactional
    public UUID recordMeeting(UUID groupId, SupportGroupCommands.RecordMeeting c) {
        SupportGroupStore.Head h = coach(groupId);
        if (c.heldOn().isAfter(LocalDate.now())) {
            throw new RuleViolation("heldOn", "community.group.meetingFuture");
        }
        if (store.meetingOn(groupId, c.heldOn())) {
            throw new RuleViolation("heldOn", "community.group.meetingExists");
        }
        List<SupportGroupCommands.MemberProgress> rows = c.members() == null ? List.of() : c.members();
        Set<UUID> members = new HashSet<>(store.memberIds(groupId));
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            var p = rows.get(i);
            if (!members.contains(p.personId()) || !seen.add(p.personId())) {
                throw new RuleViolation("members[" + i + "].personId", "community.group.notAMember");
            }
            if (!p.wasThere() && (notBlank(p.progress()) || notBlank(p.nextStep()))) {
                throw new RuleViolation("members[" + i + "].progress", "community.group.notPresent");
            }
        }
        for (var p : rows) {
            access.write(p.personId(), Part.COMMUNITY);
        }
        return store.recordMeeting(groupId, h.organisationId(), new SupportGroupCommands.RecordMeeting(c.heldOn(), c.topic(), rows));
    }

    // ---- inside ----

    private SupportGroup view(SupportGroupStore.Head h) {
        List<UUID> ids = store.memberIds(h.id());
        Set<UUID> readable = ids.isEmpty() ? Set.of() : new LinkedHashSet<>(access.readable(ids, Part.COMMUNITY));
        return store.view(h, readable);
    }

    private SupportGroupStore.Head inOrganisation(UUID groupId) {
        SupportGroupStore.Head h = store.head(groupId).orElseThrow(() -> new NotFound("support group"));
        if (!h.organisationId().equals(CurrentUser.get().organisationId())) {
            throw new AccessRefused("community.group.refused");
        }
        return h;
    }

    private SupportGroupStore.Head leadOrKeep(UUID groupId) {
        SupportGroupStore.Head h = inOrganisation(groupId);
        CurrentUser user = CurrentUser.get();
        if (!h.coachId().equals(user.id()) && !KEEP_GROUPS.contains(user.role())) {
            throw new AccessRefused("community.group.refused");
        }
        return h;
    }

    private SupportGroupStore.Head coach(UUID groupId) {
        SupportGroupStore.Head h = inOrganisation(groupId);
        if (!h.coachId().equals(CurrentUser.get().id())) {
            throw new AccessRefused("community.group.coachOnly");
        }
        return h;
    }

    /** The ground of the coach's grant: the group, so a member who leaves one group keeps the other's coach. */
    static String ground(UUID groupId) {
        return "GROUP:" + groupId;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
