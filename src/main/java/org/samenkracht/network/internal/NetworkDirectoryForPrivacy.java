package org.samenkracht.network.internal;

import org.samenkracht.privacy.NetworkDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The network module's answer to privacy's {@link NetworkDirectory}: privacy sits below this module
 * and must not read its tables, so who the members are, and which of them an account speaks for,
 * come from here.
 */
@Component
class NetworkDirectoryForPrivacy implements NetworkDirectory {

    private final JdbcClient jdbc;

    NetworkDirectoryForPrivacy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<MemberName> members(UUID personId) {
        return jdbc.sql("select id, name, account_id from network_member where person_id = ? and removed_at is null order by name")
                .param(personId)
                .query((rs, i) -> new MemberName(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class)))
                .list();
    }

    @Override
    public Map<UUID, String> names(Collection<UUID> memberIds) {
        Map<UUID, String> names = new HashMap<>();
        if (!memberIds.isEmpty()) {
            jdbc.sql("select id, name from network_member where id = any(?)")
                    .param(memberIds.stream().distinct().toArray(UUID[]::new))
                    .query(rs -> {
                        names.put(rs.getObject(1, UUID.class), rs.getString(2));
                    });
        }
        return names;
    }

    @Override
    public Set<UUID> membersOfAccount(UUID accountId) {
        return new HashSet<>(jdbc.sql("select id from network_member where account_id = ?")
                .param(accountId).query(UUID.class).list());
    }
}
