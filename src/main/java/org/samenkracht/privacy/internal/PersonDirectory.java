package org.samenkracht.privacy.internal;

import org.samenkracht.common.domain.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * The little privacy needs to know of a person and of their network without calling the modules
 * that sit above it (they depend on privacy): the name for headings, the organisation the file
 * belongs to, and which network member entries exist. Read-only, no other personal data.
 */
@Component
public class PersonDirectory {

    public record PersonName(UUID id, UUID organisationId, String fullName) {
    }

    public record MemberName(UUID id, String name, UUID accountId) {
    }

    private final JdbcClient jdbc;

    PersonDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PersonName person(UUID personId) {
        return jdbc.sql("select id, organisation_id, given_name || ' ' || family_name from person where id = ?")
                .param(personId)
                .query((rs, i) -> new PersonName(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)))
                .optional().orElseThrow(() -> new NotFound("person"));
    }

    public List<MemberName> networkMembers(UUID personId) {
        return jdbc.sql("select id, name, account_id from network_member where person_id = ? order by name")
                .param(personId)
                .query((rs, i) -> new MemberName(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class)))
                .list();
    }
}
