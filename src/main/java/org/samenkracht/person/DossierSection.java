package org.samenkracht.person;

import java.util.UUID;

/**
 * A part of the person's file shown on the dossier page by another module (network, plan, …).
 * The person module only knows this interface, so modules plug in without a cycle. The dossier
 * page has already checked read access for the person before sections are asked for their data.
 */
public interface DossierSection {

    /** Position on the page, low first. */
    int order();

    /** Thymeleaf fragment that renders the section, reading its data from {@code data}. */
    String template();

    /** The section's data for one person, built in as few queries as possible. */
    Object data(UUID personId);
}
