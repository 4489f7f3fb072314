package org.samenkracht.person;

import org.samenkracht.privacy.CareTeam;

import java.util.List;

/**
 * The dossier page's read model, shared by the page and its API twin: who the person is, the latest
 * answers to the four questions and the care team (when the reader may read them), and the cards of the other modules
 * the reader may read, in order. What the reader may not read is not in it.
 */
public record Dossier(PersonView person, FourQuestions.Version questions, List<CareTeam.Member> team, List<Card> cards) {

    /** One card: its template and what it shows. */
    public record Card(String template, Object data) {
    }
}
