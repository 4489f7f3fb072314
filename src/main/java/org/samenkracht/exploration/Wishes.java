package org.samenkracht.exploration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.samenkracht.common.domain.NotFound;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.person.PersonView;
import org.samenkracht.person.Persons;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashSet;
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

    /** Where a wish was gathered. */
    public static final java.util.Set<String> SOURCES =
            java.util.Set.of("CONVERSATION", "ASSESSMENT_GRID", "PERSONAL_PROFILE", "SELF_REPORT", "PERSON");

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
        access.read(personId, Part.WISHES);
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
        access.require(personId, Part.WISHES, AccessKind.WRITE_AS_PERSON);
        if (wish.source() != null && !wish.source().isBlank() && !SOURCES.contains(wish.source())) {
            throw new RuleViolation("source", "validation.choice");
        }
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

    /** Adds a wish gathered from an instrument unless the person already has the same wish. */
    @Transactional
    public void addIfNew(UUID personId, String text, String source) {
        boolean known = jdbc.sql("select exists (select 1 from wish where person_id = ? and lower(text) = lower(?))")
                .params(personId, text.trim()).query(Boolean.class).single();
        if (!known) {
            add(personId, new AddWish(text, source));
        }
    }

    /**
     * The person puts their wishes in order: {@code order} lists every wish of the person exactly once,
     * most important first. A list that misses or adds a wish (for example because someone else added
     * one meanwhile) is refused, so no wish silently drops out of the order.
     */
    @Transactional
    public void reorder(UUID personId, List<UUID> order) {
        access.require(personId, Part.WISHES, AccessKind.WRITE_AS_PERSON);
        List<UUID> current = jdbc.sql("select id from wish where person_id = ? for update")
                .param(personId).query(UUID.class).list();
        if (order == null || order.size() != current.size() || !new HashSet<>(order).equals(new HashSet<>(current))) {
            throw new RuleViolation("order", "exploration.wishes.orderIncomplete");
        }
        for (int i = 0; i < order.size(); i++) {
            jdbc.sql("update wish set priority = ?, version = version + 1 where id = ? and person_id = ?")
                    .params(i + 1, order.get(i), personId).update();
        }
    }

    /** Moves one wish a place up (-1) or down (+1) in the person's order. */
    @Transactional
    public void move(UUID personId, UUID wishId, int direction) {
        List<UUID> order = new java.util.ArrayList<>(prioritised(personId).stream().map(Wish::id).toList());
        int at = order.indexOf(wishId);
        if (at < 0) {
            access.require(personId, Part.WISHES, AccessKind.WRITE_AS_PERSON);  // one who may only read is refused, not told "not found"
            throw new NotFound("wish");
        }
        int to = Math.max(0, Math.min(order.size() - 1, at + Integer.signum(direction)));
        order.add(to, order.remove(at));
        reorder(personId, order);
    }
}
