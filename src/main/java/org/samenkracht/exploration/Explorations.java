package org.samenkracht.exploration;

import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.common.domain.NotFound;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.exploration.internal.InstrumentCatalogue;
import org.samenkracht.exploration.internal.ResponseStore;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.person.PersonView;
import org.samenkracht.person.Persons;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The exploration module's API for instruments: fill one in (as a draft or completed), fill it in
 * again later, and read all responses over time. Completing an instrument gathers its wishes.
 */
@Service
public class Explorations {

    private final InstrumentCatalogue catalogue;
    private final ResponseStore store;
    private final Persons persons;
    private final PersonAccess access;
    private final Wishes wishes;

    Explorations(InstrumentCatalogue catalogue, ResponseStore store, Persons persons, PersonAccess access, Wishes wishes) {
        this.catalogue = catalogue;
        this.store = store;
        this.persons = persons;
        this.access = access;
        this.wishes = wishes;
    }

    /** The newest version of every instrument. */
    public List<Instrument> instruments() {
        return catalogue.current();
    }

    /** A known instrument version; an unknown one is refused with a clear message. */
    public Instrument instrument(String id, String version) {
        return catalogue.find(id, version)
                .orElseThrow(() -> new RuleViolation("instrumentVersion", "exploration.unknownInstrument", id, version));
    }

    public Instrument currentInstrument(String id) {
        return catalogue.current(id).orElseThrow(() -> new NotFound("instrument " + id));
    }

    /** Whether the current user may fill in this instrument for the person (for showing buttons only). */
    public boolean mayFillIn(UUID personId, Instrument instrument) {
        return access.may(personId, Part.INSTRUMENT_RESPONSES, kindFor(instrument));
    }

    @Transactional
    public UUID start(UUID personId, SaveResponse command) {
        Instrument instrument = instrument(command.instrument(), command.instrumentVersion());
        PersonView person = persons.get(personId);
        access.require(personId, Part.INSTRUMENT_RESPONSES, kindFor(instrument));
        Map<String, String> answers = validAnswers(instrument, command);
        CurrentUser user = CurrentUser.get();
        UUID id = UUID.randomUUID();
        store.insert(id, person.organisationId(), personId, instrument.id(), instrument.version(), answers,
                command.complete(), user.id(), user.isPersonHimself(personId));
        if (command.complete()) {
            gatherWishes(personId, instrument, answers);
        }
        return id;
    }

    /** Changes a draft (only its respondent may); completed responses stay as they were. */
    @Transactional
    public void update(UUID personId, UUID responseId, SaveResponse command) {
        ResponseStore.Stored stored = store.find(personId, responseId).orElseThrow(() -> notFound(personId, AccessKind.WRITE_AS_PERSON));
        Instrument instrument = instrument(stored.view().instrument(), stored.view().instrumentVersion());
        access.require(personId, Part.INSTRUMENT_RESPONSES, kindFor(instrument));
        if (!stored.view().isDraft()) {
            throw new RuleViolation("status", "exploration.response.completed");
        }
        if (!stored.respondentId().equals(CurrentUser.get().id())) {
            throw new AccessRefused("exploration.response.notYours");
        }
        if (command.version() == null) {
            throw new RuleViolation("version", "validation.required");
        }
        Map<String, String> answers = validAnswers(instrument, command);
        store.updateDraft(responseId, command.version(), answers, command.complete());
        if (command.complete()) {
            gatherWishes(personId, instrument, answers);
        }
    }

    @Transactional
    public List<ResponseView> responses(UUID personId) {
        access.read(personId, Part.INSTRUMENT_RESPONSES);
        return store.all(personId);
    }

    @Transactional
    public ResponseView response(UUID personId, UUID responseId) {
        ResponseView view = store.find(personId, responseId).orElseThrow(() -> notFound(personId, AccessKind.READ)).view();
        access.read(personId, Part.INSTRUMENT_RESPONSES);
        return view;
    }

    /** A response that is not there: who may not reach the person's responses at all hears that first (and it is logged). */
    private NotFound notFound(UUID personId, AccessKind kind) {
        access.require(personId, Part.INSTRUMENT_RESPONSES, kind);
        return new NotFound("response");
    }

    private static Map<String, String> validAnswers(Instrument instrument, SaveResponse command) {
        List<AnswerRules.Problem> problems = AnswerRules.check(instrument, command.answers(), command.complete());
        if (!problems.isEmpty()) {
            throw new InvalidAnswers(problems);
        }
        return AnswerRules.normalise(command.answers());
    }

    /** The self-report belongs to the person (they, or the team with them); other instruments are the team's. */
    private static AccessKind kindFor(Instrument instrument) {
        return instrument.respondent() == Instrument.Respondent.PERSON ? AccessKind.WRITE_AS_PERSON : AccessKind.WRITE;
    }

    private void gatherWishes(UUID personId, Instrument instrument, Map<String, String> answers) {
        String source = switch (instrument.id()) {
            case "assessment-grid" -> "ASSESSMENT_GRID";
            case "personal-profile" -> "PERSONAL_PROFILE";
            default -> "SELF_REPORT";
        };
        for (Instrument.Item item : instrument.answerItems()) {
            if (item.gathersWish() && answers.containsKey(item.linkId())) {
                String text = answers.get(item.linkId());
                wishes.addIfNew(personId, text.length() > 1000 ? text.substring(0, 1000) : text, source);
            }
        }
    }
}
