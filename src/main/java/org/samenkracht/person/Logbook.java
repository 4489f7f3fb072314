package org.samenkracht.person;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.samenkracht.common.domain.NotFound;
import org.samenkracht.common.domain.RuleViolation;
import org.samenkracht.identity.CurrentUser;
import org.samenkracht.person.internal.DialogueStore;
import org.samenkracht.privacy.PersonAccess;
import org.samenkracht.privacy.Part;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The logbook: short entries per person (contact moments, phone calls, home visits), searchable
 * with PostgreSQL's Dutch full-text search, for one person or across the user's own caseload.
 */
@Service
public class Logbook {

    public static final ZoneId ZONE = org.samenkracht.common.time.AmsterdamTime.ZONE;
    public static final int MAX_HITS = 50;

    public enum Kind { CONTACT, PHONE_CALL, HOME_VISIT, MESSAGE, OTHER }

    public record NewEntry(@NotNull(message = "{validation.choice}") Kind kind,
                           @org.springframework.format.annotation.DateTimeFormat(iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE_TIME) LocalDateTime occurredAt,
                           @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.tooLong}") String text) {
        public static NewEntry empty() {
            return new NewEntry(Kind.CONTACT, null, "");
        }
    }

    public record Entry(UUID id, UUID personId, String personName, Kind kind, Instant occurredAt, String text,
                        String authorName) {
    }

    private final DialogueStore store;
    private final Persons persons;
    private final PersonAccess access;

    Logbook(DialogueStore store, Persons persons, PersonAccess access) {
        this.store = store;
        this.persons = persons;
        this.access = access;
    }

    @Transactional
    public UUID add(UUID personId, NewEntry entry) {
        PersonView person = persons.get(personId);
        access.write(personId, Part.LOGBOOK);
        Instant at = entry.occurredAt() == null ? Instant.now() : entry.occurredAt().atZone(ZONE).toInstant();
        if (at.isAfter(Instant.now().plusSeconds(300))) {
            throw new RuleViolation("occurredAt", "logbook.occurredAt.future");
        }
        UUID id = UUID.randomUUID();
        store.insertLogbook(id, person.organisationId(), personId, entry.kind(), at, entry.text().trim(),
                CurrentUser.get().id());
        return id;
    }

    /** The person's logbook, newest first; with a query, only the entries that match it (Dutch stemming). */
    @Transactional
    public List<Entry> entries(UUID personId, String query) {
        access.read(personId, Part.LOGBOOK);
        return store.logbook(personId, clean(query), MAX_HITS);
    }

    /**
     * Searches the logbooks of everyone in whose care team the current user takes part (their team's
     * caseload), newest first. Each person whose entries are shown is read through the access gate.
     */
    @Transactional
    public List<Entry> search(String query) {
        String q = clean(query);
        if (q == null) {
            throw new RuleViolation("q", "validation.required");
        }
        CurrentUser user = CurrentUser.get();
        List<Entry> hits = store.searchCaseload(user.id(), user.organisationId(), q, MAX_HITS);
        Set<UUID> shown = Set.copyOf(access.readable(hits.stream().map(Entry::personId).distinct().toList(), Part.LOGBOOK));
        return hits.stream().filter(h -> shown.contains(h.personId())).toList();
    }

    private static String clean(String query) {
        if (query == null || query.isBlank()) {
            return null;
        }
        if (query.length() > 200) {
            throw new RuleViolation("q", "logbook.query.tooLong");
        }
        return query.trim();
    }
}
