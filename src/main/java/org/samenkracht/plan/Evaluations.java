package org.samenkracht.plan;

import org.samenkracht.common.domain.NotFound;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.person.Persons;
import org.samenkracht.plan.internal.PlanStore;
import org.samenkracht.privacy.PersonAccess;
import org.samenkracht.privacy.Part;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The evaluation cycle: evaluations at the agreed dates, the overdue ones on the worklists of the
 * professional and the coach, and the times from first contact to the first plan and first support.
 */
@Service
public class Evaluations {

    public record Evaluation(UUID id, int planVersionNo, LocalDate heldOn, String wentWell, String learned,
                             List<PlanCommands.GoalReview> goals, boolean relationshipOnTrack, boolean trust,
                             boolean activitiesGoingWell, boolean phasesConnect, Set<PlanCommands.Signal> signals,
                             String signalNote, PlanCommands.Decision decision, LocalDate nextEvaluationDate,
                             String recordedBy) {
    }

    /** An evaluation that is due or overdue, on a team member's worklist. */
    public record Due(UUID personId, String personName, LocalDate evaluationDate, long daysOverdue, String teamRole) {
    }

    public record Timeline(LocalDate firstContact, Instant firstSignedAt, LocalDate firstSupportOn,
                           Long daysToFirstSignedPlan, Long daysToFirstSupport) {
    }

    private final PlanStore store;
    private final PersonAccess access;
    private final Persons persons;
    private final Clock clock;

    Evaluations(PlanStore store, PersonAccess access, Persons persons, Optional<Clock> clock) {
        this.store = store;
        this.access = access;
        this.persons = persons;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    @Transactional
    public List<Evaluation> of(UUID personId) {
        access.read(personId, Part.EVALUATIONS);
        return store.evaluations(personId);
    }

    @Transactional
    public UUID record(UUID personId, PlanCommands.RecordEvaluation c) {
        access.write(personId, Part.EVALUATIONS);
        LocalDate today = LocalDate.now(clock);
        if (c.heldOn().isAfter(today)) {
            throw new RuleViolation("heldOn", "plan.evaluation.heldInFuture");
        }
        if (c.decision() != PlanCommands.Decision.END) {
            if (c.nextEvaluationDate() == null) {
                throw new RuleViolation("nextEvaluationDate", "plan.evaluation.nextRequired");
            }
            if (!c.nextEvaluationDate().isAfter(today)) {
                throw new RuleViolation("nextEvaluationDate", "plan.evaluationDate.future");
            }
        }
        return store.recordEvaluation(personId, c, CurrentUser.get().id());
    }

    /** Evaluations due today or earlier, of the persons in whose care team the signed-in user is. */
    @Transactional
    public List<Due> worklist() {
        CurrentUser user = CurrentUser.get();
        LocalDate today = LocalDate.now(clock);
        List<Due> due = store.overdue(user.id(), today);
        var shown = java.util.Set.copyOf(access.readable(due.stream().map(Due::personId).distinct().toList(), Part.EVALUATIONS));
        return due.stream().filter(d -> shown.contains(d.personId())).toList();
    }

    @Transactional
    public Timeline timeline(UUID personId) {
        var person = persons.whose(personId, Part.EVALUATIONS);
        access.read(personId, Part.EVALUATIONS);
        ZoneId zone = clock.getZone();
        LocalDate contact = person.registeredAt().atZone(zone).toLocalDate();
        return store.milestones(personId)
                .map(m -> new Timeline(contact, m.firstSignedAt(), m.firstSupportOn(),
                        m.firstSignedAt() == null ? null
                                : ChronoUnit.DAYS.between(contact, m.firstSignedAt().atZone(zone).toLocalDate()),
                        m.firstSupportOn() == null ? null : ChronoUnit.DAYS.between(contact, m.firstSupportOn())))
                .orElse(new Timeline(contact, null, null, null, null));
    }

    /** Records the day the first support actually started (kept once: the first one counts). */
    @Transactional
    public void supportStarted(UUID personId, PlanCommands.SupportStarted c) {
        var person = persons.get(personId);
        access.write(personId, Part.EVALUATIONS);
        if (c.startedOn().isAfter(LocalDate.now(clock))) {
            throw new RuleViolation("startedOn", "plan.support.startedInFuture");
        }
        if (c.startedOn().isBefore(person.registeredAt().atZone(clock.getZone()).toLocalDate())) {
            throw new RuleViolation("startedOn", "plan.support.beforeContact");
        }
        store.firstSupport(person.organisationId(), personId, c.startedOn());
    }
}
