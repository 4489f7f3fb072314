package org.samenkracht.exploration;

import org.samenkracht.privacy.AggregateCollection;
import org.samenkracht.vocabulary.LifeDomain;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The exploration module's facts for aggregate figures (insights): per person who filled in "How am I doing?"
 * (qol-self) at least twice, the change per life domain from the first to the latest completed response.
 */
@Service
public class ExplorationFacts {

    public record Fact(UUID personId, Instant latest, Map<LifeDomain, Integer> change) {
    }

    /** The instrument's items per domain (qol-self.v1.json). */
    static final Map<String, LifeDomain> ITEMS = Map.of(
            "qol.emotional.score", LifeDomain.EMOTIONAL_WELLBEING, "qol.physical.score", LifeDomain.PHYSICAL_WELLBEING,
            "qol.material.score", LifeDomain.MATERIAL_WELLBEING, "qol.relations.score", LifeDomain.INTERPERSONAL_RELATIONS,
            "qol.inclusion.score", LifeDomain.SOCIAL_INCLUSION, "qol.development.score", LifeDomain.PERSONAL_DEVELOPMENT,
            "qol.self_determination.score", LifeDomain.SELF_DETERMINATION, "qol.rights.score", LifeDomain.RIGHTS);

    private final JdbcClient jdbc;

    ExplorationFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every person of the organisation with two or more completed qol-self responses, in one query; only for aggregate collection. */
    @Transactional(readOnly = true)
    public List<Fact> of(UUID organisationId) {
        AggregateCollection.require();
        List<String> keys = List.copyOf(ITEMS.keySet());
        StringBuilder cols = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            String k = keys.get(i);
            cols.append(", case when l.answers->>'").append(k).append("' ~ '^[0-9]{1,2}$' and f.answers->>'").append(k)
                    .append("' ~ '^[0-9]{1,2}$' then (l.answers->>'").append(k).append("')::int - (f.answers->>'").append(k)
                    .append("')::int end");
        }
        // one pass: per person the first and the latest answers (no join of two derived tables)
        return jdbc.sql("""
                        with r as (
                            select person_id, max(completed_at) as latest,
                                   (array_agg(answers order by completed_at))[1] as first,
                                   (array_agg(answers order by completed_at desc))[1] as last
                            from instrument_response
                            where organisation_id = :org and instrument = 'qol-self' and status = 'COMPLETED'
                            group by person_id having count(*) >= 2)
                        select r.person_id, r.latest""" + cols.toString().replace("l.answers", "r.last").replace("f.answers", "r.first")
                        + " from r")
                .param("org", organisationId)
                .query((rs, i) -> {
                    Map<LifeDomain, Integer> change = new EnumMap<>(LifeDomain.class);
                    for (int k = 0; k < keys.size(); k++) {
                        int v = rs.getInt(3 + k);
                        if (!rs.wasNull()) {
                            change.put(ITEMS.get(keys.get(k)), v);
                        }
                    }
                    return new Fact(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant(), change);
                })
                .list();
    }
}
