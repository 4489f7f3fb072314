package org.samenkracht.person;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** Changing a person's details; {@code version} is the one the editor started from. */
public record UpdatePerson(
        @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.tooLong}") String givenName,
        @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.tooLong}") String familyName,
        @Past(message = "{validation.past}") LocalDate dateOfBirth,
        @jakarta.validation.constraints.Pattern(regexp = ContactFormats.PHONE, message = "{validation.phone}") @Size(max = 40, message = "{validation.tooLong}") String phone,
        @Email(message = "{validation.email}") @Size(max = 200, message = "{validation.tooLong}") String email,
        @jakarta.validation.constraints.Pattern(regexp = ContactFormats.ADDRESS, message = "{validation.postcode}") @Size(max = 300, message = "{validation.tooLong}") String address,
        @Size(max = 100, message = "{validation.tooLong}") String neighbourhood,
        @NotNull(message = "{validation.required}") Integer version) {

    public static UpdatePerson of(PersonView p) {
        return new UpdatePerson(p.givenName(), p.familyName(), p.dateOfBirth(), p.phone(), p.email(), p.address(),
                p.neighbourhood(), p.version());
    }
}
