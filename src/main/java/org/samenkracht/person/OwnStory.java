package org.samenkracht.person;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.samenkracht.common.domain.NotFound;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.person.internal.DialogueStore;
import org.samenkracht.privacy.AccessKind;
import org.samenkracht.privacy.Part;
import org.samenkracht.privacy.PersonAccess;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The person's own story. What the person writes is theirs ({@link StoryAuthorship}); a professional
 * adds only a clearly separate contribution, and nobody edits another's text.
 */
@Service
public class OwnStory {

    public enum Kind { OWN, CONTRIBUTION }

    public record Entry(UUID id, UUID personId, Kind kind, String text, UUID authorId, String authorName,
                        Instant createdAt, Instant editedAt, int version) {
    }

    public record Write(@NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}") String text) {
    }

    public record Edit(@NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.tooLong}") String text,
                       @NotNull(message = "{validation.required}") Integer version) {
    }

    private final DialogueStore store;
    private final Persons persons;
    private final PersonAccess access;

    OwnStory(DialogueStore store, Persons persons, PersonAccess access) {
        this.store = store;
        this.persons = persons;
        this.access = access;
    }

    /** The person adds to their story; anyone else's addition is kept apart as a contribution. */
    @Transactional
    public UUID add(UUID personId, Write write) {
        PersonView person = persons.get(personId);
        access.require(personId, Part.OWN_STORY, AccessKind.WRITE_AS_PERSON);
        CurrentUser user = CurrentUser.get();
        UUID id = UUID.randomUUID();
        store.insertStory(id, person.organisationId(), personId, StoryAuthorship.kindFor(user, personId),
                write.text().trim(), user.id());
        return id;
    }

    /** Changes an entry: only its author may, and only from the version they read. */
    @Transactional
    public void edit(UUID personId, UUID entryId, Edit edit) {
        access.require(personId, Part.OWN_STORY, AccessKind.WRITE_AS_PERSON);
        Entry entry = store.storyEntry(personId, entryId).orElseThrow(() -> new NotFound("story entry"));
        StoryAuthorship.requireAuthor(entry, CurrentUser.get());
        store.editStory(entryId, edit.version(), edit.text().trim());
    }

    @Transactional
    public List<Entry> entries(UUID personId) {
        access.read(personId, Part.OWN_STORY);
        return store.story(personId);
    }
}
