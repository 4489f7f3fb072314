package org.samenkracht.network;

import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.common.domain.NotFound;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.samenkracht.network.MemberProfile.EnteredBy;
import org.samenkracht.network.NetworkHistory.Change;
import org.samenkracht.network.NetworkHistory.FieldChange;
import org.samenkracht.network.NetworkMemberRemoved.TaskHandling;
import org.samenkracht.network.internal.NetworkStore;
import org.samenkracht.network.internal.NetworkStore.Version;
import org.samenkracht.person.PersonView;
import org.samenkracht.person.Persons;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The network module's API: the person's support system. Network members are personal data of
 * third parties, so only the person and their care team see them (through {@link PersonAccess});
 * both may draw the network (the person through {@link AccessKind#WRITE_AS_PERSON}), and what each
 * entered is told apart. Every change is kept as a version, so the network on an earlier date can
 * be shown. A network member with an account sees only their own entry ({@link #mine()}).
 */
@Service
public class Network {

    /** Dates in the support system are days in the Netherlands and Flanders. */
    public static final ZoneId ZONE = org.samenkracht.common.time.AmsterdamTime.ZONE;

    private final NetworkStore store;
    private final PersonAccess access;
    private final Persons persons;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<MemberTasks> memberTasks;

    Network(NetworkStore store, PersonAccess access, Persons persons, ApplicationEventPublisher events,
            ObjectProvider<MemberTasks> memberTasks) {
        this.store = store;
        this.access = access;
        this.persons = persons;
        this.events = events;
        this.memberTasks = memberTasks;
    }

    // ---- reading ---------------------------------------------------------------------------

    @Transactional
    public List<NetworkMember> members(UUID personId) {
        return profiles(personId).stream().map(MemberProfile::toMember).toList();
    }

    @Transactional
    public Optional<NetworkMember> member(UUID personId, UUID memberId) {
        return profile(personId, memberId).map(MemberProfile::toMember);
    }

    /** The current members with everything known about them and the load warnings they raise. */
    @Transactional
    public List<MemberProfile> profiles(UUID personId) {
        access.read(personId, Part.NETWORK);
        return NetworkLoadPolicy.assessAll(store.members(personId));
    }

    @Transactional
    public Optional<MemberProfile> profile(UUID personId, UUID memberId) {
        return profiles(personId).stream().filter(m -> m.id().equals(memberId)).findFirst();
    }

    @Transactional
    public NetworkQualities qualities(UUID personId) {
        return NetworkQualities.of(profiles(personId));
    }

    /** Groups of current members that look like the same person (same name apart from notes in brackets). */
    @Transactional
    public List<List<MemberProfile>> duplicates(UUID personId) {
        return duplicatesAmong(profiles(personId));
    }

    public static List<List<MemberProfile>> duplicatesAmong(List<MemberProfile> members) {
        Map<String, List<MemberProfile>> byKey = new LinkedHashMap<>();
        members.forEach(m -> byKey.computeIfAbsent(nameKey(m.name()), k -> new ArrayList<>()).add(m));
        return byKey.values().stream().filter(g -> g.size() > 1).map(List::copyOf).toList();
    }

    /**
     * The load signal for giving this member a task (used by the plan when dividing tasks): whether
     * they are overloaded by the {@link NetworkLoadPolicy}, and whether the person asked not to burden them.
     */
    @Transactional
    public LoadSignal loadSignal(UUID personId, UUID memberId) {
        MemberProfile m = profile(personId, memberId).orElseThrow(() -> new NotFound("network member"));
        boolean overloaded = !m.warnings().isEmpty();
        String reason = m.doNotBurden() ? "network.load.doNotBurden"
                : overloaded ? m.warnings().get(0).messageKey() : null;
        return new LoadSignal(overloaded, m.doNotBurden(), reason);
    }

    // ---- drawing the network ----------------------------------------------------------------

    /** Adds a member without a duplicate check (kept for callers of the first API). */
    @Transactional
    public UUID add(UUID personId, AddNetworkMember command) {
        return ((Addition.Added) add(personId, SaveMember.of(command), true)).id();
    }

    /**
     * Adds a member. Unless {@code evenIfDuplicate}, someone with the same name is first offered
     * for merging instead.
     */
    @Transactional
    public Addition add(UUID personId, SaveMember c, boolean evenIfDuplicate) {
        PersonView person = persons.get(personId);
        access.require(personId, Part.NETWORK, AccessKind.WRITE_AS_PERSON);
        check(c);
        if (!evenIfDuplicate) {
            String key = nameKey(c.name());
            List<MemberProfile> same = store.members(personId).stream().filter(m -> nameKey(m.name()).equals(key)).toList();
            if (!same.isEmpty()) {
                return new Addition.PossibleDuplicate(same);
            }
        }
        CurrentUser user = CurrentUser.get();
        Instant from = validFrom(c.since(), null);
        UUID id = UUID.randomUUID();
        store.insert(id, person.organisationId(), personId, c, enteredBy(user), user.id(), from);
        store.snapshot(id, NetworkHistory.Kind.ADDED, from, user.id(), user.role().name());
        return new Addition.Added(id);
    }

    @Transactional
    public void change(UUID personId, UUID memberId, SaveMember c) {
        access.require(personId, Part.NETWORK, AccessKind.WRITE_AS_PERSON);
        requireMember(personId, memberId);
        check(c);
        if (c.version() == null) {
            throw new RuleViolation("version", "validation.required");
        }
        CurrentUser user = CurrentUser.get();
        Instant from = validFrom(c.since(), memberId);
        store.update(personId, memberId, c);
        store.snapshot(memberId, NetworkHistory.Kind.CHANGED, from, user.id(), user.role().name());
    }

    /** Open tasks of this member in the person's plan, as the plan tells them (see {@link MemberTasks}). */
    @Transactional
    public List<String> tasksOf(UUID personId, UUID memberId) {
        access.read(personId, Part.NETWORK);
        requireMember(personId, memberId);
        return tasks(personId, memberId);
    }

    /**
     * Removes a member from the current network (their history stays). When they carry tasks and
     * {@code handling} is null, nothing happens and the tasks are returned to decide on first.
     */
    @Transactional
    public Removal remove(UUID personId, UUID memberId, TaskHandling handling, LocalDate since) {
        access.require(personId, Part.NETWORK, AccessKind.WRITE_AS_PERSON);
        requireMember(personId, memberId);
        List<String> tasks = tasks(personId, memberId);
        if (!tasks.isEmpty() && (handling == null || handling == TaskHandling.NONE)) {
            return new Removal.TasksNeedDecision(tasks);
        }
        CurrentUser user = CurrentUser.get();
        Instant from = validFrom(since, memberId);
        store.markRemoved(personId, memberId, from, null);
        store.snapshot(memberId, NetworkHistory.Kind.REMOVED, from, user.id(), user.role().name());
        events.publishEvent(new NetworkMemberRemoved(personId, memberId, tasks.isEmpty() ? TaskHandling.NONE : handling));
        return new Removal.Removed();
    }

    /**
     * Merges two entries of the same person: what {@code merged} gives and receives, closeness,
     * wishes and load reports move to {@code kept}; {@code merged} leaves the current network.
     */
    @Transactional
    public void merge(UUID personId, UUID keptId, UUID mergedId) {
        if (keptId.equals(mergedId)) {
            throw new RuleViolation("merged", "network.merge.same");
        }
        access.require(personId, Part.NETWORK, AccessKind.WRITE_AS_PERSON);
        MemberProfile kept = requireMember(personId, keptId);
        MemberProfile merged = requireMember(personId, mergedId);
        CurrentUser user = CurrentUser.get();
        Set<NetworkMember.SupportKind> received = union(kept.supportReceived(), merged.supportReceived());
        Set<NetworkMember.SupportKind> given = union(kept.supportGiven(), merged.supportGiven());
        boolean consent = kept.contactConsent() || merged.contactConsent();
        String contact = kept.contactDetails() != null ? kept.contactDetails() : merged.contactDetails();
        SaveMember combined = new SaveMember(kept.name(), kept.relation(), kept.layer(), received, given, consent,
                contact, kept.contactFrequency() != null ? kept.contactFrequency() : merged.contactFrequency(),
                max(kept.closeness(), merged.closeness()), kept.harmful() || merged.harmful(),
                kept.doNotBurden() || merged.doNotBurden(),
                kept.doNotBurdenNote() != null ? kept.doNotBurdenNote() : merged.doNotBurdenNote(), null, kept.version());
        Instant now = Instant.now();
        store.update(personId, keptId, combined);
        store.moveLoads(mergedId, keptId);
        store.markRemoved(personId, mergedId, now, keptId);
        store.snapshot(keptId, NetworkHistory.Kind.CHANGED, now, user.id(), user.role().name());
        store.snapshot(mergedId, NetworkHistory.Kind.MERGED, now, user.id(), user.role().name());
        events.publishEvent(new NetworkMembersMerged(personId, keptId, mergedId));
    }

    /** Records a member's load, by the person or the professional (a member reports their own via {@link #reportOwnLoad}). */
    @Transactional
    public void reportLoad(UUID personId, UUID memberId, ReportLoad r) {
        access.require(personId, Part.NETWORK, AccessKind.WRITE_AS_PERSON);
        MemberProfile m = requireMember(personId, memberId);
        checkLoad(m, r);
        CurrentUser user = CurrentUser.get();
        LoadReport.Source source = user.is(Role.PERSON) ? LoadReport.Source.PERSON : LoadReport.Source.PROFESSIONAL;
        store.insertLoad(store.organisationOf(memberId), personId, memberId, r, source, user.id());
    }

    /** Links a member's entry to their own account, so they can see it and report their load. */
    @Transactional
    public void linkAccount(UUID personId, UUID memberId, UUID accountId) {
        access.write(personId, Part.NETWORK);
        requireMember(personId, memberId);
        store.linkAccount(memberId, accountId);
    }

    // ---- history ----------------------------------------------------------------------------

    /** The network as it was at the end of {@code on}, and every change after it. */
    @Transactional
    public NetworkHistory history(UUID personId, LocalDate on) {
        access.read(personId, Part.NETWORK);
        return historyOf(store.versions(personId), personId, on);
    }

    static NetworkHistory historyOf(List<Version> versions, UUID personId, LocalDate on) {
        Instant end = on.plusDays(1).atStartOfDay(ZONE).toInstant();
        Map<UUID, Version> then = new LinkedHashMap<>();
        Map<UUID, Version> previous = new LinkedHashMap<>();
        List<Change> since = new ArrayList<>();
        for (Version v : versions) {
            if (v.validFrom().isBefore(end)) {
                then.put(v.memberId(), v);
            } else {
                since.add(new Change(v.validFrom(), v.memberId(), v.name(), v.kind(), by(v.byRole()),
                        fieldChanges(previous.get(v.memberId()), v)));
            }
            previous.put(v.memberId(), v);
        }
        List<MemberProfile> members = then.values().stream()
                .filter(v -> v.kind() != NetworkHistory.Kind.REMOVED && v.kind() != NetworkHistory.Kind.MERGED)
                .map(v -> new MemberProfile(v.memberId(), personId, v.name(), v.relation(), v.layer(), v.received(),
                        v.given(), false, null, null, v.closeness(), v.harmful(), v.doNotBurden(), null, by(v.byRole()),
                        null, 0, List.of(), List.of()))
                .sorted(java.util.Comparator.comparing((MemberProfile m) -> m.layer().ordinal()).thenComparing(MemberProfile::name))
                .toList();
        return new NetworkHistory(on, members, since);
    }

    private static List<FieldChange> fieldChanges(Version before, Version after) {
        List<FieldChange> changes = new ArrayList<>();
        if (before == null || after.kind() != NetworkHistory.Kind.CHANGED) {
            return changes;
        }
        if (!before.name().equals(after.name())) {
            changes.add(new FieldChange("network.name", List.of(before.name()), List.of(after.name()), false));
        }
        if (before.layer() != after.layer()) {
            changes.add(new FieldChange("network.layer", List.of("layer." + before.layer()), List.of("layer." + after.layer()), true));
        }
        if (!before.received().equals(after.received())) {
            changes.add(new FieldChange("network.supportReceived", keys(before.received()), keys(after.received()), true));
        }
        if (!before.given().equals(after.given())) {
            changes.add(new FieldChange("network.supportGiven", keys(before.given()), keys(after.given()), true));
        }
        if (!Objects.equals(before.closeness(), after.closeness())) {
            changes.add(new FieldChange("network.closeness", text(before.closeness()), text(after.closeness()), false));
        }
        if (before.harmful() != after.harmful()) {
            changes.add(new FieldChange("network.harmful", List.of("network.yesNo." + before.harmful()), List.of("network.yesNo." + after.harmful()), true));
        }
        if (before.doNotBurden() != after.doNotBurden()) {
            changes.add(new FieldChange("network.doNotBurden", List.of("network.yesNo." + before.doNotBurden()), List.of("network.yesNo." + after.doNotBurden()), true));
        }
        return changes;
    }

    // ---- a network member's own page ----------------------------------------------------------

    /**
     * The entries of the signed-in account in other people's networks: only their own entry, their
     * own load reports and their own tasks. Deliberately not through the person's file: a network
     * member has no access to it.
     */
    @Transactional(readOnly = true)
    public List<MemberEntry> mine() {
        CurrentUser user = CurrentUser.get();
        if (!user.is(Role.NETWORK_MEMBER)) {
            throw new AccessRefused("network.mine.notYours");
        }
        return store.ownedBy(user.id()).stream().map(o -> {
            MemberProfile self = store.member(o.personId(), o.memberId()).orElseThrow();
            MemberProfile forMember = new MemberProfile(self.id(), self.personId(), self.name(), self.relation(),
                    self.layer(), self.supportReceived(), self.supportGiven(), false, null, self.contactFrequency(),
                    null, false, false, null, self.enteredBy(), self.accountId(), self.version(), self.loads(),
                    List.copyOf(NetworkLoadPolicy.assess(self.loads(), 0).stream()
                            .filter(w -> w != LoadWarning.ALONE).toList()));
            return new MemberEntry(o.memberId(), o.personId(), o.personGivenName(), forMember, tasks(o.personId(), o.memberId()));
        }).toList();
    }

    /** A network member reports their own load; only on an entry that belongs to their account. */
    @Transactional
    public void reportOwnLoad(UUID memberId, ReportLoad r) {
        CurrentUser user = CurrentUser.get();
        NetworkStore.Owned own = store.ownedBy(user.id()).stream().filter(o -> o.memberId().equals(memberId)).findFirst()
                .orElseThrow(() -> new AccessRefused("network.mine.notYours"));
        MemberProfile m = store.member(own.personId(), memberId).orElseThrow();
        checkLoad(m, r);
        store.insertLoad(own.organisationId(), own.personId(), memberId, r, LoadReport.Source.MEMBER_SELF, user.id());
    }

    // ---- rules --------------------------------------------------------------------------------

    private static void check(SaveMember c) {
        if (c.name() == null || c.name().isBlank()) {
            throw new RuleViolation("name", "validation.required");
        }
        if (c.relation() == null) {
            throw new RuleViolation("relation", "validation.required");
        }
        if (c.layer() == null) {
            throw new RuleViolation("layer", "validation.required");
        }
        if (!org.samenkracht.vocabulary.Layer.forNetworkMembers().contains(c.layer())) {
            throw new RuleViolation("layer", "network.layer.notForMember");
        }
        if (!c.contactConsent() && c.contactDetails() != null && !c.contactDetails().isBlank()) {
            throw new RuleViolation("contactDetails", "network.contact.noConsent");
        }
        if (c.closeness() != null && (c.closeness() < 1 || c.closeness() > 5)) {
            throw new RuleViolation("closeness", "network.closeness.range");
        }
    }

    private static void checkLoad(MemberProfile m, ReportLoad r) {
        if (!m.informal()) {
            throw new RuleViolation("memberId", "network.load.onlyInformal");
        }
        if (r.reportedOn() == null) {
            throw new RuleViolation("reportedOn", "validation.required");
        }
        if (r.reportedOn().isAfter(LocalDate.now(ZONE))) {
            throw new RuleViolation("reportedOn", "network.load.future");
        }
        if (r.hoursPerWeek() == null || r.hoursPerWeek().compareTo(BigDecimal.ZERO) < 0
                || r.hoursPerWeek().compareTo(BigDecimal.valueOf(168)) > 0) {
            throw new RuleViolation("hoursPerWeek", "network.load.hoursRange");
        }
        if (r.capacity() == null || r.capacity() < 1 || r.capacity() > 5) {
            throw new RuleViolation("capacity", "network.load.scale");
        }
        if (r.burden() == null || r.burden() < 1 || r.burden() > 5) {
            throw new RuleViolation("burden", "network.load.scale");
        }
    }

    private Instant validFrom(LocalDate since, UUID memberId) {
        if (since == null) {
            return Instant.now();
        }
        if (since.isAfter(LocalDate.now(ZONE))) {
            throw new RuleViolation("since", "network.since.future");
        }
        Instant from = since.atStartOfDay(ZONE).toInstant();
        if (memberId != null) {
            Optional<Instant> last = store.lastChange(memberId);
            if (last.isPresent() && from.isBefore(last.get())) {
                throw new RuleViolation("since", "network.since.beforeLastChange");
            }
        }
        return from;
    }

    private List<String> tasks(UUID personId, UUID memberId) {
        return memberTasks.orderedStream().flatMap(t -> t.openTasks(personId, memberId).stream()).toList();
    }

    /** Only after the access check, so an outsider cannot tell which members exist. */
    private MemberProfile requireMember(UUID personId, UUID memberId) {
        return store.member(personId, memberId).orElseThrow(() -> new NotFound("network member"));
    }

    /** Same person when the names match apart from case, accents, spacing and notes in brackets. */
    static String nameKey(String name) {
        String withoutNotes = name.replaceAll("\\([^)]*\\)", " ");
        String plain = Normalizer.normalize(withoutNotes, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
    }

    private static EnteredBy enteredBy(CurrentUser user) {
        return user.is(Role.PERSON) ? EnteredBy.PERSON : EnteredBy.PROFESSIONAL;
    }

    private static EnteredBy by(String role) {
        return Role.PERSON.name().equals(role) ? EnteredBy.PERSON : EnteredBy.PROFESSIONAL;
    }

    private static Set<NetworkMember.SupportKind> union(Set<NetworkMember.SupportKind> a, Set<NetworkMember.SupportKind> b) {
        EnumSet<NetworkMember.SupportKind> s = EnumSet.noneOf(NetworkMember.SupportKind.class);
        s.addAll(a);
        s.addAll(b);
        return s;
    }

    private static Integer max(Integer a, Integer b) {
        return a == null ? b : b == null ? a : Integer.valueOf(Math.max(a, b));
    }

    private static List<String> keys(Collection<NetworkMember.SupportKind> kinds) {
        return kinds.stream().sorted().map(k -> "supportKind." + k.name()).collect(Collectors.toList());
    }

    private static List<String> text(Integer i) {
        return i == null ? List.of("—") : List.of(String.valueOf(i));
    }
}
