package org.samenkracht.privacy;

import java.util.Optional;
import java.util.UUID;

/**
 * Who is on duty for an organisation (the signalling network keeps it: issue 19). Privacy asks it
 * who besides the person's coach may approve emergency access by someone of another organisation;
 * privacy does not read that module's tables.
 */
public interface OnDuty {

    /** The enabled professional on duty for the organisation, if one is set. */
    Optional<java.util.UUID> professionalOnDuty(UUID organisationId);
}
