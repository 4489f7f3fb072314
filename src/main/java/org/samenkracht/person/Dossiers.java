package org.samenkracht.person;

import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.CareTeam;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads the dossier page in one round trip: PostgreSQL builds the person, the four questions, the
 * care team and every card the reader may see as JSON, one column each, and each is read straight
 * into its records. The access gate decides first (one query for
 * all parts, remembered for the request) and audits each part shown.
 */
@Service
public class Dossiers {

    private static final String PERSON = """
            (select json_build_object('id', p.id, 'organisationId', p.organisation_id, 'givenName', p.given_name,
                    'familyName', p.family_name, 'dateOfBirth', p.date_of_birth, 'phone', p.phone, 'email', p.email,
                    'address', p.address, 'neighbourhood', p.neighbourhood, 'registeredAt', p.registered_at,
                    'version', p.version)
             from person p where p.id = :person)""";

    private static final String QUESTIONS = """
            (select json_build_object('versionNo', q.version_no, 'recordedBy', u.display_name, 'recordedAt', q.recorded_at,
                    'answers', json_build_object('whatMatters', q.what_matters, 'ownStrength', q.own_strength,
                                                 'needs', q.needs, 'whoCanHelp', q.who_can_help))
             from four_questions q join app_user u on u.id = q.recorded_by
             where q.person_id = :person order by q.version_no desc limit 1)""";

    private final JdbcClient jdbc;
    private final ObjectReader personReader;
    private final ObjectReader questionsReader;
    private final PersonAccess access;
    private final CareTeam careTeam;
    private final List<DossierSection> sections;

    Dossiers(JdbcClient jdbc, JsonMapper json, PersonAccess access, CareTeam careTeam,
             ObjectProvider<DossierSection> sections) {
        this.jdbc = jdbc;
        this.personReader = json.readerFor(PersonView.class);
        this.questionsReader = json.readerFor(FourQuestions.Version.class);
        this.access = access;
        this.careTeam = careTeam;
        this.sections = sections.stream().sorted(Comparator.comparingInt(DossierSection::order)).toList();
    }

    @Transactional
    public Dossier read(UUID personId) {
        access.read(personId, Part.PERSON);
        boolean questions = readable(personId, Part.FOUR_QUESTIONS);
        boolean team = readable(personId, Part.CARE_TEAM);
        List<DossierSection> shown = sections.stream().filter(s -> readable(personId, s.part())).toList();
        StringBuilder sql = new StringBuilder("select ").append(PERSON).append("::text, ")
                .append(questions ? QUESTIONS + "::text" : "null::text").append(", ")
                .append(team ? "(" + CareTeam.MEMBERS_JSON + ")::text" : "null::text");
        for (DossierSection section : shown) {
            sql.append(", (").append(section.json()).append(")::text");
        }
        int columns = shown.size() + 3;
        String[] page = jdbc.sql(sql.toString()).param("person", personId).query((rs, row) -> {
            String[] texts = new String[columns];
            for (int c = 0; c < columns; c++) {
                texts[c] = rs.getString(c + 1);
            }
            return texts;
        }).single();
        if (page[0] == null) {
            throw new org.samenkracht.common.domain.NotFound("person");
        }
        List<Dossier.Card> cards = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            cards.add(new Dossier.Card(shown.get(i).template(), shown.get(i).data(page[i + 3])));
        }
        Set<Part> parts = EnumSet.of(Part.PERSON);
        if (questions) {
            parts.add(Part.FOUR_QUESTIONS);
        }
        if (team) {
            parts.add(Part.CARE_TEAM);
        }
        shown.forEach(s -> parts.add(s.part()));
        return new Dossier(personReader.readValue(page[0]),
                page[1] == null ? null : questionsReader.readValue(page[1]),
                team ? careTeam.members(personId, page[2]) : List.of(), cards, Collections.unmodifiableSet(parts));
    }

    /** Whether the reader may read the part; if so, the read is audited (once per request). */
    private boolean readable(UUID personId, Part part) {
        if (!access.may(personId, part, AccessKind.READ)) {
            return false;
        }
        access.read(personId, part);
        return true;
    }
}
