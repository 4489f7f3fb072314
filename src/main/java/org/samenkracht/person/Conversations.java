package org.samenkracht.person;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.samenkracht.common.domain.AccessRefused;
import org.samenkracht.common.domain.NotFound;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.identity.Role;
import org.samenkracht.person.internal.DialogueStore;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Conversations (gesprekken) with the person, noted along the five phases, and their report
 * (verslag): the support need and what was agreed, final only when both sides agreed
 * ({@link DualAgreement}). Either side can add a remark.
 */
@Service
public class Conversations {

    /** Communication strategies (seed 001, 1464). */
    public enum Strategy { INFORMING, FACILITATING, OPEN_CONSULTATION, NEGOTIATING }

    /** What a professional notes of a conversation; {@code version} is the one the editor started from (null when new). */
    public record Record(
            @NotNull(message = "{validation.required}") @PastOrPresent(message = "{conversation.heldOn.future}") LocalDate heldOn,
            @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.tooLong}") String place,
            @Size(max = 1000, message = "{validation.tooLong}") String participants,
            @NotNull(message = "{validation.choice}") Strategy strategy,
            @Size(max = 4000, message = "{validation.tooLong}") String exploring,
            @Size(max = 4000, message = "{validation.tooLong}") String analysing,
            @Size(max = 4000, message = "{validation.tooLong}") String solving,
            @Size(max = 4000, message = "{validation.tooLong}") String formulating,
            @Size(max = 4000, message = "{validation.tooLong}") String evaluating,
            @Size(max = 4000, message = "{validation.tooLong}") String supportNeed,
            @Size(max = 4000, message = "{validation.tooLong}") String agreements,
            Integer version) {

        public static Record empty() {
            return new Record(LocalDate.now(), "", "", Strategy.OPEN_CONSULTATION, "", "", "", "", "", "", "", null);
        }

        public static Record of(View v) {
            return new Record(v.heldOn(), v.place(), v.participants(), v.strategy(), v.exploring(), v.analysing(),
                    v.solving(), v.formulating(), v.evaluating(), v.supportNeed(), v.agreements(), v.version());
        }
    }

    public record Remark(UUID id, String authorName, boolean byPerson, String text, Instant createdAt) {
    }

    public record RemarkText(@NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.tooLong}") String text) {
    }

    public record Agree(@NotNull(message = "{validation.required}") Integer version) {
    }

    public record View(UUID id, UUID personId, LocalDate heldOn, String place, String participants, Strategy strategy,
                       String exploring, String analysing, String solving, String formulating, String evaluating,
                       String supportNeed, String agreements, String professionalName, DualAgreement agreement,
                       String agreedByName, List<Remark> remarks, int version) {
        @com.fasterxml.jackson.annotation.JsonProperty("status")
        public DualAgreement.Status status() {
            return agreement.status();
        }
    }

    private final DialogueStore store;
    private final Persons persons;
    private final PersonAccess access;

    Conversations(DialogueStore store, Persons persons, PersonAccess access) {
        this.store = store;
        this.persons = persons;
        this.access = access;
    }

    /** A professional of the team records a conversation. */
    @Transactional
    public UUID hold(UUID personId, Record record) {
        PersonView person = persons.get(personId);
        access.write(personId, Part.CONVERSATIONS);
        UUID id = UUID.randomUUID();
        store.insertConversation(id, person.organisationId(), personId, record, CurrentUser.get().id());
        return id;
    }

    /** Changes the notes and report; a changed report needs both agreements again. */
    @Transactional
    public void change(UUID personId, UUID conversationId, Record record) {
        access.write(personId, Part.CONVERSATIONS);
        store.conversation(personId, conversationId).orElseThrow(() -> new NotFound("conversation"));
        if (record.version() == null) {
            throw new OptimisticLockingFailureException("conversation " + conversationId + " changed without a version");
        }
        store.updateConversation(conversationId, record, DualAgreement.none());
    }

    /** The person agrees for themself, a professional of the team for the professional side, to the version read. */
    @Transactional
    public void agree(UUID personId, UUID conversationId, int version) {
        access.require(personId, Part.CONVERSATIONS, AccessKind.WRITE_AS_PERSON);
        View view = store.conversation(personId, conversationId).orElseThrow(() -> new NotFound("conversation"));
        CurrentUser user = CurrentUser.get();
        if (!user.isPersonHimself(personId) && !user.role().supportsPeople()) {
            throw new AccessRefused("conversation.refused.cannotAgree");
        }
        store.agree(conversationId, version,
                view.agreement().agree(user.isPersonHimself(personId), user.id(), Instant.now()));
    }

    @Transactional
    public void remark(UUID personId, UUID conversationId, RemarkText remark) {
        access.require(personId, Part.CONVERSATIONS, AccessKind.WRITE_AS_PERSON);
        View view = store.conversation(personId, conversationId).orElseThrow(() -> new NotFound("conversation"));
        CurrentUser user = CurrentUser.get();
        store.insertRemark(view.id(), persons.get(personId).organisationId(), user.id(), user.isPersonHimself(personId),
                remark.text().trim());
    }

    @Transactional
    public View get(UUID personId, UUID conversationId) {
        access.read(personId, Part.CONVERSATIONS);
        return store.conversation(personId, conversationId).orElseThrow(() -> new NotFound("conversation"));
    }

    /** All conversations with the person, newest first. */
    @Transactional
    public List<View> all(UUID personId) {
        access.read(personId, Part.CONVERSATIONS);
        return store.conversations(personId);
    }

    /** Whether this user is someone who can agree for the professional side (for showing buttons). */
    public static boolean agreesAsProfessional(CurrentUser user) {
        return user.role() != Role.PERSON && user.role().supportsPeople();
    }
}
