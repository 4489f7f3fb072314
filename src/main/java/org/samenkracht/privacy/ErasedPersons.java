package org.samenkracht.privacy;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The people of an organisation whose file was erased (the right to be forgotten). Only their ids, from privacy's own
 * erasure record: a module that counts people in bulk (insights) leaves them out, so an erased person is never counted
 * again after the erasure, not even as a blanked record.
 */
@Service
public class ErasedPersons {

    private final JdbcClient jdbc;

    ErasedPersons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Set<UUID> of(UUID organisationId) {
        return new HashSet<>(jdbc.sql("select person_id from erasure where organisation_id = ?").param(organisationId)
                .query(UUID.class).list());
    }
}
