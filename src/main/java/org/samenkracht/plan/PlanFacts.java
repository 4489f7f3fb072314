package org.samenkracht.plan;

import org.samenkracht.privacy.AggregateCollection;
import org.samenkracht.vocabulary.Layer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Array;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The plan module's facts for aggregate figures (insights): per person the first signed plan and the first support,
 * the layers of the plan's steps, and the evaluations that had a date set by the previous evaluation (how many were
 * held, how many on time: by that date or within 14 days after it).
 */
@Service
public class PlanFacts {

    public record Fact(UUID personId, Instant firstPlan, LocalDate firstSupport, Set<Layer> layers,
                       int evaluations, int evaluationsOnTime) {
    }

    private final JdbcClient jdbc;

    PlanFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every person of the organisation with a plan, in one query; only for aggregate collection. */
    @Transactional(readOnly = true)
    public List<Fact> of(UUID organisationId) {
        AggregateCollection.require();
        return jdbc.sql("""
                        with layers as (
                            select p.person_id, array_agg(distinct s.layer) as layers
                            from support_plan p join plan_goal g on g.support_plan = p.id join plan_step s on s.plan_goal = g.id
                            where p.organisation_id = :org group by p.person_id),
                        evals as (
                            select person_id, held_on,
                                   lag(next_evaluation_date) over (partition by person_id order by held_on) as due
                            from plan_evaluation where organisation_id = :org),
                        eval_sum as (
                            select person_id, count(due) as held, count(*) filter (where held_on <= due + 14) as on_time
                            from evals group by person_id),
                        people as (
                            select person_id from plan_milestone where organisation_id = :org
                            union select person_id from layers union select person_id from eval_sum)
                        select x.person_id, m.first_signed_at, m.first_support_on, l.layers,
                               coalesce(e.held, 0), coalesce(e.on_time, 0)
                        from people x
                        left join plan_milestone m on m.person_id = x.person_id
                        left join layers l on l.person_id = x.person_id
                        left join eval_sum e on e.person_id = x.person_id""")
                .param("org", organisationId)
                .query((rs, i) -> {
                    Set<Layer> layers = EnumSet.noneOf(Layer.class);
                    Array a = rs.getArray(4);
                    if (a != null) {
                        for (Object o : (Object[]) a.getArray()) {
                            layers.add(Layer.of((String) o));
                        }
                    }
                    var signed = rs.getTimestamp(2);
                    var support = rs.getDate(3);
                    return new Fact(rs.getObject(1, UUID.class), signed == null ? null : signed.toInstant(),
                            support == null ? null : support.toLocalDate(), layers, rs.getInt(5), rs.getInt(6));
                })
                .list();
    }
}
