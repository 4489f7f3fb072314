package org.samenkracht.network;

import org.samenkracht.privacy.AggregateCollection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * The network module's facts for aggregate figures (insights): per person the active members (not removed or merged,
 * not harmful), whether a member's latest load report is a warning (burden 4 or 5, or burden above capacity), and the
 * hours a week the members last reported.
 */
@Service
public class NetworkFacts {

    public record Fact(UUID personId, int activeMembers, boolean loadWarning, double hoursPerWeek) {
    }

    private final JdbcClient jdbc;

    NetworkFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every person of the organisation with a network, in one query; only for aggregate collection. */
    @Transactional(readOnly = true)
    public List<Fact> of(UUID organisationId) {
        AggregateCollection.require();
        return jdbc.sql("""
                        with latest as (
                            select distinct on (member_id) person_id, member_id, burden, capacity, hours_per_week
                            from network_load_report where organisation_id = :org
                            order by member_id, reported_on desc, recorded_at desc)
                        select m.person_id,
                               count(*) filter (where m.removed_at is null and m.merged_into is null) as active,
                               coalesce(bool_or(l.burden >= 4 or l.burden > l.capacity), false) as warning,
                               coalesce(sum(l.hours_per_week), 0) as hours
                        from network_member m left join latest l on l.member_id = m.id
                        where m.organisation_id = :org
                        group by m.person_id""")
                .param("org", organisationId)
                .query((rs, i) -> new Fact(rs.getObject(1, UUID.class), rs.getInt(2), rs.getBoolean(3), rs.getDouble(4)))
                .list();
    }
}
