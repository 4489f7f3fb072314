package org.samenkracht.plan.internal;

import org.samenkracht.common.web.RequestMemo;

import org.samenkracht.common.domain.NotFound;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.plan.Evaluations;
import org.samenkracht.vocabulary.Layer;
import org.samenkracht.vocabulary.LifeDomain;
import org.samenkracht.plan.PlanCommands;
import org.samenkracht.plan.PlanVersions;
import org.samenkracht.plan.PlanView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Loads, changes and saves the plan aggregate; keeps signed versions and evaluations; builds the
 * views pages, the API and the printable plan show. Only the plan module's API calls it.
 */
@Component
public class PlanStore {

    /** How to name who takes a step: network members and professionals, looked up by the caller. */
    public record Names(Function<UUID, String> member, Function<UUID, String> professional) {
    }

    public record Milestones(Instant firstSignedAt, LocalDate firstSupportOn) {
    }

    private final SupportPlanRepository plans;
    private final PlanReads reads;
    private final JdbcClient jdbc;
    private final JsonMapper json;

    PlanStore(SupportPlanRepository plans, PlanReads reads, JdbcClient jdbc, JsonMapper json) {
        this.plans = plans;
        this.reads = reads;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The current plan as a view, read in one round trip (see {@link PlanReads}). */
    public Optional<PlanView> current(UUID personId, Names names) {
        return reads.current(personId, names);
    }

    /** The same view, built from the loaded aggregate (kept to check the read model against). */
    Optional<PlanView> currentFromAggregate(UUID personId, Names names) {
        return plans.findCurrent(personId).map(p -> view(p, names));
    }

    public Optional<UUID> currentId(UUID personId) {
        return jdbc.sql("select id from support_plan where person_id = ? and status <> 'ENDED' order by created_at desc limit 1")
                .param(personId).query(UUID.class).optional();
    }

    public UUID start(UUID organisationId, UUID personId, UUID by) {
        return plans.save(SupportPlan.start(organisationId, personId, by)).id;
    }

    public UUID addGoal(UUID personId, int version, UUID wishId, String ownWords, String meaning,
                        String intendedResult, String term, String reachedWhen, List<String> domains) {
        return change(personId, version, p -> p.addGoal(wishId, ownWords, meaning, intendedResult, term, reachedWhen, domains));
    }

    public UUID addOption(UUID personId, int version, UUID goalId, String description, String advantages,
                          String disadvantages) {
        return change(personId, version, p -> p.addOption(goalId, description, advantages, disadvantages));
    }

    public void chooseOptions(UUID personId, int version, UUID goalId, UUID best, UUID second) {
        change(personId, version, p -> {
            p.chooseOptions(goalId, best, second);
            return null;
        });
    }

    public void answerLayer(UUID personId, int version, UUID goalId, Layer layer, String answer) {
        change(personId, version, p -> {
            p.answerLayer(goalId, layer, answer);
            return null;
        });
    }

    public UUID addStep(UUID personId, int version, PlanCommands.AddStep c, Layer layer) {
        return change(personId, version, p -> p.addStep(c.goalId(), new SupportPlan.StepContent(c.description(),
                c.taker(), layer, c.intensity(), c.ownPart(), c.networkMemberId(), c.professionalId(), c.provider(),
                c.loadReason())));
    }

    public void reassignStep(UUID personId, int version, PlanCommands.ReassignStep c, Layer layer) {
        change(personId, version, p -> {
            p.reassignStep(c.stepId(), new SupportPlan.StepContent(c.description(), c.taker(), layer, null, null,
                    c.networkMemberId(), c.professionalId(), c.provider(), c.loadReason()));
            return null;
        });
    }

    /** Marks a step of the current plan ended (no edit token: the provider of the step reports it); false if unknown or already ended. */
    public boolean endStep(UUID personId, UUID stepId, LocalDate on, String reason) {
        Optional<SupportPlan> plan = plans.findCurrent(personId);
        if (plan.isEmpty() || plan.get().goals.stream().flatMap(g -> g.steps.stream()).noneMatch(s -> s.id.equals(stepId))) {
            return false;
        }
        boolean ended = plan.get().endStep(stepId, on, reason);
        if (ended) {
            plans.save(plan.get());
        }
        return ended;
    }

    public void removeStep(UUID personId, int version, UUID stepId) {
        change(personId, version, p -> {
            p.removeStep(stepId);
            return null;
        });
    }

    public void evaluateOn(UUID personId, int version, LocalDate date, LocalDate today) {
        change(personId, version, p -> {
            p.evaluateOn(date, today);
            return null;
        });
    }

    public boolean agreeAsPerson(UUID personId, int version, UUID by, String onBehalf, String remark, Instant now) {
        return change(personId, version, p -> p.agreeAsPerson(by, onBehalf, remark, now));
    }

    public boolean agreeAsProfessional(UUID personId, int version, UUID by, String remark, Instant now) {
        return change(personId, version, p -> p.agreeAsProfessional(by, remark, now));
    }

    public void remark(UUID personId, int version, boolean byPerson, String remark) {
        change(personId, version, p -> {
            p.remark(byPerson, remark);
            return null;
        });
    }

    public void refuse(UUID personId, int version, PlanCommands.Refuse c, UUID by, Instant now, LocalDate today) {
        change(personId, version, p -> {
            p.refuse(c.stepId(), c.reason(), c.alternatives(), c.talkAgainOn(), by, now, today);
            return null;
        });
    }

    public void recordFamilyView(UUID personId, int version, PlanCommands.RecordFamilyView c) {
        change(personId, version, p -> {
            p.recordFamilyView(c.who(), c.disagreement(), c.agreements(), c.meetingOn());
            return null;
        });
    }

    /** Keeps a signed version as it was signed, and the first signature in the person's timeline. */
    public void keepSignedVersion(UUID organisationId, PlanView plan, Instant signedAt) {
        jdbc.sql("""
                insert into plan_version (support_plan, version_no, organisation_id, person_id, snapshot, signed_at)
                values (?, ?, ?, ?, ?::jsonb, ?)""")
                .params(plan.id(), plan.versionNo(), organisationId, plan.personId(), json.writeValueAsString(plan),
                        Timestamp.from(signedAt))
                .update();
        jdbc.sql("""
                insert into plan_milestone (person_id, organisation_id, first_signed_at) values (?, ?, ?)
                on conflict (person_id) do update set first_signed_at = coalesce(plan_milestone.first_signed_at, excluded.first_signed_at)""")
                .params(plan.personId(), organisationId, Timestamp.from(signedAt)).update();
    }

    public void firstSupport(UUID organisationId, UUID personId, LocalDate startedOn) {
        jdbc.sql("""
                insert into plan_milestone (person_id, organisation_id, first_support_on) values (?, ?, ?)
                on conflict (person_id) do update set first_support_on = coalesce(plan_milestone.first_support_on, excluded.first_support_on)""")
                .params(personId, organisationId, startedOn).update();
    }

    public Optional<Milestones> milestones(UUID personId) {
        // the plan page's own query brings the milestones along (PlanReads); only other pages ask here
        return Optional.ofNullable(RequestMemo.remember(MILESTONES + personId, () -> jdbc.sql(
                        "select first_signed_at, first_support_on from plan_milestone where person_id = ?")
                .param(personId)
                .query((rs, i) -> new Milestones(instant(rs.getTimestamp(1)), rs.getObject(2, LocalDate.class)))
                .optional().orElse(null)));
    }

    static final String MILESTONES = "plan.milestones:";
    static final String VERSIONS = "plan.versions:";

    /** A version of the current plan as read: its number and when it was signed. */
    record VersionRow(Integer versionNo, Instant signedAt) {
    }

    /** The signed versions of the current plan, oldest first, and the current draft when it is not signed. */
    public List<PlanVersions.Entry> versions(UUID personId) {
        List<PlanVersions.Entry> known = RequestMemo.remember(VERSIONS + personId, () -> {
            record Row(int current, Integer versionNo, Instant signedAt) {
            }
            List<Row> rows = jdbc.sql("""
                            select p.version_no, v.version_no, v.signed_at
                            from (select id, version_no from support_plan where person_id = ? and status <> 'ENDED'
                                  order by created_at desc limit 1) p
                            left join plan_version v on v.support_plan = p.id order by v.version_no""")
                    .param(personId)
                    .query((rs, i) -> new Row(rs.getInt(1), (Integer) rs.getObject(2), instant(rs.getTimestamp(3))))
                    .list();
            return rows.isEmpty() ? null : entries(rows.get(0).current(),
                    rows.stream().map(r -> new VersionRow(r.versionNo(), r.signedAt())).toList());
        });
        if (known == null) {
            throw new NotFound("plan");
        }
        return known;
    }

    /** The list of versions as shown: the signed ones, and the current one marked (a draft has no date). */
    static List<PlanVersions.Entry> entries(int current, List<VersionRow> rows) {
        List<PlanVersions.Entry> list = new ArrayList<>(rows.stream().filter(r -> r.versionNo() != null)
                .map(r -> new PlanVersions.Entry(r.versionNo(), r.signedAt(), r.versionNo() == current)).toList());
        if (list.stream().noneMatch(PlanVersions.Entry::current)) {
            list.add(new PlanVersions.Entry(current, null, true));
        }
        return List.copyOf(list);
    }

    public Optional<PlanView> version(UUID personId, int versionNo) {
        return jdbc.sql("""
                select v.snapshot::text from plan_version v join support_plan p on p.id = v.support_plan
                where p.person_id = ? and p.status <> 'ENDED' and v.version_no = ?""")
                .params(personId, versionNo).query(String.class).optional()
                .map(s -> json.readValue(s, PlanView.class));
    }

    public UUID recordEvaluation(UUID personId, PlanCommands.RecordEvaluation c, UUID by) {
        SupportPlan plan = plans.findCurrent(personId).orElseThrow(() -> new NotFound("plan"));
        plan.expectVersion(c.version());
        List<PlanCommands.GoalReview> reviews = c.goals() == null ? List.of() : c.goals();
        for (PlanCommands.GoalReview r : reviews) {
            if (plan.goals.stream().noneMatch(g -> g.id.equals(r.goalId()))) {
                throw new RuleViolation("goals", "plan.goal.unknown");
            }
        }
        boolean end = c.decision() == PlanCommands.Decision.END;
        plan.nextEvaluation(end ? null : c.nextEvaluationDate(), end);
        plans.save(plan);
        UUID id = UUID.randomUUID();
        String signals = "{" + String.join(",", (c.signals() == null ? Set.<PlanCommands.Signal>of() : c.signals())
                .stream().map(Enum::name).sorted().toList()) + "}";
        jdbc.sql("""
                insert into plan_evaluation (id, organisation_id, person_id, support_plan, plan_version_no, held_on,
                    went_well, learned, relationship_on_track, trust, activities_going_well, phases_connect, signals,
                    signal_note, decision, next_evaluation_date, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?, ?, ?, ?)""")
                .params(id, plan.organisationId, personId, plan.id, plan.versionNo, c.heldOn(), blankToNull(c.wentWell()),
                        blankToNull(c.learned()), PlanCommands.yes(c.relationshipOnTrack()), PlanCommands.yes(c.trust()),
                        PlanCommands.yes(c.activitiesGoingWell()), PlanCommands.yes(c.phasesConnect()), signals, blankToNull(c.signalNote()), c.decision().name(),
                        end ? null : c.nextEvaluationDate(), by)
                .update();
        for (PlanCommands.GoalReview r : reviews) {
            if (blankToNull(r.process()) != null || blankToNull(r.result()) != null) {
                jdbc.sql("insert into plan_evaluation_goal (evaluation, goal_id, process, result) values (?, ?, ?, ?)")
                        .params(id, r.goalId(), blankToNull(r.process()), blankToNull(r.result())).update();
            }
        }
        return id;
    }

    public List<Evaluations.Evaluation> evaluations(UUID personId) {
        Map<UUID, List<PlanCommands.GoalReview>> reviews = new HashMap<>();
        jdbc.sql("""
                select g.evaluation, g.goal_id, g.process, g.result from plan_evaluation_goal g
                join plan_evaluation e on e.id = g.evaluation where e.person_id = ?""")
                .param(personId)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs ->
                        reviews.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                                .add(new PlanCommands.GoalReview(rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4))));
        return jdbc.sql("""
                select e.*, u.display_name from plan_evaluation e join app_user u on u.id = e.recorded_by
                where e.person_id = ? order by e.held_on desc, e.recorded_at desc""")
                .param(personId)
                .query((rs, i) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    EnumSet<PlanCommands.Signal> signals = EnumSet.noneOf(PlanCommands.Signal.class);
                    Array a = rs.getArray("signals");
                    Arrays.stream((String[]) a.getArray()).map(PlanCommands.Signal::valueOf).forEach(signals::add);
                    return new Evaluations.Evaluation(id, rs.getInt("plan_version_no"),
                            rs.getObject("held_on", LocalDate.class), rs.getString("went_well"), rs.getString("learned"),
                            reviews.getOrDefault(id, List.of()), rs.getBoolean("relationship_on_track"),
                            rs.getBoolean("trust"), rs.getBoolean("activities_going_well"),
                            rs.getBoolean("phases_connect"), signals, rs.getString("signal_note"),
                            PlanCommands.Decision.valueOf(rs.getString("decision")),
                            rs.getObject("next_evaluation_date", LocalDate.class), rs.getString("display_name"));
                })
                .list();
    }

    /** Open plans whose evaluation date has come, of the persons in this user's care teams. */
    public List<Evaluations.Due> overdue(UUID userId, LocalDate today) {
        return jdbc.sql("""
                select p.person_id, pe.given_name || ' ' || pe.family_name, p.evaluation_date, m.team_role
                from support_plan p
                join care_team_member m on m.person_id = p.person_id and m.user_id = ?
                join person pe on pe.id = p.person_id
                where p.status <> 'ENDED' and p.evaluation_date <= ?
                order by p.evaluation_date, 2""")
                .params(userId, today)
                .query((rs, i) -> {
                    LocalDate date = rs.getObject(3, LocalDate.class);
                    return new Evaluations.Due(rs.getObject(1, UUID.class), rs.getString(2), date,
                            java.time.temporal.ChronoUnit.DAYS.between(date, today), rs.getString(4));
                })
                .list();
    }

    private <T> T change(UUID personId, int version, Function<SupportPlan, T> work) {
        SupportPlan plan = plans.findCurrent(personId).orElseThrow(() -> new NotFound("plan"));
        plan.expectVersion(version);
        T result = work.apply(plan);
        plans.save(plan);
        return result;
    }

    static PlanView view(SupportPlan plan, Names names) {
        List<PlanView.Goal> goals = new ArrayList<>();
        int n = 1;
        for (SupportPlan.Goal g : plan.goals) {
            List<PlanView.Step> steps = g.steps.stream().map(s -> new PlanView.Step(s.id, s.description, s.taker.name(),
                    s.layer, s.intensity, s.ownPart, s.networkMemberId, s.professionalId, s.provider,
                    s.networkMemberId != null ? names.member().apply(s.networkMemberId)
                            : s.professionalId != null ? names.professional().apply(s.professionalId) : null,
                    s.loadReason, s.endedOn, s.endedReason)).toList();
            List<PlanView.Option> options = new ArrayList<>();
            int o = 1;
            for (SupportPlan.Option opt : g.options) {
                options.add(new PlanView.Option(opt.id, o++, opt.description, opt.advantages, opt.disadvantages, opt.choice));
            }
            Map<Layer, String> answers = new EnumMap<>(Layer.class);
            if (g.ownStrengthAnswer != null) {
                answers.put(Layer.OWN_STRENGTH, g.ownStrengthAnswer);
            }
            if (g.networkAnswer != null) {
                answers.put(Layer.NETWORK, g.networkAnswer);
            }
            if (g.generalAnswer != null) {
                answers.put(Layer.GENERAL_COLLECTIVE, g.generalAnswer);
            }
            goals.add(new PlanView.Goal(g.id, n++, g.wishId, g.ownWords, g.meaning, g.intendedResult, g.term,
                    g.reachedWhen, g.domains == null ? List.of() : java.util.Arrays.stream(g.domains).map(LifeDomain::of).toList(), answers, options, steps));
        }
        PlanView.Agreement person = plan.personAgreedAt == null ? null
                : new PlanView.Agreement(plan.personAgreedAt, plan.personAgreedBy, plan.personAgreedOnBehalf);
        PlanView.Agreement professional = plan.professionalAgreedAt == null ? null
                : new PlanView.Agreement(plan.professionalAgreedAt, plan.professionalAgreedBy, null);
        List<PlanView.Refusal> refusals = plan.refusals.stream()
                .map(r -> new PlanView.Refusal(r.stepId, r.reason, r.alternatives, r.talkAgainOn, r.recordedAt)).toList();
        List<PlanView.FamilyView> family = plan.familyViews.stream()
                .map(f -> new PlanView.FamilyView(f.who, f.disagreement, f.agreements, f.meetingOn)).toList();
        return new PlanView(plan.id, plan.personId, plan.status.name(), plan.versionNo, plan.evaluationDate,
                plan.version, goals, person, professional, plan.personRemark, plan.professionalRemark, refusals, family);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
