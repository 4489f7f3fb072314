package org.samenkracht.plan.internal;

import org.samenkracht.network.MemberTasks;
import org.samenkracht.network.NetworkMemberRemoved;
import org.samenkracht.network.NetworkMembersMerged;
import org.samenkracht.plan.PlanView;
import org.samenkracht.plan.Plans;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * The plan's side of the network's {@link MemberTasks} hook: which steps of the current plan a
 * network member takes, and what happens to them when the member leaves or turns out to be a
 * duplicate. Removing a member with tasks was already confirmed by the person's team.
 */
@Component
class PlanNetworkTasks implements MemberTasks {

    private static final String STEPS_OF_MEMBER = """
            select s.id, s.description from plan_step s
            join plan_goal g on g.id = s.plan_goal
            join support_plan p on p.id = g.support_plan
            where p.person_id = ? and p.status <> 'ENDED' and s.network_member_id = ?
            order by g.position, s.position""";

    private final JdbcClient jdbc;
    private final Plans plans;
    private final PersonAccess access;

    PlanNetworkTasks(JdbcClient jdbc, @Lazy Plans plans, PersonAccess access) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.access = access;
    }

    @Override
    public List<String> openTasks(UUID personId, UUID memberId) {
        return jdbc.sql(STEPS_OF_MEMBER).params(personId, memberId).query((rs, i) -> rs.getString(2)).list();
    }

    /** Tasks that end with the member are taken out of the plan (a new version once signed). */
    @EventListener
    void onRemoved(NetworkMemberRemoved removed) {
        if (removed.tasks() != NetworkMemberRemoved.TaskHandling.END
                || !access.may(removed.personId(), Part.PLAN, AccessKind.WRITE)) {
            // REDIVIDE, or removed by the person themself: the steps stay, shown as "no longer in the
            // network", for the team to divide again with the person.
            return;
        }
        List<UUID> steps = jdbc.sql(STEPS_OF_MEMBER).params(removed.personId(), removed.memberId())
                .query((rs, i) -> rs.getObject(1, UUID.class)).list();
        for (UUID step : steps) {
            int version = plans.current(removed.personId()).map(PlanView::version).orElseThrow();
            plans.removeStep(removed.personId(), step, version);
        }
    }

    /** The merged entry was the same person: their steps now point at the entry that is kept. */
    @EventListener
    void onMerged(NetworkMembersMerged merged) {
        int changed = jdbc.sql("""
                update plan_step s set network_member_id = ?
                from plan_goal g join support_plan p on p.id = g.support_plan
                where g.id = s.plan_goal and p.person_id = ? and s.network_member_id = ?""")
                .params(merged.kept(), merged.personId(), merged.merged()).update();
        if (changed > 0) {
            // Editors holding the old version must reload: their view named the merged entry.
            jdbc.sql("update support_plan set version = version + 1 where person_id = ? and status <> 'ENDED'")
                    .param(merged.personId()).update();
        }
    }
}
