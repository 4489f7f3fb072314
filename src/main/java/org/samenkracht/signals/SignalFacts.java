package org.samenkracht.signals;

import org.samenkracht.privacy.AggregateCollection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The signalling module's facts for aggregate figures (insights): per signal (not purged) when it came in, its urgency,
 * whether it was triaged within its deadline, the neighbourhood it was given (on the form, or from the file it was
 * linked to) and the person it led to if any (whose neighbourhood counts when the signal has none; else unknown).
 */
@Service
public class SignalFacts {

    public record Fact(UUID personId, Instant receivedAt, String kind, boolean followedUpInTime, String neighbourhood) {
    }

    private final JdbcClient jdbc;

    SignalFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every signal of the organisation, in one query; only for aggregate collection. */
    @Transactional(readOnly = true)
    public List<Fact> of(UUID organisationId) {
        AggregateCollection.require();
        return jdbc.sql("""
                        select person_id, received_at, kind, coalesce(triaged_at <= due_at, false), neighbourhood
                        from signal where organisation_id = ? and purged_at is null""")
                .param(organisationId)
                .query((rs, i) -> new Fact(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getBoolean(4), rs.getString(5)))
                .list();
    }
}
