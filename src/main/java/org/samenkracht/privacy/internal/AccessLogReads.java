package org.samenkracht.privacy.internal;

import org.samenkracht.identity.Role;
import org.samenkracht.privacy.AuditLog.Actor;
import org.samenkracht.privacy.AuditLog.Filter;
import org.samenkracht.privacy.AuditLog.Group;
import org.samenkracht.privacy.AuditLog.LookKind;
import org.samenkracht.privacy.Information;
import org.samenkracht.privacy.Part;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * "Who looked", grouped: one line per actor, day (Dutch time), kind, part of the file and ground,
 * with how often and between which times. Built in the database so a file read ten thousand times
 * still answers with one page of lines. The part of the file is derived from the resource with the
 * same rule {@link Information#of} uses (the CASE below is generated from {@link Part}).
 */
@Component
public class AccessLogReads {

    private static final String RESOURCE = """
            (case when e.action = 'DENIED' and position(' ' in e.resource) > 0
                  then substring(e.resource from position(' ' in e.resource) + 1) else e.resource end)""";

    private static final String KIND = """
            (case when e.action = 'DENIED' then 'REFUSAL'
                  when e.action = 'EMERGENCY' or e.ground like 'EMERGENCY%' then 'EMERGENCY'
                  when e.action = 'EXPORT' then 'EXPORT'
                  when e.action = 'READ' then 'READ'
                  else 'CHANGE' end)""";

    private static final String INFORMATION = informationCase();

    private final JdbcClient jdbc;

    AccessLogReads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The rows behind the page: grouped, filtered, one page of them, and how many groups there are. */
    public record Rows(List<Group> groups, long total) {
    }

    public Rows groups(UUID personId, UUID me, Filter filter, boolean flaggedOnly, int offset, int limit) {
        var rows = jdbc.sql("""
                with e as (
                  select e.id, e.occurred_at, e.actor_id, e.actor_role, e.action, e.ground,
                         %s as kind, %s as information,
                         (e.occurred_at at time zone 'Europe/Amsterdam') as local_at
                  from audit_event e
                  where e.person_id = :person and e.action not in ('LOGIN', 'LOGIN_FAILED')
                    -- asking for, approving or refusing emergency access reads nothing: the person sees
                    -- those on the privacy tab and in a message; here only the reads they allowed
                    and e.resource not in ('emergency/asked', 'emergency/approved', 'emergency/refused'))
                select max(e.id) as latest_id, e.local_at::date as day, min(e.local_at)::time as first_at,
                       max(e.local_at)::time as last_at, count(*) as times, e.actor_id,
                       coalesce(u.display_name, '?') as actor, e.actor_role, e.kind, e.information,
                       bool_or(e.ground like 'CONSENT%%') as consent, count(*) over () as total
                from e left join account_directory u on u.id = e.actor_id
                where (:includeOwn or e.actor_id is distinct from :me or e.kind in ('REFUSAL', 'EMERGENCY'))
                  and (cast(:actor as uuid) is null or e.actor_id = cast(:actor as uuid))
                  and (cast(:information as text) is null or e.information = cast(:information as text))
                  and (cast(:kind as text) is null or e.kind = cast(:kind as text))
                  and (not :flaggedOnly or e.kind in ('REFUSAL', 'EMERGENCY'))
                group by e.local_at::date, e.actor_id, u.display_name, e.actor_role, e.kind, e.information,
                         (e.ground like 'CONSENT%%')
                order by day desc, last_at desc, latest_id desc
                offset :offset limit :limit""".formatted(KIND, INFORMATION))
                .param("person", personId).param("me", me).param("includeOwn", filter.includeOwn())
                .param("actor", filter.actor())
                .param("information", filter.information() == null ? null : filter.information().name())
                .param("kind", filter.kind() == null ? null : filter.kind().name())
                .param("flaggedOnly", flaggedOnly).param("offset", offset).param("limit", limit)
                .query((rs, i) -> new Object[] {group(rs, me), rs.getLong("total")})
                .list();
        long total = rows.isEmpty() ? (offset == 0 ? 0 : count(personId, me, filter, flaggedOnly)) : (long) rows.get(0)[1];
        return new Rows(rows.stream().map(r -> (Group) r[0]).toList(), total);
    }

    private long count(UUID personId, UUID me, Filter filter, boolean flaggedOnly) {
        return groups(personId, me, filter, flaggedOnly, 0, 1).total();
    }

    /** Everyone who appears in this person's log, for the "who" filter. */
    public List<Actor> actors(UUID personId) {
        return jdbc.sql("""
                select u.id, u.display_name, min(e.actor_role) as role
                from (select distinct actor_id, actor_role from audit_event where person_id = ?) e
                join account_directory u on u.id = e.actor_id
                group by u.id, u.display_name order by u.display_name""")
                .param(personId)
                .query((rs, i) -> new Actor(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3) == null ? null : Role.valueOf(rs.getString(3))))
                .list();
    }

    private static Group group(ResultSet rs, UUID me) throws SQLException {
        UUID actorId = rs.getObject("actor_id", UUID.class);
        return new Group(rs.getLong("latest_id"), rs.getObject("day", java.time.LocalDate.class),
                rs.getObject("first_at", java.time.LocalTime.class), rs.getObject("last_at", java.time.LocalTime.class),
                rs.getInt("times"), rs.getString("actor"),
                rs.getString("actor_role") == null ? null : Role.valueOf(rs.getString("actor_role")),
                me.equals(actorId), LookKind.valueOf(rs.getString("kind")),
                Information.valueOf(rs.getString("information")), rs.getBoolean("consent"));
    }

    /**
     * The kind of information a stored resource belongs to, as {@link org.samenkracht.privacy.Part#ofAuditResource}
     * decides it (also for names stored before parts were typed): the longest part key the resource
     * starts with, a few old prefixes, and everything else under the whole file.
     */
    private static String informationCase() {
        StringBuilder when = new StringBuilder("(case when e.action in ('EMERGENCY', 'EXPORT') then 'EVERYTHING'");
        for (String prefix : List.of("instrument", "conversation", "audit", "emergency")) {
            Part part = Part.ofAuditResource(prefix).orElseThrow();
            when.append(" when ").append(RESOURCE).append(" like '").append(prefix).append("%' then '")
                    .append(part.information().name()).append("'");
        }
        Arrays.stream(Part.values())
                .sorted(Comparator.comparingInt((Part p) -> p.key().length()).reversed())
                .forEach(p -> when.append(" when ").append(RESOURCE).append(" = '").append(p.key()).append("' or (left(")
                        .append(RESOURCE).append(", ").append(p.key().length()).append(") = '").append(p.key())
                        .append("' and substr(").append(RESOURCE).append(", ").append(p.key().length() + 1)
                        .append(", 1) !~ '[[:alnum:]]') then '").append(p.information().name()).append("'"));
        return when.append(" else 'EVERYTHING' end)").toString();
    }
}
