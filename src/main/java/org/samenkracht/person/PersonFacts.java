package org.samenkracht.person;

import org.samenkracht.privacy.AggregateCollection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The person module's facts for aggregate figures (insights): per person the neighbourhood and the first contact. */
@Service
public class PersonFacts {

    public record Fact(UUID personId, String neighbourhood, Instant firstContact) {
    }

    private final JdbcClient jdbc;

    PersonFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every person of the organisation, in one query; only for aggregate collection ({@link AggregateCollection}). */
    @Transactional(readOnly = true)
    public List<Fact> of(UUID organisationId) {
        AggregateCollection.require();
        return jdbc.sql("select id, neighbourhood, registered_at from person where organisation_id = ?")
                .param(organisationId)
                .query((rs, i) -> new Fact(rs.getObject(1, UUID.class), rs.getString(2), rs.getTimestamp(3).toInstant()))
                .list();
    }
}
