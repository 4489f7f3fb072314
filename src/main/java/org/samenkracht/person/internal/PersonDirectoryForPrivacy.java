package org.samenkracht.person.internal;

import org.samenkracht.common.web.RequestMemo;
import org.samenkracht.privacy.PersonDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The person module's answer to privacy's {@link PersonDirectory}: privacy sits below this module
 * and must not read its table, so the few facts it needs come from here. Remembered for one GET.
 */
@Component
class PersonDirectoryForPrivacy implements PersonDirectory {

    private final JdbcClient jdbc;

    PersonDirectoryForPrivacy(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<PersonName> find(UUID personId) {
        return Optional.ofNullable(RequestMemo.remember("person-directory:" + personId, () ->
                jdbc.sql("select id, organisation_id, given_name || ' ' || family_name from person where id = ?")
                        .param(personId)
                        .query((rs, i) -> new PersonName(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                                rs.getString(3)))
                        .optional().orElse(null)));
    }

    @Override
    public Map<UUID, String> names(Collection<UUID> personIds) {
        Map<UUID, String> names = new HashMap<>();
        if (personIds.isEmpty()) {
            return names;
        }
        jdbc.sql("select id, given_name || ' ' || family_name from person where id = any(?)")
                .param(personIds.stream().distinct().toArray(UUID[]::new))
                .query(rs -> {
                    names.put(rs.getObject(1, UUID.class), rs.getString(2));
                });
        return names;
    }

    @Override
    public void eraseRecord(UUID personId) {
        jdbc.sql("""
                update person set given_name = '-', family_name = '-', date_of_birth = null, phone = null, email = null,
                  address = null, neighbourhood = null, version = version + 1 where id = ?""").param(personId).update();
    }

    @Override
    public String recordAsJson(UUID personId) {
        return jdbc.sql("select coalesce(json_agg(row_to_json(t)), '[]'::json)::text from person t where id = ?")
                .param(personId).query(String.class).single();
    }
}
