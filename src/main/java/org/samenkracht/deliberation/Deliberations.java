package org.samenkracht.deliberation;

import org.samenkracht.common.domain.NotFound;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.network.MemberProfile;
import org.samenkracht.network.Network;
import org.samenkracht.person.OwnStory;
import org.samenkracht.person.PersonView;
import org.samenkracht.person.Persons;
import org.samenkracht.plan.PlanCommands;
import org.samenkracht.plan.PlanView;
import org.samenkracht.plan.Plans;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.Concerns;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Deliberations as a use case: each step checked by {@link DeliberationRules}, every read and write
 * through the access gate for {@link Part#DELIBERATIONS} (team only: no consent opens it), so a
 * deliberation cannot be tied to a person its author may not see. The person's perspective comes from
 * their own words (own story, remarks on the plan); actions become plan steps through the plan's API;
 * the decision can be the weighing of a concern through the privacy module's API.
 */
@Service
public class Deliberations {

    /** A line of a person's list: no answers, just where it stands. */
    public record Summary(UUID id, Method method, String title, String facilitatorName, Instant createdAt,
                          Instant decidedAt, Instant closedAt) {
    }

    private final JdbcClient jdbc;
    private final PersonAccess access;
    private final Persons persons;
    private final OwnStory story;
    private final Plans plans;
    private final Network network;
    private final Concerns concerns;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;

    Deliberations(JdbcClient jdbc, PersonAccess access, Persons persons, OwnStory story, Plans plans, Network network,
                  Concerns concerns, MessageSource messages, JsonMapper json, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.persons = persons;
        this.story = story;
        this.plans = plans;
        this.network = network;
        this.concerns = concerns;
        this.messages = messages;
        this.json = json;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    @Transactional
    public UUID start(UUID personId, DeliberationCommands.Start c) {
        access.write(personId, Part.DELIBERATIONS);
        PersonView person = persons.get(personId);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into deliberation (id, organisation_id, person_id, method, title, facilitator_id)
                values (?, ?, ?, ?, ?, ?)""")
                .params(id, person.organisationId(), personId, c.method().name(), c.title().strip(), CurrentUser.get().id())
                .update();
        return id;
    }

    @Transactional(readOnly = true)
    public List<Summary> of(UUID personId) {
        access.read(personId, Part.DELIBERATIONS);
        return jdbc.sql("""
                select d.id, d.method, d.title, u.display_name, d.created_at, d.decided_at, d.closed_at
                from deliberation d join app_user u on u.id = d.facilitator_id
                where d.person_id = ? order by d.created_at desc""")
                .param(personId)
                .query((rs, i) -> new Summary(rs.getObject(1, UUID.class), Method.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), instant(rs, "created_at"), instant(rs, "decided_at"), instant(rs, "closed_at")))
                .list();
    }

    @Transactional(readOnly = true)
    public DeliberationView get(UUID personId, UUID id) {
        access.read(personId, Part.DELIBERATIONS);
        return load(personId, id);
    }

    /** The person a deliberation is about, to find it by its id alone (then the gate decides on that person). */
    @Transactional(readOnly = true)
    public UUID personOf(UUID id) {
        return jdbc.sql("select person_id from deliberation where id = ? and organisation_id = ?")
                .params(id, CurrentUser.get().organisationId()).query(UUID.class).optional()
                .orElseThrow(() -> new NotFound("deliberation"));
    }

    @Transactional
    public void answer(UUID personId, UUID id, DeliberationCommands.Answer c) {
        DeliberationView d = forWrite(personId, id);
        Map<String, String> given = c.answers() == null ? Map.of() : c.answers();
        check(DeliberationRules.mayAnswer(d.method(), d.decided(), d.closed(), d.answers(), given));
        Map<String, String> after = DeliberationRules.merged(d.answers(), given);
        bump(personId, id, c.version(), "answers = ?::jsonb", json.writeValueAsString(after));
    }

    @Transactional
    public void addValue(UUID personId, UUID id, DeliberationCommands.AddValue c) {
        DeliberationView d = forWrite(personId, id);
        if (d.decided() || d.closed()) {
            throw new RuleViolation("perspective", "deliberation.refused.decided");
        }
        bump(personId, id, c.version(), "version = version");
        jdbc.sql("""
                insert into deliberation_value (id, deliberation_id, organisation_id, perspective, value_name, norm, position)
                select ?, id, organisation_id, ?, ?, ?, (select count(*) from deliberation_value where deliberation_id = ?)
                from deliberation where id = ?""")
                .params(UUID.randomUUID(), c.perspective().strip(), c.valueName().strip(), blankToNull(c.norm()), id, id)
                .update();
    }

    /**
     * Fills the person's perspective from their own words: the own story they wrote, the four questions'
     * answer to what matters, and their remark on the plan, each said where it came from.
     */
    @Transactional
    public void fillPersonPerspective(UUID personId, UUID id, int version) {
        forWrite(personId, id);
        var locale = LocaleContextHolder.getLocale();
        List<String> parts = new ArrayList<>();
        for (OwnStory.Entry e : story.entries(personId)) {
            if (e.kind() == OwnStory.Kind.OWN) {
                parts.add(messages.getMessage("deliberation.perspective.fromStory", null, locale) + " " + e.text());
            }
        }
        persons.fourQuestions(personId).ifPresent(q -> {
            if (q.answers() != null && q.answers().whatMatters() != null && !q.answers().whatMatters().isBlank()) {
                parts.add(messages.getMessage("deliberation.perspective.fromQuestions", null, locale) + " "
                        + q.answers().whatMatters());
            }
        });
        plans.current(personId).map(PlanView::personRemark).filter(r -> r != null && !r.isBlank())
                .ifPresent(r -> parts.add(messages.getMessage("deliberation.perspective.fromPlan", null, locale) + " " + r));
        String text = parts.isEmpty() ? messages.getMessage("deliberation.perspective.none", null, locale)
                : String.join("\n\n", parts);
        bump(personId, id, version, "person_perspective = ?", text.length() > 8000 ? text.substring(0, 8000) : text);
    }

    @Transactional
    public void decide(UUID personId, UUID id, DeliberationCommands.Decide c) {
        DeliberationView d = forWrite(personId, id);
        check(DeliberationRules.mayDecide(d.method(), d.decided(), d.answers(), d.values().size(), c.decision()));
        bump(personId, id, c.version(), "decision = ?, decided_at = now()", c.decision().strip());
    }

    /** An action after the decision; with a goal it becomes a step in the plan, taken by the one adding it. */
    @Transactional
    public UUID addAction(UUID personId, UUID id, DeliberationCommands.AddAction c) {
        DeliberationView d = forWrite(personId, id);
        check(DeliberationRules.mayAddAction(d.decided(), c.evaluateOn(), LocalDate.now(clock)));
        UUID stepId = null;
        if (c.goalId() != null) {
            PlanView plan = plans.current(personId).orElseThrow(() -> new RuleViolation("goalId", "deliberation.refused.noPlan"));
            if (plan.goals().stream().noneMatch(g -> g.id().equals(c.goalId()))) {
                throw new RuleViolation("goalId", "deliberation.refused.notAGoal");
            }
            String text = messages.getMessage("deliberation.action.stepText", new Object[] {c.description().strip(),
                    c.evaluateOn().format(DateTimeFormatter.ofPattern("dd-MM-yyyy"))}, LocaleContextHolder.getLocale());
            stepId = plans.addStep(personId, new PlanCommands.AddStep(c.goalId(), text, "PROFESSIONAL", null,
                    CurrentUser.get().id(), null, null, null, null, plan.version()));
        }
        bump(personId, id, c.version(), "version = version");
        UUID actionId = UUID.randomUUID();
        jdbc.sql("""
                insert into deliberation_action (id, deliberation_id, organisation_id, description, evaluate_on, plan_step_id)
                select ?, id, organisation_id, ?, ?, ? from deliberation where id = ?""")
                .params(actionId, c.description().strip(), c.evaluateOn(), stepId, id).update();
        return actionId;
    }

    /** The decision becomes the weighing step of a concern, with a link back to this deliberation. */
    @Transactional
    public void linkConcern(UUID personId, UUID id, DeliberationCommands.LinkConcern c) {
        DeliberationView d = forWrite(personId, id);
        if (!d.decided()) {
            throw new RuleViolation("concernId", "deliberation.refused.decideFirst");
        }
        String weighing = messages.getMessage("deliberation.concern.weighing", new Object[] {d.title(), d.decision()},
                LocaleContextHolder.getLocale());
        concerns.weigh(personId, c.concernId(), c.concernVersion(), weighing.length() > 4000 ? weighing.substring(0, 4000) : weighing,
                "/persons/" + personId + "/deliberations/" + id);
        bump(personId, id, c.version(), "concern_id = ?", c.concernId());
    }

    @Transactional
    public void close(UUID personId, UUID id, int version) {
        DeliberationView d = forWrite(personId, id);
        check(DeliberationRules.mayClose(d.method(), d.decided(), d.closed(), d.answers(), d.actions().size()));
        bump(personId, id, version, "closed_at = now()");
    }

    /** The person's network as the ecogram shows it, for the breadth step (read through the network's API). */
    @Transactional(readOnly = true)
    public List<MemberProfile> network(UUID personId) {
        return access.may(personId, Part.NETWORK, AccessKind.READ) ? network.profiles(personId) : List.of();
    }

    /** The concerns that wait for their weighing, for the link from the decision. */
    @Transactional(readOnly = true)
    public List<Concerns.ConcernView> concernsToWeigh(UUID personId) {
        return concerns.of(personId).stream()
                // told, or not told for a recorded reason: either way the family step is done
                .filter(c -> c.stage() == org.samenkracht.privacy.ConcernRoute.Stage.SHARED_WITH_FAMILY
                        || c.stage() == org.samenkracht.privacy.ConcernRoute.Stage.FAMILY_SKIPPED).toList();
    }

    private DeliberationView forWrite(UUID personId, UUID id) {
        access.write(personId, Part.DELIBERATIONS);
        return load(personId, id);
    }

    private DeliberationView load(UUID personId, UUID id) {
        var values = jdbc.sql("select id, perspective, value_name, norm from deliberation_value where deliberation_id = ? order by position")
                .param(id).query((rs, i) -> new DeliberationView.ValueRow(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getString(4))).list();
        var actions = jdbc.sql("select id, description, evaluate_on, plan_step_id from deliberation_action where deliberation_id = ? order by created_at")
                .param(id).query((rs, i) -> new DeliberationView.Action(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getObject(3, LocalDate.class), rs.getObject(4, UUID.class))).list();
        return jdbc.sql("""
                select d.*, u.display_name from deliberation d join app_user u on u.id = d.facilitator_id
                where d.id = ? and d.person_id = ?""")
                .params(id, personId)
                .query((rs, i) -> map(rs, values, actions)).optional().orElseThrow(() -> new NotFound("deliberation"));
    }

    private DeliberationView map(ResultSet rs, List<DeliberationView.ValueRow> values, List<DeliberationView.Action> actions)
            throws SQLException {
        Map<String, String> answers = new LinkedHashMap<>(json.readValue(rs.getString("answers"),
                new TypeReference<Map<String, String>>() { }));
        return new DeliberationView(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                Method.valueOf(rs.getString("method")), rs.getString("title"), rs.getObject("facilitator_id", UUID.class),
                rs.getString("display_name"), answers, rs.getString("person_perspective"), values, actions,
                rs.getString("decision"), instant(rs, "decided_at"), instant(rs, "closed_at"),
                rs.getObject("concern_id", UUID.class), instant(rs, "created_at"), rs.getInt("version"));
    }

    private void bump(UUID personId, UUID id, Integer version, String set, Object... values) {
        Object[] params = new Object[values.length + 3];
        System.arraycopy(values, 0, params, 0, values.length);
        params[values.length] = id;
        params[values.length + 1] = personId;
        params[values.length + 2] = version == null ? -1 : version;
        String assignments = set.equals("version = version") ? "" : set + ", ";
        int changed = jdbc.sql("update deliberation set " + assignments + "version = version + 1 where id = ? and person_id = ? and version = ?")
                .params(params).update();
        if (changed == 0) {
            throw new OptimisticLockingFailureException("deliberation " + id + " changed meanwhile");
        }
    }

    private static void check(Optional<DeliberationRules.Refusal> refusal) {
        refusal.ifPresent(r -> {
            throw new RuleViolation(r.field(), r.messageKey());
        });
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
