package org.samenkracht.person.internal;

import org.samenkracht.person.FourQuestions;
import org.samenkracht.person.PersonView;
import org.samenkracht.person.RegisterPerson;
import org.samenkracht.person.UpdatePerson;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Persistence of the person's file: the aggregate through Spring Data JDBC, lists through JdbcClient. */
@Component
public class PersonStore {

    private final PersonRepository persons;
    private final JdbcClient jdbc;

    PersonStore(PersonRepository persons, JdbcClient jdbc) {
        this.persons = persons;
        this.jdbc = jdbc;
    }

    public void insert(UUID id, UUID organisationId, UUID registeredBy, RegisterPerson c) {
        Person p = new Person();
        p.id = id;
        p.organisationId = organisationId;
        p.registeredBy = registeredBy;
        p.registeredAt = Instant.now();
        apply(p, c.givenName(), c.familyName(), c.dateOfBirth(), c.phone(), c.email(), c.address(), c.neighbourhood());
        persons.save(p);
    }

    public void update(UUID id, UpdatePerson c) {
        Person p = persons.findById(id).orElseThrow();
        if (!p.version.equals(c.version())) {
            throw new OptimisticLockingFailureException("person " + id + " changed since version " + c.version());
        }
        apply(p, c.givenName(), c.familyName(), c.dateOfBirth(), c.phone(), c.email(), c.address(), c.neighbourhood());
        persons.save(p);
    }

    private static void apply(Person p, String given, String family, java.time.LocalDate dob, String phone,
                              String email, String address, String neighbourhood) {
        p.givenName = given.trim();
        p.familyName = family.trim();
        p.dateOfBirth = dob;
        p.phone = blankToNull(phone);
        p.email = blankToNull(email);
        p.address = blankToNull(address);
        p.neighbourhood = blankToNull(neighbourhood);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /**
     * Files in this organisation that may be the same person: the same name and date of birth, or the
     * same address (case and spaces ignored). Ids only, newest first, at most five.
     */
    public List<PossibleDuplicateRow> possibleDuplicates(UUID organisationId, String givenName, String familyName,
                                                         java.time.LocalDate dateOfBirth, String address) {
        String addressKey = address == null ? "" : address.replaceAll("[\\s,.]+", "").toLowerCase(java.util.Locale.ROOT);
        return jdbc.sql("""
                select id,
                       (lower(trim(given_name)) = lower(trim(:given)) and lower(trim(family_name)) = lower(trim(:family))
                        and date_of_birth = cast(:dob as date)) as same_name_and_birth
                from person
                where organisation_id = :org
                  and ((cast(:dob as date) is not null and date_of_birth = cast(:dob as date)
                        and lower(trim(family_name)) = lower(trim(:family)) and lower(trim(given_name)) = lower(trim(:given)))
                    or (length(:address) >= 6 and address is not null
                        and lower(regexp_replace(address, '[[:space:],.]+', '', 'g')) = :address))
                order by registered_at desc limit 5""")
                .param("org", organisationId).param("given", givenName == null ? "" : givenName)
                .param("family", familyName == null ? "" : familyName).param("dob", dateOfBirth)
                .param("address", addressKey)
                .query((rs, i) -> new PossibleDuplicateRow(rs.getObject(1, UUID.class), rs.getBoolean(2)))
                .list();
    }

    public record PossibleDuplicateRow(UUID id, boolean sameNameAndBirth) {
    }

    // Reads are one plain query mapped by hand: Spring Data JDBC's findById spent four times the
    // query's own time on metadata and conversion for one row (20 % of an API read, issue 13).
    private static final String VIEW = "select id, organisation_id, given_name, family_name, date_of_birth, phone,"
            + " email, address, neighbourhood, registered_at, version from person";

    private static final org.springframework.jdbc.core.RowMapper<PersonView> VIEW_ROW = (rs, i) -> new PersonView(
            rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
            rs.getObject(5, java.time.LocalDate.class), rs.getString(6), rs.getString(7), rs.getString(8),
            rs.getString(9), rs.getTimestamp(10).toInstant(), rs.getInt(11));

    public Optional<PersonView> find(UUID id) {
        return Optional.ofNullable(org.samenkracht.common.web.RequestMemo.remember("person:" + id,
                () -> jdbc.sql(VIEW + " where id = ?").param(id).query(VIEW_ROW).optional().orElse(null)));
    }

    public List<PersonView> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(VIEW + " where id = any(?)").param(ids.toArray(UUID[]::new)).query(VIEW_ROW).list().stream()
                .sorted(java.util.Comparator.comparing(PersonView::familyName).thenComparing(PersonView::givenName))
                .toList();
    }

    public List<FourQuestions.Version> fourQuestionsHistory(UUID personId) {
        return jdbc.sql("""
                        select q.version_no, q.what_matters, q.own_strength, q.needs, q.who_can_help,
                               u.display_name, q.recorded_at
                        from four_questions q join app_user u on u.id = q.recorded_by
                        where q.person_id = ? order by q.version_no desc""")
                .param(personId)
                .query((rs, i) -> new FourQuestions.Version(rs.getInt(1),
                        new FourQuestions.Answers(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                        rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** A new version; two saves at once cannot both take the same number (unique key), the second is a conflict. */
    public int insertFourQuestions(PersonView person, UUID recordedBy, FourQuestions.Answers a) {
        try {
            return jdbc.sql("""
                            insert into four_questions (id, organisation_id, person_id, version_no, what_matters,
                                                        own_strength, needs, who_can_help, recorded_by, recorded_at)
                            select ?, ?, ?, coalesce(max(version_no), 0) + 1, ?, ?, ?, ?, ?, ?
                            from four_questions where person_id = ?
                            returning version_no""")
                    .params(UUID.randomUUID(), person.organisationId(), person.id(), a.whatMatters().trim(),
                            a.ownStrength().trim(), a.needs().trim(), a.whoCanHelp().trim(), recordedBy,
                            Timestamp.from(Instant.now()), person.id())
                    .query(Integer.class).single();
        } catch (DuplicateKeyException e) {
            throw new OptimisticLockingFailureException("four questions of " + person.id() + " saved concurrently", e);
        }
    }
}
