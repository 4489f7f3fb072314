package org.samenkracht.privacy;

import org.samenkracht.common.domain.NotFound;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The little privacy needs to know of a person's file: that it exists, its name for headings, the
 * organisation it belongs to, and the record itself for the right of access. The person module sits
 * above privacy (it asks privacy's gate), so privacy cannot call it; the person module implements
 * this hook instead, and privacy never reads the person table itself.
 */
public interface PersonDirectory {

    record PersonName(UUID id, UUID organisationId, String fullName) {
    }

    Optional<PersonName> find(UUID personId);

    /** Names of these persons, for lists privacy keeps (notifications, emergency accesses). Unknown ids are left out. */
    Map<UUID, String> names(Collection<UUID> personIds);

    /** The person's own record as JSON, exactly as kept, for the "everything about me" export. */
    String recordAsJson(UUID personId);

    /** Erasure: the record keeps its id (other records point at it) and loses everything that names the person. */
    void eraseRecord(UUID personId);

    default PersonName person(UUID personId) {
        return find(personId).orElseThrow(() -> new NotFound("person"));
    }
}
