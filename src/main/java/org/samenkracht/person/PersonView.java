package org.samenkracht.person;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** What other modules and pages may know of a person: the details kept to what support needs. */
public record PersonView(UUID id, UUID organisationId, String givenName, String familyName, LocalDate dateOfBirth,
                         String phone, String email, String address, String neighbourhood, Instant registeredAt,
                         int version) {
    public String fullName() {
        return givenName + " " + familyName;
    }
}
