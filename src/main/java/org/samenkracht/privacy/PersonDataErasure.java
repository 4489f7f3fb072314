package org.samenkracht.privacy;

import java.util.Set;
import java.util.UUID;

/**
 * A module's part of erasing a person (the right to be forgotten), once the legal retention period
 * has passed. The tables it names are left to it; the generic erasure deletes the rows of every
 * other table with a {@code person_id} and blanks the identifying fields of the person record.
 */
public interface PersonDataErasure {

    Set<String> tables();

    void erase(UUID personId);
}
