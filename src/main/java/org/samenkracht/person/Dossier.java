package org.samenkracht.person;

import org.samenkracht.privacy.CareTeam;
import org.samenkracht.privacy.Part;

import java.util.List;
import java.util.Set;

/**
 * The dossier page's read model, shared by the page and its API twin: who the person is, the latest
 * answers to the four questions and the care team (when the reader may read them), and the cards of the other modules
 * the reader may read, in order. What the reader may not read is not in it. {@code parts} names the parts
 * of the file it shows, so "no answers yet" ({@code questions} null, four questions among the parts) is never
 * confused with "not yours to see" (not among them): a page must not tell a reader a part is empty when it
 * was only closed to them.
 */
public record Dossier(PersonView person, FourQuestions.Version questions, List<CareTeam.Member> team, List<Card> cards,
                      Set<Part> parts) {

    public boolean shows(Part part) {
        return parts.contains(part);
    }

    /** One card: its template and what it shows. */
    public record Card(String template, Object data) {
    }
}
