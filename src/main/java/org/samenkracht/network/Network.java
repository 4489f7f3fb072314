package org.samenkracht.network;

import org.samenkracht.common.web.NotFound;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.person.PersonView;
import org.samenkracht.person.Persons;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The network module's API: the person's support system. Network members are personal data of
 * third parties, so only the person and their care team see them (through {@link PersonAccess}).
 */
@Service
public class Network {

    private final JdbcClient jdbc;
    private final PersonAccess access;
    private final Persons persons;

    Network(JdbcClient jdbc, PersonAccess access, Persons persons) {
        this.jdbc = jdbc;
        this.access = access;
        this.persons = persons;
    }

    @Transactional
    public List<NetworkMember> members(UUID personId) {
        requirePerson(personId);
        access.read(personId, "network");
        return jdbc.sql("select * from network_member where person_id = ? order by layer, name")
                .param(personId).query(Network::map).list();
    }

    @Transactional
    public Optional<NetworkMember> member(UUID personId, UUID memberId) {
        requirePerson(personId);
        access.read(personId, "network");
        return jdbc.sql("select * from network_member where person_id = ? and id = ?")
                .params(personId, memberId).query(Network::map).optional();
    }

    @Transactional
    public UUID add(UUID personId, AddNetworkMember command) {
        PersonView person = persons.get(personId);
        access.write(personId, "network");
        UUID id = UUID.randomUUID();
        Set<NetworkMember.SupportKind> kinds = command.supportKinds() == null ? Set.of() : command.supportKinds();
        jdbc.sql("""
                insert into network_member (id, organisation_id, person_id, name, relation, layer, support_kinds, added_by)
                values (?, ?, ?, ?, ?, ?, ?::text[], ?)""")
                .params(id, person.organisationId(), personId, command.name().trim(), command.relation().name(),
                        command.layer().name(), toArrayLiteral(kinds), CurrentUser.get().id())
                .update();
        return id;
    }

    /**
     * The load signal for giving this member a task. Until load is recorded (issue 8) no member
     * carries a signal.
     */
    @Transactional
    public LoadSignal loadSignal(UUID personId, UUID memberId) {
        member(personId, memberId).orElseThrow(() -> new NotFound("network member"));
        return LoadSignal.none();
    }

    private void requirePerson(UUID personId) {
        if (!persons.exists(personId)) {
            throw new NotFound("person");
        }
    }

    private static String toArrayLiteral(Set<NetworkMember.SupportKind> kinds) {
        return "{" + String.join(",", kinds.stream().map(Enum::name).sorted().toList()) + "}";
    }

    private static NetworkMember map(ResultSet rs, int i) throws SQLException {
        Array kinds = rs.getArray("support_kinds");
        EnumSet<NetworkMember.SupportKind> set = EnumSet.noneOf(NetworkMember.SupportKind.class);
        Arrays.stream((String[]) kinds.getArray()).map(NetworkMember.SupportKind::valueOf).forEach(set::add);
        return new NetworkMember(rs.getObject("id", UUID.class), rs.getObject("person_id", UUID.class),
                rs.getString("name"), NetworkMember.Relation.valueOf(rs.getString("relation")),
                NetworkMember.Layer.valueOf(rs.getString("layer")), set, rs.getInt("version"));
    }
}
