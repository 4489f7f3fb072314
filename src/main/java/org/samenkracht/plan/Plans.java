package org.samenkracht.plan;

import org.samenkracht.common.web.NotFound;
import org.samenkracht.common.web.RuleViolation;
import org.samenkracht.identity.Accounts;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.network.Network;
import org.samenkracht.network.NetworkMember;
import org.samenkracht.person.PersonView;
import org.samenkracht.person.Persons;
import org.samenkracht.plan.internal.PlanStore;
import org.samenkracht.privacy.CareTeam;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The plan module's API: the person's support plan with goals in their own words and steps that
 * say who does what. Every read and write passes {@link PersonAccess}.
 */
@Service
public class Plans {

    private final PlanStore store;
    private final PersonAccess access;
    private final Persons persons;
    private final Network network;
    private final CareTeam careTeam;
    private final Accounts accounts;
    private final Clock clock;

    Plans(PlanStore store, PersonAccess access, Persons persons, Network network, CareTeam careTeam,
          Accounts accounts, Optional<Clock> clock) {
        this.store = store;
        this.access = access;
        this.persons = persons;
        this.network = network;
        this.careTeam = careTeam;
        this.accounts = accounts;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    @Transactional
    public Optional<PlanView> current(UUID personId) {
        requirePerson(personId);
        access.read(personId, "plan");
        Map<UUID, String> members = network.members(personId).stream()
                .collect(Collectors.toMap(NetworkMember::id, NetworkMember::name));
        Map<UUID, String> team = careTeam.members(personId).stream()
                .collect(Collectors.toMap(CareTeam.Member::userId, CareTeam.Member::displayName));
        return store.current(personId, members::get,
                id -> team.computeIfAbsent(id, k -> accounts.find(k).map(Accounts.Account::displayName).orElse("?")));
    }

    @Transactional
    public UUID start(UUID personId) {
        PersonView person = persons.get(personId);
        access.write(personId, "plan");
        return store.currentId(personId)
                .orElseGet(() -> store.start(person.organisationId(), personId, CurrentUser.get().id()));
    }

    @Transactional
    public UUID addGoal(UUID personId, PlanCommands.AddGoal c) {
        requirePerson(personId);
        access.write(personId, "plan");
        return store.addGoal(personId, c.version(), c.ownWords());
    }

    @Transactional
    public UUID addStep(UUID personId, PlanCommands.AddStep c) {
        requirePerson(personId);
        access.write(personId, "plan");
        if (c.networkMemberId() != null && network.member(personId, c.networkMemberId()).isEmpty()) {
            throw new RuleViolation("networkMemberId", "plan.step.notInNetwork");
        }
        if (c.professionalId() != null && accounts.find(c.professionalId())
                .filter(a -> a.role().supportsPeople()).isEmpty()) {
            throw new RuleViolation("professionalId", "plan.step.notAProfessional");
        }
        return store.addStep(personId, c.version(), c);
    }

    @Transactional
    public void setEvaluationDate(UUID personId, PlanCommands.SetEvaluationDate c) {
        requirePerson(personId);
        access.write(personId, "plan");
        store.setEvaluationDate(personId, c.version(), c.evaluationDate(), LocalDate.now(clock));
    }

    private void requirePerson(UUID personId) {
        if (!persons.exists(personId)) {
            throw new NotFound("person");
        }
    }
}
