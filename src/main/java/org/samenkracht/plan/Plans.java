package org.samenkracht.plan;

import org.samenkracht.vocabulary.Layer;
import org.samenkracht.common.domain.NotFound;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.exploration.Wish;
import org.samenkracht.exploration.Wishes;
import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.samenkracht.network.LoadSignal;
import org.samenkracht.network.Network;
import org.samenkracht.network.NetworkMember;
import org.samenkracht.person.PersonView;
import org.samenkracht.person.Persons;
import org.samenkracht.plan.internal.PlanPrint;
import org.samenkracht.plan.internal.PlanStore;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.CareTeam;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The plan module's API: the person's support plan, built from the inside out, agreed to by both,
 * never overwritten. Every read and write passes {@link PersonAccess}; the rules live in
 * {@link InsideOutPolicy}, {@link DualSignOff} and {@link LoadWarningPolicy}.
 */
@Service
public class Plans {

    private final PlanStore store;
    private final PersonAccess access;
    private final Persons persons;
    private final Network network;
    private final Wishes wishes;
    private final CareTeam careTeam;
    private final Accounts accounts;
    private final MessageSource messages;
    private final PlanPrint print;
    private final Clock clock;

    Plans(PlanStore store, PersonAccess access, Persons persons, Network network, Wishes wishes, CareTeam careTeam,
          Accounts accounts, MessageSource messages, PlanPrint print,
          Optional<Clock> clock) {
        this.print = print;
        this.store = store;
        this.access = access;
        this.persons = persons;
        this.network = network;
        this.wishes = wishes;
        this.careTeam = careTeam;
        this.accounts = accounts;
        this.messages = messages;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /** The current version of the person's plan, as it stands (draft or signed). */
    @Transactional
    public Optional<PlanView> current(UUID personId) {
        access.read(personId, Part.PLAN);
        return store.current(personId, names(personId));
    }

    @Transactional
    public List<PlanVersions.Entry> versions(UUID personId) {
        access.read(personId, Part.PLAN);
        return store.versions(personId);
    }

    /** One version: a signed one as it was signed, or the current one. */
    @Transactional
    public PlanView version(UUID personId, int versionNo) {
        access.read(personId, Part.PLAN);
        return store.version(personId, versionNo)
                .or(() -> store.current(personId, names(personId)).filter(p -> p.versionNo() == versionNo))
                .orElseThrow(() -> new NotFound("plan version"));
    }

    @Transactional
    public PlanVersions.Comparison compare(UUID personId, int left, int right) {
        return PlanVersions.compare(version(personId, left), version(personId, right));
    }

    /** The current plan as a PDF in the reader's language (plain Dutch first), with the person's network listed. */
    @Transactional
    public byte[] printable(UUID personId) {
        return print.pdf(printableHtml(personId));
    }

    /** The XHTML the PDF is rendered from. */
    @Transactional
    public String printableHtml(UUID personId) {
        PersonView person = persons.get(personId);
        access.read(personId, Part.PLAN);
        PlanView plan = store.current(personId, names(personId)).orElseThrow(() -> new NotFound("plan"));
        String professional = plan.professionalAgreement() == null ? null
                : accounts.find(plan.professionalAgreement().by()).map(Accounts.Account::displayName).orElse(null);
        return print.html(person, plan, network.members(personId), professional, LocaleContextHolder.getLocale());
    }

    /** What the plan still lacks before it can be agreed to, in the user's language. */
    @Transactional
    public DualSignOff.Outcome signOffState(UUID personId) {
        PlanView plan = current(personId).orElseThrow(() -> new NotFound("plan"));
        return DualSignOff.outcome(plan, LocalDate.now(clock));
    }

    public String describe(DualSignOff.Missing m) {
        Object[] args = m.args().stream()
                .map(a -> a instanceof String s && s.startsWith("layer.") ? new DefaultMessageSourceResolvable(s) : a)
                .toArray();
        return messages.getMessage(m.messageKey(), args, LocaleContextHolder.getLocale());
    }

    @Transactional
    public UUID start(UUID personId) {
        PersonView person = persons.get(personId);
        access.write(personId, Part.PLAN);
        return store.currentId(personId)
                .orElseGet(() -> store.start(person.organisationId(), personId, CurrentUser.get().id()));
    }

    @Transactional
    public UUID addGoal(UUID personId, PlanCommands.AddGoal c) {
        access.write(personId, Part.PLAN);
        Wish wish = wishes.prioritised(personId).stream().filter(w -> w.id().equals(c.wishId())).findFirst()
                .orElseThrow(() -> new RuleViolation("wishId", "plan.goal.notAWish"));
        List<String> domains = c.domains() == null ? List.of() : c.domains().stream().map(Enum::name).toList();
        return store.addGoal(personId, c.version(), wish.id(), c.ownWords(), c.meaning(),
                c.intendedResult(), c.term(), c.reachedWhen(), domains);
    }

    @Transactional
    public UUID addOption(UUID personId, PlanCommands.AddOption c) {
        access.write(personId, Part.PLAN);
        return store.addOption(personId, c.version(), c.goalId(), c.description(), c.advantages(), c.disadvantages());
    }

    @Transactional
    public void chooseOptions(UUID personId, PlanCommands.ChooseOptions c) {
        access.write(personId, Part.PLAN);
        store.chooseOptions(personId, c.version(), c.goalId(), c.bestId(), c.secondId());
    }

    @Transactional
    public void answerLayer(UUID personId, PlanCommands.AnswerLayer c) {
        access.write(personId, Part.PLAN);
        store.answerLayer(personId, c.version(), c.goalId(), c.layer(), c.answer());
    }

    @Transactional
    public UUID addStep(UUID personId, PlanCommands.AddStep c) {
        access.write(personId, Part.PLAN);
        Layer layer = layerOf(personId, c.taker(), c.networkMemberId(), c.professionalId(), c.loadReason());
        return store.addStep(personId, c.version(), c, layer);
    }

    @Transactional
    public void reassignStep(UUID personId, PlanCommands.ReassignStep c) {
        access.write(personId, Part.PLAN);
        Layer layer = layerOf(personId, c.taker(), c.networkMemberId(), c.professionalId(), c.loadReason());
        store.reassignStep(personId, c.version(), c, layer);
    }

    @Transactional
    public void removeStep(UUID personId, UUID stepId, int version) {
        access.write(personId, Part.PLAN);
        store.removeStep(personId, version, stepId);
    }

    @Transactional
    public void setEvaluationDate(UUID personId, PlanCommands.SetEvaluationDate c) {
        access.write(personId, Part.PLAN);
        store.evaluateOn(personId, c.version(), c.evaluationDate(), LocalDate.now(clock));
    }

    /**
     * Agreement of the person's side: the person from their own account, or recorded by the team for
     * a representative or a signature on paper (then {@code onBehalf} says whose).
     */
    @Transactional
    public DualSignOff.Outcome agreeAsPerson(UUID personId, PlanCommands.Agree c) {
        CurrentUser user = CurrentUser.get();
        boolean self = user.isPersonHimself(personId);
        access.require(personId, Part.PLAN, self ? AccessKind.WRITE_AS_PERSON : AccessKind.WRITE);
        if (!self && (c.onBehalf() == null || c.onBehalf().isBlank())) {
            throw new RuleViolation("onBehalf", "plan.signOff.onBehalfRequired");
        }
        requireComplete(personId);
        return signedOff(personId, store.agreeAsPerson(personId, c.version(), user.id(), self ? null : c.onBehalf(),
                c.remark(), Instant.now(clock)));
    }

    @Transactional
    public DualSignOff.Outcome agreeAsProfessional(UUID personId, PlanCommands.Agree c) {
        CurrentUser user = CurrentUser.get();
        access.require(personId, Part.PLAN, AccessKind.WRITE);
        if (!user.role().supportsPeople()) {
            throw new RuleViolation("plan", "plan.signOff.professionalOnly");
        }
        requireComplete(personId);
        return signedOff(personId, store.agreeAsProfessional(personId, c.version(), user.id(), c.remark(),
                Instant.now(clock)));
    }

    @Transactional
    public void remark(UUID personId, PlanCommands.Remark c) {
        boolean self = CurrentUser.get().isPersonHimself(personId);
        access.require(personId, Part.PLAN, self ? AccessKind.WRITE_AS_PERSON : AccessKind.WRITE);
        store.remark(personId, c.version(), self, c.remark());
    }

    /** The person refuses the plan or a step. Recorded by the person, or by the team in the person's words. */
    @Transactional
    public void refuse(UUID personId, PlanCommands.Refuse c) {
        access.require(personId, Part.PLAN, AccessKind.WRITE_AS_PERSON);
        UUID by = CurrentUser.get().id();
        store.refuse(personId, c.version(), c, by, Instant.now(clock), LocalDate.now(clock));
    }

    @Transactional
    public void recordFamilyView(UUID personId, PlanCommands.RecordFamilyView c) {
        access.write(personId, Part.PLAN);
        store.recordFamilyView(personId, c.version(), c);
    }

    private DualSignOff.Outcome signedOff(UUID personId, boolean isFinal) {
        PlanView plan = store.current(personId, names(personId)).orElseThrow();
        if (isFinal) {
            PersonView person = persons.get(personId);
            store.keepSignedVersion(person.organisationId(), plan, Instant.now(clock));
        }
        return DualSignOff.outcome(plan, LocalDate.now(clock));
    }

    private void requireComplete(UUID personId) {
        PlanView plan = store.current(personId, names(personId)).orElseThrow(() -> new NotFound("plan"));
        List<DualSignOff.Missing> missing = DualSignOff.missing(plan, LocalDate.now(clock));
        if (plan.agreed()) {
            throw new RuleViolation("plan", "plan.signOff.alreadyFinal");
        }
        if (!missing.isEmpty()) {
            throw new RuleViolation("plan", "plan.signOff.incomplete",
                    missing.stream().map(this::describe).collect(Collectors.joining(" ")));
        }
    }

    /** Checks who takes a step, warns about load, and says in which layer the step sits. */
    private Layer layerOf(UUID personId, String taker, UUID memberId, UUID professionalId, String loadReason) {
        if ("NETWORK".equals(taker) && memberId != null) {
            NetworkMember member = network.member(personId, memberId)
                    .orElseThrow(() -> new RuleViolation("networkMemberId", "plan.step.notInNetwork"));
            LoadSignal signal = network.loadSignal(personId, memberId);
            if (LoadWarningPolicy.assess(signal, loadReason) instanceof LoadWarningPolicy.Outcome.NeedsReason warn) {
                Object because = warn.signalReasonKey() == null ? ""
                        : new DefaultMessageSourceResolvable(new String[] {warn.signalReasonKey()}, "");
                throw new RuleViolation("loadReason", warn.messageKey(), member.name(), because);
            }
            return InsideOutPolicy.stepLayer(taker, member.layer());
        }
        if ("PROFESSIONAL".equals(taker) && professionalId != null
                && accounts.find(professionalId).filter(a -> a.role().supportsPeople()).isEmpty()) {
            throw new RuleViolation("professionalId", "plan.step.notAProfessional");
        }
        return InsideOutPolicy.stepLayer(taker == null ? "PERSON" : taker, null);
    }

    private PlanStore.Names names(UUID personId) {
        // Someone who may read the plan but not the network (a network member with consent for the
        // plan only) sees that a step is taken by someone from the network, not who.
        boolean seesNetwork = access.may(personId, Part.NETWORK, AccessKind.READ);
        Map<UUID, String> members = seesNetwork ? network.members(personId).stream()
                .collect(Collectors.toMap(NetworkMember::id, NetworkMember::name)) : Map.of();
        // A step's professional is looked up only when a step names one: among the colleagues if a step
        // form of this request has read them already, else in the person's care team (read once per
        // request, and who takes a step almost always is in it), then by id. Reading all colleagues for
        // the names alone read 2 067 accounts (3.2 ms in PostgreSQL) on every plan page of the
        // 100 000-person municipality, to name one or two.
        Map<UUID, String> team = new HashMap<>();
        boolean[] looked = new boolean[1];
        java.util.function.Function<UUID, String> professional = id -> {
            if (!team.containsKey(id) && !looked[0]) {
                looked[0] = true;
                CurrentUser.find().flatMap(u -> accounts.professionalsAlreadyRead(u.organisationId()))
                        .ifPresentOrElse(colleagues -> colleagues.forEach(a -> team.put(a.id(), a.displayName())),
                                () -> careTeam.members(personId).forEach(m -> team.putIfAbsent(m.userId(), m.displayName())));
            }
            return team.computeIfAbsent(id, k -> accounts.find(k).map(Accounts.Account::displayName).orElse("?"));
        };
        String left = messages.getMessage("plan.step.takerLeft", null, "?",
                org.springframework.context.i18n.LocaleContextHolder.getLocale());
        String someone = messages.getMessage("plan.step.someoneFromNetwork", null, "?",
                org.springframework.context.i18n.LocaleContextHolder.getLocale());
        return new PlanStore.Names(id -> members.getOrDefault(id, seesNetwork ? left : someone),
                professional);
    }

    /** Whether the signed-in user is the person themself (the person's side of the plan). */
    public static boolean isPersonsOwnView(UUID personId) {
        return CurrentUser.find().map(u -> u.is(Role.PERSON) && personId.equals(u.personId())).orElse(false);
    }
}
