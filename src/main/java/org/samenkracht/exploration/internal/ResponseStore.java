package org.samenkracht.exploration.internal;

import org.samenkracht.exploration.ResponseView;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Responses to instruments; the answers as one JSON object per response (linkId → value). */
@Component
public class ResponseStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String COLUMNS = """
            r.id, r.person_id, r.instrument, r.instrument_version, r.status, r.answers::text, u.display_name,
            r.respondent_is_person, r.created_at, r.updated_at, r.completed_at, r.version, r.respondent_id""";

    private final JdbcClient jdbc;

    ResponseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, UUID organisationId, UUID personId, String instrument, String version,
                       Map<String, String> answers, boolean complete, UUID respondent, boolean respondentIsPerson) {
        jdbc.sql("""
                insert into instrument_response (id, organisation_id, person_id, instrument, instrument_version, status,
                    answers, respondent_id, respondent_is_person, completed_at)
                values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, case when ? then now() end)""")
                .params(id, organisationId, personId, instrument, version, complete ? "COMPLETED" : "DRAFT",
                        JSON.writeValueAsString(answers), respondent, respondentIsPerson, complete)
                .update();
    }

    /** Changes a draft; a version that moved on (someone else saved) is a conflict. */
    public void updateDraft(UUID id, int expectedVersion, Map<String, String> answers, boolean complete) {
        int n = jdbc.sql("""
                update instrument_response set answers = ?::jsonb, status = ?, updated_at = now(),
                    completed_at = case when ? then now() end, version = version + 1
                where id = ? and version = ? and status = 'DRAFT'""")
                .params(JSON.writeValueAsString(answers), complete ? "COMPLETED" : "DRAFT", complete, id, expectedVersion)
                .update();
        if (n == 0) {
            throw new OptimisticLockingFailureException("response " + id + " changed since version " + expectedVersion);
        }
    }

    public record Stored(ResponseView view, UUID respondentId) {
    }

    public Optional<Stored> find(UUID personId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from instrument_response r join app_user u on u.id = r.respondent_id"
                        + " where r.id = ? and r.person_id = ?")
                .params(id, personId).query(ResponseStore::map).optional();
    }

    /** All responses of a person, completed ones in the order they were completed, drafts last. */
    public List<ResponseView> all(UUID personId) {
        return jdbc.sql("select " + COLUMNS + " from instrument_response r join app_user u on u.id = r.respondent_id"
                        + " where r.person_id = ? order by r.completed_at nulls last, r.created_at")
                .param(personId).query(ResponseStore::map).list().stream().map(Stored::view).toList();
    }

    private static Stored map(ResultSet rs, int i) throws SQLException {
        Map<String, String> answers = JSON.readValue(rs.getString(6), new TypeReference<LinkedHashMap<String, String>>() {
        });
        Timestamp completed = rs.getTimestamp(11);
        return new Stored(new ResponseView(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4), ResponseView.Status.valueOf(rs.getString(5)), answers, rs.getObject(13, UUID.class), rs.getString(7), rs.getBoolean(8),
                rs.getTimestamp(9).toInstant(), rs.getTimestamp(10).toInstant(),
                completed == null ? null : completed.toInstant(), rs.getInt(12)), rs.getObject(13, UUID.class));
    }
}
