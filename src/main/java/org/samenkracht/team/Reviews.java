package org.samenkracht.team;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.person.Persons;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reviews of the trajectory from several viewpoints, kept per person (rules in {@link ReviewRules}). */
@Service
public class Reviews {

    public record ViewInput(
            @NotNull(message = "{validation.required}") ReviewRules.Viewpoint viewpoint,
            @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.tooLong}") String view,
            @NotNull(message = "{validation.required}") ReviewRules.Outcome proposal) {
    }

    public record Record(
            @NotNull(message = "{validation.required}") LocalDate heldOn,
            @NotNull(message = "{validation.required}") ReviewRules.Viewpoint decider,
            @NotNull(message = "{validation.required}") List<@Valid ViewInput> views,
            @Size(max = 4000, message = "{validation.tooLong}") String phaseOutPlan,
            LocalDate phaseOutUntil) {
    }

    public record ReviewView(UUID id, LocalDate heldOn, ReviewRules.Viewpoint decider, List<ReviewRules.View> views,
                             ReviewRules.Outcome outcome, boolean viewsDiffered, String phaseOutPlan,
                             LocalDate phaseOutUntil, String recordedBy) {
    }

    private final JdbcClient jdbc;
    private final PersonAccess access;
    private final Persons persons;
    private final JsonMapper json;
    private final Clock clock;

    Reviews(JdbcClient jdbc, PersonAccess access, Persons persons, JsonMapper json, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.persons = persons;
        this.json = json;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    @Transactional
    public UUID record(UUID personId, Record c) {
        access.write(personId, Part.TRAJECTORY_REVIEWS);
        var person = persons.get(personId);
        List<ReviewRules.View> views = c.views().stream()
                .map(v -> new ReviewRules.View(v.viewpoint(), v.view().strip(), v.proposal())).toList();
        ReviewRules.check(views, c.decider(), c.phaseOutPlan(), c.phaseOutUntil(), LocalDate.now(clock), c.phaseOutPlan())
                .ifPresent(r -> {
                    throw new RuleViolation(r[0], r[1]);
                });
        ReviewRules.Outcome outcome = ReviewRules.outcome(views, c.decider());
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into trajectory_review (id, organisation_id, person_id, held_on, decider, views, outcome,
                  phase_out_plan, phase_out_until, recorded_by)
                values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""")
                .params(id, person.organisationId(), personId, c.heldOn(), c.decider().name(), json.writeValueAsString(views),
                        outcome.name(), c.phaseOutPlan() == null || c.phaseOutPlan().isBlank() ? null : c.phaseOutPlan().strip(),
                        outcome == ReviewRules.Outcome.PHASE_OUT ? c.phaseOutUntil() : null, CurrentUser.get().id())
                .update();
        return id;
    }

    @Transactional(readOnly = true)
    public List<ReviewView> of(UUID personId) {
        access.read(personId, Part.TRAJECTORY_REVIEWS);
        return jdbc.sql("""
                select r.*, u.display_name from trajectory_review r join app_user u on u.id = r.recorded_by
                where r.person_id = ? order by r.held_on desc, r.recorded_at desc""")
                .param(personId)
                .query((rs, i) -> {
                    List<ReviewRules.View> views = json.readValue(rs.getString("views"), new TypeReference<List<ReviewRules.View>>() { });
                    return new ReviewView(rs.getObject("id", UUID.class), rs.getObject("held_on", LocalDate.class),
                            ReviewRules.Viewpoint.valueOf(rs.getString("decider")), views,
                            ReviewRules.Outcome.valueOf(rs.getString("outcome")), ReviewRules.viewsDiffer(views),
                            rs.getString("phase_out_plan"), rs.getObject("phase_out_until", LocalDate.class),
                            rs.getString("display_name"));
                }).list();
    }
}
