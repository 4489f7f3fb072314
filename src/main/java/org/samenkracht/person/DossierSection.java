package org.samenkracht.person;

import org.samenkracht.privacy.Part;

/**
 * A card on the dossier page, offered by the module that owns what it shows (network, plan, …), so
 * modules plug in without a cycle. The dossier is read in one query: each section gives a scalar
 * SQL subquery over its own tables that returns what the card shows as JSON, for the person in the
 * named parameter {@code :person}; the dossier puts them together and asks the access gate first,
 * so a section whose part the reader may not read is not even queried.
 */
public interface DossierSection {

    /** Position on the page, low first. */
    int order();

    /**
     * The compiled template that renders the card ({@code "plan/card"} for {@code src/main/jte/plan/card.jte}); it gets
     * {@code page}, {@code person} and what {@link #data} gave as {@code data}.
     */
    String template();

    /** The part of the person's file the section shows. */
    Part part();

    /** A scalar subquery (in parentheses or not) over {@code :person}, giving the section's data as JSON. */
    String json();

    /**
     * What the template reads, from the JSON text the subquery gave ({@code null} when it gave SQL null).
     * The text is read straight into the section's records (a reader made once), not through a JSON tree.
     */
    Object data(String json);
}
