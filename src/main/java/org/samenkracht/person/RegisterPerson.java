package org.samenkracht.person;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * Registering a person: only what support needs. An own account is optional and lets the person
 * read and co-write their file.
 */
public record RegisterPerson(
        @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.tooLong}") String givenName,
        @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.tooLong}") String familyName,
        @Past(message = "{validation.past}") LocalDate dateOfBirth,
        @jakarta.validation.constraints.Pattern(regexp = ContactFormats.PHONE, message = "{validation.phone}") @Size(max = 40, message = "{validation.tooLong}") String phone,
        @Email(message = "{validation.email}") @Size(max = 200, message = "{validation.tooLong}") String email,
        @jakarta.validation.constraints.Pattern(regexp = ContactFormats.ADDRESS, message = "{validation.postcode}") @Size(max = 300, message = "{validation.tooLong}") String address,
        @Size(max = 100, message = "{validation.tooLong}") String neighbourhood,
        @Pattern(regexp = "^$|^[a-z0-9._-]{3,60}$", message = "{validation.username}") String username,
        @Pattern(regexp = "^$|^.{10,200}$", message = "{validation.password}") String password) {

    public static RegisterPerson empty() {
        return new RegisterPerson("", "", null, "", "", "", "", "", "");
    }

    public boolean wantsAccount() {
        return username != null && !username.isBlank();
    }
}
