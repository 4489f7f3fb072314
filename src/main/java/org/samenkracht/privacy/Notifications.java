package org.samenkracht.privacy;

import org.samenkracht.identity.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What privacy tells a team member: an emergency access to a file they take part in (the coach, or
 * the whole team without one), one asked by someone of another organisation that waits for their
 * decision, a person's question about the log; and what it tells the person: that the team decided
 * on emergency access to their file. Sent only to those, so the names shown are of persons in the
 * reader's own caseload (or the reader themself).
 */
@Service
public class Notifications {

    public enum Kind { EMERGENCY_ACCESS, EMERGENCY_ASKED, EMERGENCY_INFORMED, AUDIT_QUESTION }

    public record Notification(UUID id, Kind kind, UUID personId, String personName, Instant createdAt, boolean read) {
    }

    private final JdbcClient jdbc;

    private final PersonDirectory directory;

    Notifications(JdbcClient jdbc, PersonDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    public List<Notification> mine() {
        List<Notification> found = jdbc.sql("""
                select n.id, n.kind, n.person_id, null, n.created_at, n.read_at is not null
                from privacy_notification n
                left join care_team_member m on m.person_id = n.person_id and m.user_id = n.recipient_id
                where n.recipient_id = ?
                  and (m.user_id is not null or n.kind = 'EMERGENCY_ASKED'
                       or (n.kind = 'EMERGENCY_INFORMED' and n.person_id is not distinct from cast(? as uuid)))
                order by n.read_at nulls first, n.created_at desc limit 100""")
                .param(CurrentUser.get().id()).param(CurrentUser.get().personId())
                .query((rs, i) -> new Notification(rs.getObject(1, UUID.class), Kind.valueOf(rs.getString(2)),
                        rs.getObject(3, UUID.class), rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getBoolean(6)))
                .list();
        // names come from the person module (privacy does not read its table)
        Map<UUID, String> names = directory.names(found.stream().map(Notification::personId).toList());
        return found.stream().map(n -> new Notification(n.id(), n.kind(), n.personId(), names.get(n.personId()),
                n.createdAt(), n.read())).toList();
    }
}
