package org.samenkracht.person.internal;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The person aggregate: the details kept to what support needs. Optimistically locked. */
@Table("person")
class Person {
    @Id
    UUID id;
    UUID organisationId;
    String givenName;
    String familyName;
    LocalDate dateOfBirth;
    String phone;
    String email;
    String address;
    String neighbourhood;
    Instant registeredAt;
    UUID registeredBy;
    @Version
    Integer version;
}
