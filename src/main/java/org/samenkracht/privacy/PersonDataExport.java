package org.samenkracht.privacy;

import java.util.Set;
import java.util.UUID;

/**
 * A module's part of "everything about a person" (the right of access). A module implements this as
 * a bean to give its data a readable shape in the export; the tables it names are then left out of
 * the generic sweep, which otherwise exports every row of every table with a {@code person_id}.
 * Called as the requesting user, inside the export's transaction: use the module's own API.
 */
public interface PersonDataExport {

    /** The section's name in the JSON and its heading key in the PDF. */
    String section();

    /** The tables this section covers. */
    Set<String> tables();

    /** The data, as records, lists and maps that serialise to JSON. */
    Object export(UUID personId);
}
