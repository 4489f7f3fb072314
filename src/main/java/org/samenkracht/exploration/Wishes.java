package org.samenkracht.exploration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.samenkracht.common.web.NotFound;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.person.PersonView;
import org.samenkracht.person.Persons;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * The exploration module's API for wishes: gathered from the conversation and the instruments,
 * put in order by the person. Plans start from the top wishes.
 */
@Service
public class Wishes {

    public record AddWish(
            @NotBlank(message = "{validation.required}") @Size(max = 1000, message = "{validation.tooLong}") String text,
            String source) {
    }

    private final JdbcClient jdbc;
    private final PersonAccess access;
    private final Persons persons;

    Wishes(JdbcClient jdbc, PersonAccess access, Persons persons) {
        this.jdbc = jdbc;
        this.access = access;
        this.persons = persons;
    }

    /** The person's wishes, most important first. */
    @Transactional
    public List<Wish> prioritised(UUID personId) {
        if (!persons.exists(personId)) {
            throw new NotFound("person");
        }
        access.read(personId, "wishes");
        return jdbc.sql("select id, person_id, text, priority, source from wish where person_id = ? order by priority, created_at")
                .param(personId)
                .query((rs, i) -> new Wish(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getInt(4), rs.getString(5)))
                .list();
    }

    /** Adds a wish at the end of the order; the person (or the team with them) may add wishes. */
    @Transactional
    public UUID add(UUID personId, AddWish wish) {
        PersonView person = persons.get(personId);
        access.require(personId, AccessKind.WRITE_AS_PERSON, "wishes");
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into wish (id, organisation_id, person_id, text, priority, source, added_by)
                select ?, ?, ?, ?, coalesce(max(priority), 0) + 1, ?, ? from wish where person_id = ?""")
                .params(id, person.organisationId(), personId, wish.text().trim(),
                        wish.source() == null || wish.source().isBlank() ? "CONVERSATION" : wish.source(),
                        CurrentUser.get().id(), personId)
                .update();
        return id;
    }
}
